/**
 * Phrase banks per language. The text is synthetic but built from the real material of the
 * samples — the same leaders, places, organisations and document references, spelled the way
 * the machine translations spell them — so generated files exercise the ingest's and the
 * topic matcher's real code paths, inflected forms included.
 *
 * Slots in templates: {person} (a role) always followed by {name}; {placeNom}, {placeGen},
 * {placeLoc}, {orgNom}, {orgGen}, {doc} (with its prefix "la résolution n° "), {docBare}, {year}, {num}.
 */
import type { Lang } from '../../src/schemas/article.ts';

export interface Person {
  name: Record<Lang, string>;
  role: Record<Lang, string>;
}

interface Place {
  /** Nominative; genitive; locative phrase ("à Hanoï", "в Ханое", "στο Ανόι"). */
  nom: string;
  gen: string;
  loc: string;
}

interface Org {
  nom: string;
  gen: string;
}

export const THEMES = [
  'apparatus',
  'congress',
  'personnel',
  'inspection',
  'digital',
  'economy',
  'emulation',
  'assembly',
] as const;
export type Theme = (typeof THEMES)[number];

export interface LangBank {
  places: readonly Place[];
  orgs: readonly Org[];
  docPrefix: readonly string[];
  general: readonly string[];
  themes: Record<Theme, readonly string[]>;
  /** Sentences lifted from the samples, used as they are. */
  fixed: readonly string[];
  titles: readonly string[];
  subheadings: readonly string[];
  quote: readonly [string, string];
  captions: readonly string[];
  tags: readonly string[];
  months: readonly string[];
  dateline: readonly ((day: number, month: string) => string)[];
  photoLabels: readonly string[];
  sourceLabel: string;
  comment: string;
  ad: string;
  sameCategory: string;
  sameAuthor: string;
  chromeWords: readonly string[];
  headlines: readonly string[];
  bylines: readonly string[];
}

export const PEOPLE: readonly Person[] = [
  {
    name: { fr: 'To Lam', ru: 'То Лам', el: 'Το Λαμ' },
    role: { fr: 'le secrétaire général', ru: 'Генеральный секретарь', el: 'ο Γενικός Γραμματέας' },
  },
  {
    name: { fr: 'Luong Cuong', ru: 'Лыонг Кыонг', el: 'Λουόνγκ Κουόνγκ' },
    role: { fr: 'le président de la République', ru: 'Президент', el: 'ο Πρόεδρος' },
  },
  {
    name: { fr: 'Pham Minh Chinh', ru: 'Фам Минь Тьинь', el: 'Φαμ Μινχ Τσινχ' },
    role: { fr: 'le Premier ministre', ru: 'Премьер-министр', el: 'ο Πρωθυπουργός' },
  },
  {
    name: { fr: 'Tran Thanh Man', ru: 'Чан Тхань Ман', el: 'Τραν Τχαν Μαν' },
    role: {
      fr: "le président de l'Assemblée nationale",
      ru: 'Председатель Национального собрания',
      el: 'ο Πρόεδρος της Εθνοσυνέλευσης',
    },
  },
  {
    name: { fr: 'Tran Cam Tu', ru: 'Чан Кам Ту', el: 'Τραν Καμ Του' },
    role: {
      fr: 'le membre permanent du Secrétariat',
      ru: 'Постоянный член Секретариата',
      el: 'το Μόνιμο Μέλος της Γραμματείας',
    },
  },
  {
    name: { fr: 'Nguyen Duy Ngoc', ru: 'Нгуен Зуй Нгок', el: 'Νγκουγιέν Ζούι Νγκοκ' },
    role: {
      fr: 'le secrétaire du Comité du Parti de Hanoï',
      ru: 'секретарь городского комитета партии',
      el: 'ο Γραμματέας της Επιτροπής του Κόμματος του Ανόι',
    },
  },
  {
    name: { fr: 'Nguyen Van Phong', ru: 'Нгуен Ван Фонг', el: 'Νγκουγιέν Βαν Φονγκ' },
    role: {
      fr: 'le secrétaire adjoint permanent du Comité du Parti de Hanoï',
      ru: 'постоянный заместитель секретаря горкома партии Ханоя',
      el: 'ο Μόνιμος Αναπληρωτής Γραμματέας της Επιτροπής του Κόμματος του Ανόι',
    },
  },
  {
    name: { fr: 'Nguyen Ho Hai', ru: 'Нгуен Хо Хай', el: 'Νγκουγιέν Χο Χάι' },
    role: {
      fr: 'le secrétaire adjoint permanent du Comité du Parti de Ho Chi Minh-Ville',
      ru: 'постоянный заместитель секретаря горкома партии Хошимина',
      el: 'ο Μόνιμος Αναπληρωτής Γραμματέας της Επιτροπής του Κόμματος της Πόλης Χο Τσι Μινχ',
    },
  },
  {
    name: { fr: 'Pham Van Hau', ru: 'Фам Ван Хау', el: 'Φαμ Βαν Χάου' },
    role: {
      fr: 'le secrétaire adjoint permanent du Comité provincial du Parti',
      ru: 'постоянный заместитель секретаря провинциального комитета партии',
      el: 'ο Μόνιμος Αναπληρωτής Γραμματέας της Επαρχιακής Επιτροπής του Κόμματος',
    },
  },
  {
    name: { fr: 'Le Minh Hung', ru: 'Ле Минь Хунг', el: 'Λε Μινχ Χουνγκ' },
    role: {
      fr: "le chef de la Commission centrale d'organisation",
      ru: 'глава Центрального организационного комитета',
      el: 'ο Επικεφαλής της Κεντρικής Οργανωτικής Επιτροπής',
    },
  },
  {
    name: { fr: 'Vu Duc Bao', ru: 'Ву Дык Бао', el: 'Βου Ντουκ Μπάο' },
    role: {
      fr: "le chef de la Commission d'organisation du Comité du Parti de Hanoï",
      ru: 'глава организационного комитета горкома партии Ханоя',
      el: 'ο Επικεφαλής της Οργανωτικής Επιτροπής της Επιτροπής του Κόμματος του Ανόι',
    },
  },
  {
    name: { fr: 'Nguyen Phu Trong', ru: 'Нгуен Фу Чонг', el: 'Νγκουγιέν Φου Τρονγκ' },
    role: { fr: 'feu le secrétaire général', ru: 'покойный Генеральный секретарь', el: 'ο αείμνηστος Γενικός Γραμματέας' },
  },
];

export const DOCUMENT_REFS: readonly string[] = [
  '18-NQ/TW',
  '57-NQ/TW',
  '15-NQ/TW',
  '66-NQ/TW',
  '68-NQ/TW',
  '35-CT/TW',
  '45-CT/TW',
  '09-KL/BCĐ',
  '126-KL/TW',
  '127-KL/TW',
  '98/2023/QH15',
  '136/2024/QH15',
  '190/2025/QH15',
];

const fr: LangBank = {
  places: [
    { nom: 'Hanoï', gen: 'de Hanoï', loc: 'à Hanoï' },
    { nom: 'Ho Chi Minh-Ville', gen: 'de Ho Chi Minh-Ville', loc: 'à Ho Chi Minh-Ville' },
    { nom: 'Da Nang', gen: 'de Da Nang', loc: 'à Da Nang' },
    { nom: 'Hai Phong', gen: 'de Hai Phong', loc: 'à Hai Phong' },
    { nom: 'Can Tho', gen: 'de Can Tho', loc: 'à Can Tho' },
    { nom: 'la province de Ninh Thuan', gen: 'de la province de Ninh Thuan', loc: 'dans la province de Ninh Thuan' },
    { nom: 'la province de Ca Mau', gen: 'de la province de Ca Mau', loc: 'dans la province de Ca Mau' },
    { nom: 'la province de Quang Ninh', gen: 'de la province de Quang Ninh', loc: 'dans la province de Quang Ninh' },
    { nom: 'la province de Phu Tho', gen: 'de la province de Phu Tho', loc: 'dans la province de Phu Tho' },
    { nom: 'Tuyen Quang', gen: 'de Tuyen Quang', loc: 'à Tuyen Quang' },
    { nom: 'Lao Cai', gen: 'de Lao Cai', loc: 'à Lao Cai' },
    { nom: 'la province de Nghe An', gen: 'de la province de Nghe An', loc: 'dans la province de Nghe An' },
    { nom: 'Thanh Hoa', gen: 'de Thanh Hoa', loc: 'à Thanh Hoa' },
    { nom: 'Hué', gen: 'de Hué', loc: 'à Hué' },
  ],
  orgs: [
    { nom: 'le Bureau politique', gen: 'du Bureau politique' },
    { nom: 'le Politburo', gen: 'du Politburo' },
    { nom: 'le Secrétariat', gen: 'du Secrétariat' },
    { nom: 'le Comité central du Parti', gen: 'du Comité central du Parti' },
    { nom: "l'Assemblée nationale", gen: "de l'Assemblée nationale" },
    { nom: 'le Gouvernement', gen: 'du Gouvernement' },
    { nom: 'le Front de la Patrie du Vietnam', gen: 'du Front de la Patrie du Vietnam' },
    { nom: "la Commission centrale d'organisation", gen: "de la Commission centrale d'organisation" },
    { nom: "la Commission centrale d'inspection", gen: "de la Commission centrale d'inspection" },
    { nom: 'les Conseils populaires', gen: 'des Conseils populaires' },
    { nom: 'les Comités populaires', gen: 'des Comités populaires' },
    { nom: "l'Union de la jeunesse communiste Ho Chi Minh", gen: "de l'Union de la jeunesse communiste Ho Chi Minh" },
  ],
  docPrefix: ['la résolution n° ', 'la Résolution ', 'la conclusion n° ', 'la directive n° '],
  general: [
    '{person} {name} a souligné que {orgNom} doit continuer à renforcer le leadership et la direction de tous les travaux.',
    'Selon {person} {name}, {placeNom} a obtenu des résultats relativement complets en {year}.',
    'Les comités et autorités du Parti à tous les échelons {placeGen} organisent la mise en œuvre globale, synchrone et efficace des tâches clés.',
    'La conférence a été présidée par {person} {name}, en présence des représentants {orgGen}.',
    "Les délégués ont discuté et clarifié les résultats obtenus, souligné les limites et les causes, et proposé des solutions pour {year}.",
    'Conformément à {doc}, les localités doivent remettre leur rapport avant le {num} décembre.',
    "{placeNom} s'est fixé {num} objectifs principaux, en accord avec les exigences pratiques et les tâches politiques de la ville.",
  ],
  themes: {
    apparatus: [
      "La rationalisation de l'organisation et de l'appareil du système politique se poursuit résolument {placeLoc}.",
      "À partir du 1er juillet, l'appareil administratif à deux niveaux est officiellement entré en fonction, marquant une nouvelle étape de développement du pays.",
      "Le modèle de gouvernement local à deux niveaux fonctionne de manière fluide et stable, selon {orgNom}.",
      "{person} {name} a demandé de revoir d'urgence l'affectation des cadres dans les unités administratives au niveau des communes, conformément à {doc}.",
    ],
    congress: [
      "L'année {year} revêt une importance capitale, puisqu'elle sera consacrée à l'organisation des congrès du Parti à tous les niveaux en vue du XIVe Congrès national.",
      'La préparation du personnel pour le Congrès du Parti de {placeNom} pour la période 2025-2030 a été menée de manière proactive.',
      '{person} {name} a salué le succès du 18e Congrès du Parti de la ville et demandé de concrétiser rapidement sa résolution.',
    ],
    personnel: [
      "Le travail des cadres et la construction d'équipes de cadres ont été mis en œuvre de manière synchronisée et efficace {placeLoc}.",
      "Il est nécessaire de constituer une équipe de cadres fidèles à l'idéal d'indépendance nationale associé au socialisme, a déclaré {person} {name}.",
      "Le secteur de l'organisation et de la construction du Parti a activement innové en matière de réflexion, de méthodes et de styles de travail.",
    ],
    inspection: [
      "Les travaux d'inspection, de surveillance et de discipline du Parti sont dirigés et ordonnés par {orgNom} de manière stricte.",
      'La lutte contre la corruption, le gaspillage et la négativité a été poursuivie avec détermination {placeLoc}.',
      "{orgNom} a examiné {num} dossiers de violations et proposé des mesures disciplinaires, conformément à {doc}.",
    ],
    digital: [
      "La ville se développe rapidement et durablement sur la base de la science, de la technologie, de l'innovation et de la transformation numérique.",
      'La mise en œuvre de {doc} sur les percées dans le développement scientifique et technologique et la transformation numérique nationale est une priorité.',
      "{placeNom} a mis en service {num} services publics en ligne et accéléré la transformation numérique de l'administration.",
    ],
    economy: [
      'La croissance économique {placeGen} a atteint {num} % en {year}, parmi les plus élevées du pays.',
      "{person} {name} a insisté sur le développement socio-économique, la défense nationale et la sécurité.",
      'Les recettes budgétaires {placeGen} ont dépassé les prévisions, ce qui permet de financer de grands projets d’infrastructure.',
    ],
    emulation: [
      "Le mouvement d'émulation patriotique a été lancé pour accueillir le XIVe Congrès national du Parti.",
      "Le bloc d'émulation n° {num} a signé un accord d'émulation avec {num} groupes de tâches clés.",
      "{num} bons modèles et nouvelles méthodes efficaces ont été récompensés lors de la conférence {placeGen}.",
    ],
    assembly: [
      "{orgNom} a adopté {doc} sur le mécanisme spécifique de développement {placeGen}.",
      "{person} {name} a rencontré les électeurs {placeGen} avant la session de l'Assemblée nationale.",
      "La délégation de l'Assemblée nationale {placeGen} a recueilli les avis des électeurs sur {num} projets de loi.",
    ],
  },
  fixed: [
    "Les résultats obtenus témoignent de la détermination, des efforts incessants et des innovations efficaces dans la direction et la gestion du Comité central du Parti, du Politburo, du Secrétariat, du Gouvernement et de l'Assemblée nationale.",
    "De nombreux problèmes sont apparus lors de la mise en œuvre, mais l'ensemble du système politique s'est montré très concentré, proactif, déterminé, uni et unifié dans son action.",
    "Le travail de propagande est enrichi de formes nombreuses, diverses, riches et appropriées.",
    "Le travail de mobilisation de masse du système politique de la ville continue de produire des résultats positifs.",
    "Le Secrétaire général a insisté sur l'urgence de rationaliser l'organisation et l'appareil du système politique national afin d'assurer son fonctionnement efficace et efficient.",
  ],
  titles: [
    'Mettre en œuvre de manière globale et efficace les tâches clés',
    "Pour suivre les efforts pour réaliser les taches et exploiter efficacement le nouveau modèle d'appareil.",
    '{person} {name} préside une réunion {orgGen}',
    '{placeNom} accélère la mise en œuvre de {doc}',
    'Améliorer la qualité du travail et assurer un leadership cohérent',
    'Rationaliser l’appareil pour un fonctionnement efficace et efficient',
  ],
  subheadings: [
    'Développement rapide et solide sur la plateforme technologique',
    'Proposer des politiques innovantes et créatives',
    'Des résultats remarquables',
    'Décentraliser et déléguer le pouvoir à la base',
    'Les tâches clés pour {year}',
  ],
  quote: ['« ', ' »'],
  captions: [
    '{person} {name} a prononcé un discours lors de la conférence.',
    'Vue de la conférence {placeLoc}.',
    '{person} {name} et les délégués ont participé à la conférence en ligne.',
  ],
  tags: [
    'Résolution n° {doc}',
    'Organisation de l\'appareil gouvernemental local à deux niveaux',
    'Secrétaire général To Lam',
    '14e Congrès national du Parti',
    'Bureau politique',
    'Secrétariat',
    'Transformation numérique',
    'Anti-corruption',
  ],
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  dateline: [(d, m) => `Le ${d} ${m}, `, (d, m) => `Le matin du ${d} ${m}, `, (d, m) => `Dans l'après-midi du ${d} ${m}, `],
  photoLabels: ['Photo: ', 'Photo : '],
  sourceLabel: 'Source : ',
  comment: 'Comment (0)',
  ad: 'publicité',
  sameCategory: 'Même catégorie',
  sameAuthor: 'Même auteur',
  chromeWords: ['Patrimoine', 'Chiffre', 'Entreprise', 'Nouveau', 'Système politique', 'Lieu', 'Produit'],
  headlines: [
    'Saveur de la région',
    'Magnifique levier de soleil sur les mers du Vietnam',
    "L'arc majestueux de la grotte de Tu Lan",
    'Thé au lotus - Un cadeau parfumé des Hanoïens',
    "Ho Chi Minh-Ville vue d'en haut",
    'Belle image d\'un champ de chrysanthèmes en saison de récolte',
  ],
  bylines: ['Comme les Gens', 'Diem My', 'Le Vinh', 'Thu Hang', 'Un groupe de journalistes'],
};

const ru: LangBank = {
  places: [
    { nom: 'Ханой', gen: 'Ханоя', loc: 'в Ханое' },
    { nom: 'Хошимин', gen: 'Хошимина', loc: 'в Хошимине' },
    { nom: 'Дананг', gen: 'Дананга', loc: 'в Дананге' },
    { nom: 'Хайфон', gen: 'Хайфона', loc: 'в Хайфоне' },
    { nom: 'Кантхо', gen: 'Кантхо', loc: 'в Кантхо' },
    { nom: 'провинция Ниньтхуан', gen: 'провинции Ниньтхуан', loc: 'в провинции Ниньтхуан' },
    { nom: 'провинция Камау', gen: 'провинции Камау', loc: 'в провинции Камау' },
    { nom: 'провинция Куангнинь', gen: 'провинции Куангнинь', loc: 'в провинции Куангнинь' },
    { nom: 'провинция Футхо', gen: 'провинции Футхо', loc: 'в провинции Футхо' },
    { nom: 'Туенкуанг', gen: 'Туенкуанга', loc: 'в Туенкуанге' },
    { nom: 'Лаокай', gen: 'Лаокая', loc: 'в Лаокае' },
    { nom: 'провинция Нгеан', gen: 'провинции Нгеан', loc: 'в провинции Нгеан' },
    { nom: 'Тханьхоа', gen: 'Тханьхоа', loc: 'в Тханьхоа' },
    { nom: 'Хюэ', gen: 'Хюэ', loc: 'в Хюэ' },
  ],
  orgs: [
    { nom: 'Политбюро', gen: 'Политбюро' },
    { nom: 'Секретариат', gen: 'Секретариата' },
    { nom: 'Центральный комитет партии', gen: 'Центрального комитета партии' },
    { nom: 'Национальное собрание', gen: 'Национального собрания' },
    { nom: 'Правительство', gen: 'Правительства' },
    { nom: 'Отечественный фронт Вьетнама', gen: 'Отечественного фронта Вьетнама' },
    { nom: 'Центральный организационный комитет', gen: 'Центрального организационного комитета' },
    { nom: 'Центральная инспекционная комиссия', gen: 'Центральной инспекционной комиссии' },
    { nom: 'народные советы', gen: 'народных советов' },
    { nom: 'народные комитеты', gen: 'народных комитетов' },
    { nom: 'Коммунистический союз молодёжи имени Хо Ши Мина', gen: 'Коммунистического союза молодёжи имени Хо Ши Мина' },
  ],
  docPrefix: ['резолюции № ', 'постановления № ', 'заключения № ', 'директивы № '],
  general: [
    '{person} {name} подчеркнул, что {orgNom} должен и впредь укреплять руководство всей работой.',
    'По словам {person} {name}, {placeNom} добился сравнительно всесторонних результатов в {year} году.',
    'Партийные комитеты и органы власти всех уровней {placeGen} организуют всестороннее и эффективное выполнение ключевых задач.',
    'На конференции председательствовал {person} {name}, присутствовали представители {orgGen}.',
    'Делегаты обсудили достигнутые результаты, указали на ограничения и их причины и предложили решения на {year} год.',
    'В соответствии с положениями {doc} местные органы должны представить доклад до {num} декабря.',
    '{placeNom} поставил перед собой {num} основных целей в соответствии с практическими требованиями.',
  ],
  themes: {
    apparatus: [
      'Работа по упорядочению организации и аппарата политической системы решительно продолжается {placeLoc}.',
      'С 1 июля двухуровневый аппарат местного самоуправления официально начал работу, что знаменует новый этап развития страны.',
      'Модель двухуровневой местной власти работает слаженно и стабильно, сообщил {orgNom}.',
      '{person} {name} потребовал срочно пересмотреть расстановку кадров в коммунах в соответствии с положениями {doc}.',
    ],
    congress: [
      '{year} год имеет решающее значение, поскольку в нём пройдут партийные съезды всех уровней накануне XIV съезда партии.',
      'Подготовка кадров к съезду партийной организации {placeGen} на период 2025-2030 годов ведётся активно.',
      '{person} {name} отметил успех XVIII съезда городской партийной организации и призвал конкретизировать его резолюцию.',
    ],
    personnel: [
      'Кадровая работа и формирование кадрового корпуса ведутся синхронно и эффективно {placeLoc}.',
      'Необходимо сформировать команду кадров, преданных идеалу национальной независимости, связанному с социализмом, заявил {person} {name}.',
      'Сектор организации и партийного строительства активно обновлял мышление, методы и стиль работы.',
    ],
    inspection: [
      'Инспекционная и надзорная работа партии проводится {orgNom} строго и последовательно.',
      'Борьба с коррупцией, расточительством и негативными явлениями решительно продолжается {placeLoc}.',
      '{orgNom} рассмотрел {num} дел о нарушениях и предложил дисциплинарные меры на основании {doc}.',
    ],
    digital: [
      'Город развивается быстро и устойчиво на основе науки, технологий, инноваций и цифровой трансформации.',
      'Реализация {doc} о прорыве в развитии науки, технологий и национальной цифровой трансформации является приоритетом.',
      '{placeNom} запустил {num} онлайн-услуг и ускорил цифровую трансформацию администрации.',
    ],
    economy: [
      'Экономический рост {placeGen} в {year} году составил {num} %, один из самых высоких в стране.',
      '{person} {name} сделал акцент на социально-экономическом развитии, национальной обороне и безопасности.',
      'Бюджетные доходы {placeGen} превысили план, что позволяет финансировать крупные инфраструктурные проекты.',
    ],
    emulation: [
      'Патриотическое движение соревнования было развернуто в честь XIV съезда партии.',
      'Группа соревнования № {num} подписала соглашение о соревновании по {num} группам ключевых задач.',
      '{num} хороших моделей и эффективных методов были отмечены на конференции {placeLoc}.',
    ],
    assembly: [
      '{orgNom} принял {doc} о специальном механизме развития {placeGen}.',
      '{person} {name} встретился с избирателями {placeGen} перед сессией Национального собрания.',
      'Делегация Национального собрания {placeGen} собрала мнения избирателей по {num} законопроектам.',
    ],
  },
  fixed: [
    'Необходимо оперативно отслеживать и обновлять политику партии, стратегические резолюции 13-го Политбюро, резолюцию 18-го городского съезда партии.',
    'Децентрализовать всю коммуну и округ, передать реальную власть низам.',
    'Постоянный комитет городского комитета партии требует синхронного внедрения во всех коммунах и районах.',
    'Объём работы огромный, а времени мало.',
    'Выступая на открытии конференции, секретарь городского партийного комитета Нгуен Зуй Нгок сказал, что на конференции городской партийный исполнительный комитет рассмотрит важные вопросы.',
  ],
  titles: [
    'Улучшить качество работы, обеспечить последовательное лидерство',
    '{person} {name} провёл заседание {orgGen}',
    '{placeNom} ускоряет реализацию {doc}',
    'Упорядочить аппарат для эффективной работы',
    'Конкретизировать резолюцию съезда прорывной политикой',
  ],
  subheadings: [
    'Предложение инновационных и креативных политик',
    'Выдающиеся результаты',
    'Децентрализация и передача полномочий на места',
    'Ключевые задачи на {year} год',
  ],
  quote: ['«', '»'],
  captions: [
    '{person} {name} выступает на конференции.',
    'Общий вид конференции {placeLoc}.',
    'Делегаты на конференции.',
  ],
  tags: ['Резолюция № {doc}', 'Двухуровневое местное самоуправление', 'Генеральный секретарь То Лам', 'XIV съезд партии', 'Политбюро', 'Секретариат', 'Цифровая трансформация'],
  months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  dateline: [(d, m) => `${d} ${m} `, (d, m) => `Утром ${d} ${m} `, (d, m) => `Днём ${d} ${m} `],
  photoLabels: ['Фото: ', 'Фото : '],
  sourceLabel: 'Источник: ',
  comment: 'Комментарий (0)',
  ad: 'реклама',
  sameCategory: 'Та же категория',
  sameAuthor: 'Тот же автор',
  chromeWords: ['Наследие', 'Цифры', 'Бизнес', 'Новое', 'Политическая система', 'Место', 'Продукт'],
  headlines: [
    'Восход солнца над морями Вьетнама',
    'Величественная арка пещеры Ту Лан',
    'Лотосовый чай — ароматный подарок ханойцев',
    'Хошимин с высоты птичьего полёта',
    'Поле хризантем в сезон урожая',
  ],
  bylines: ['Как люди', 'Зьем Ми', 'Ле Винь', 'Группа репортёров'],
};

const el: LangBank = {
  places: [
    { nom: 'το Ανόι', gen: 'του Ανόι', loc: 'στο Ανόι' },
    { nom: 'η Πόλη Χο Τσι Μινχ', gen: 'της Πόλης Χο Τσι Μινχ', loc: 'στην Πόλη Χο Τσι Μινχ' },
    { nom: 'το Ντα Νανγκ', gen: 'του Ντα Νανγκ', loc: 'στο Ντα Νανγκ' },
    { nom: 'το Χάι Φονγκ', gen: 'του Χάι Φονγκ', loc: 'στο Χάι Φονγκ' },
    { nom: 'το Καν Το', gen: 'του Καν Το', loc: 'στο Καν Το' },
    { nom: 'η επαρχία Νιν Τουάν', gen: 'της επαρχίας Νιν Τουάν', loc: 'στην επαρχία Νιν Τουάν' },
    { nom: 'η επαρχία Κα Μαου', gen: 'της επαρχίας Κα Μαου', loc: 'στην επαρχία Κα Μαου' },
    { nom: 'η επαρχία Κουάνγκ Νινχ', gen: 'της επαρχίας Κουάνγκ Νινχ', loc: 'στην επαρχία Κουάνγκ Νινχ' },
    { nom: 'η επαρχία Φου Το', gen: 'της επαρχίας Φου Το', loc: 'στην επαρχία Φου Το' },
    { nom: 'η Τουγιέν Κουάνγκ', gen: 'της Τουγιέν Κουάνγκ', loc: 'στην Τουγιέν Κουάνγκ' },
    { nom: 'το Λάο Κάι', gen: 'του Λάο Κάι', loc: 'στο Λάο Κάι' },
    { nom: 'η επαρχία Νγκε Αν', gen: 'της επαρχίας Νγκε Αν', loc: 'στην επαρχία Νγκε Αν' },
    { nom: 'η Θαν Χόα', gen: 'της Θαν Χόα', loc: 'στη Θαν Χόα' },
    { nom: 'το Χουέ', gen: 'του Χουέ', loc: 'στο Χουέ' },
  ],
  orgs: [
    { nom: 'το Πολιτικό Γραφείο', gen: 'του Πολιτικού Γραφείου' },
    { nom: 'η Γραμματεία', gen: 'της Γραμματείας' },
    { nom: 'η Κεντρική Επιτροπή του Κόμματος', gen: 'της Κεντρικής Επιτροπής του Κόμματος' },
    { nom: 'η Εθνοσυνέλευση', gen: 'της Εθνοσυνέλευσης' },
    { nom: 'η Κυβέρνηση', gen: 'της Κυβέρνησης' },
    { nom: 'το Μέτωπο Πατρίδας του Βιετνάμ', gen: 'του Μετώπου Πατρίδας του Βιετνάμ' },
    { nom: 'η Κεντρική Οργανωτική Επιτροπή', gen: 'της Κεντρικής Οργανωτικής Επιτροπής' },
    { nom: 'η Κεντρική Επιτροπή Επιθεώρησης', gen: 'της Κεντρικής Επιτροπής Επιθεώρησης' },
    { nom: 'τα Λαϊκά Συμβούλια', gen: 'των Λαϊκών Συμβουλίων' },
    { nom: 'οι Λαϊκές Επιτροπές', gen: 'των Λαϊκών Επιτροπών' },
  ],
  docPrefix: ['του ψηφίσματος αριθ. ', 'του Ψηφίσματος ', 'του συμπεράσματος αριθ. ', 'της οδηγίας αριθ. '],
  general: [
    '{person} {name} τόνισε ότι {orgNom} πρέπει να συνεχίσει να ενισχύει την ηγεσία και την κατεύθυνση όλων των εργασιών.',
    'Σύμφωνα με {person} {name}, {placeNom} πέτυχε σχετικά ολοκληρωμένα αποτελέσματα το {year}.',
    'Οι Κομματικές Επιτροπές και οι αρχές σε όλα τα επίπεδα {placeGen} οργανώνουν την ολοκληρωμένη και αποτελεσματική εφαρμογή των βασικών καθηκόντων.',
    'Στο συνέδριο προήδρευσε {person} {name}, παρουσία εκπροσώπων {orgGen}.',
    'Οι σύνεδροι συζήτησαν τα αποτελέσματα, επεσήμαναν τους περιορισμούς και τις αιτίες και πρότειναν λύσεις για το {year}.',
    'Σύμφωνα με τις διατάξεις {doc}, οι τοπικές αρχές πρέπει να υποβάλουν έκθεση έως τις {num} Δεκεμβρίου.',
    '{placeNom} έθεσε {num} κύριους στόχους, σύμφωνα με τις πρακτικές απαιτήσεις.',
  ],
  themes: {
    apparatus: [
      'Ο εξορθολογισμός της οργάνωσης και του μηχανισμού του πολιτικού συστήματος συνεχίζεται αποφασιστικά {placeLoc}.',
      'Από την 1η Ιουλίου, ο μηχανισμός τοπικής αυτοδιοίκησης δύο επιπέδων τέθηκε επίσημα σε λειτουργία, σηματοδοτώντας ένα νέο στάδιο ανάπτυξης της χώρας.',
      'Το μοντέλο τοπικής αυτοδιοίκησης δύο επιπέδων λειτουργεί ομαλά και σταθερά, σύμφωνα με {orgNom}.',
      '{person} {name} ζήτησε την επείγουσα αναθεώρηση της τοποθέτησης στελεχών στις κοινότητες, σύμφωνα με τις διατάξεις {doc}.',
    ],
    congress: [
      'Το {year} έχει ιδιαίτερη σημασία, καθώς θα πραγματοποιηθούν τα συνέδρια του Κόμματος σε όλα τα επίπεδα ενόψει του 14ου Εθνικού Συνεδρίου.',
      'Η προετοιμασία του προσωπικού για το Συνέδριο του Κόμματος {placeGen} για την περίοδο 2025-2030 προχωρά ενεργά.',
      '{person} {name} χαιρέτισε την επιτυχία του 18ου Συνεδρίου του Κόμματος της Πόλης.',
    ],
    personnel: [
      'Το έργο του προσωπικού και η οικοδόμηση ομάδων στελεχών υλοποιήθηκαν συγχρονισμένα και αποτελεσματικά {placeLoc}.',
      'Είναι αναγκαίο να οικοδομηθεί μια ομάδα στελεχών πιστών στο ιδανικό της εθνικής ανεξαρτησίας, δήλωσε {person} {name}.',
      'Ο τομέας Οργάνωσης και Οικοδόμησης του Κόμματος ανανέωσε ενεργά τη σκέψη, τις μεθόδους και το στυλ εργασίας.',
    ],
    inspection: [
      'Το έργο επιθεώρησης, εποπτείας και πειθαρχίας του Κόμματος διεξάγεται αυστηρά από {orgNom}.',
      'Η καταπολέμηση της διαφθοράς, της σπατάλης και των αρνητικών φαινομένων συνεχίζεται αποφασιστικά {placeLoc}.',
      '{orgNom} εξέτασε {num} υποθέσεις παραβάσεων και πρότεινε πειθαρχικά μέτρα βάσει {doc}.',
    ],
    digital: [
      'Η πόλη αναπτύσσεται γρήγορα και βιώσιμα με βάση την επιστήμη, την τεχνολογία, την καινοτομία και τον ψηφιακό μετασχηματισμό.',
      'Η εφαρμογή {doc} για την ανάπτυξη της επιστήμης, της τεχνολογίας και του εθνικού ψηφιακού μετασχηματισμού αποτελεί προτεραιότητα.',
      '{placeNom} έθεσε σε λειτουργία {num} ηλεκτρονικές δημόσιες υπηρεσίες και επιτάχυνε τον ψηφιακό μετασχηματισμό.',
    ],
    economy: [
      'Η οικονομική ανάπτυξη {placeGen} έφτασε το {num}% το {year}, από τις υψηλότερες της χώρας.',
      '{person} {name} έδωσε έμφαση στην κοινωνικοοικονομική ανάπτυξη, την εθνική άμυνα και την ασφάλεια.',
      'Τα έσοδα του προϋπολογισμού {placeGen} ξεπέρασαν τις προβλέψεις.',
    ],
    emulation: [
      'Το πατριωτικό κίνημα εξομοίωσης ξεκίνησε για να υποδεχθεί το 14ο Εθνικό Συνέδριο του Κόμματος.',
      'Η Ομάδα Εξομοίωσης Αρ. {num} υπέγραψε συμφωνία εξομοίωσης με {num} ομάδες βασικών καθηκόντων.',
      '{num} καλά μοντέλα και νέοι αποτελεσματικοί τρόποι βραβεύτηκαν στο συνέδριο {placeLoc}.',
    ],
    assembly: [
      '{orgNom} ενέκρινε το ψήφισμα {docBare} για τον ειδικό μηχανισμό ανάπτυξης {placeGen}.',
      '{person} {name} συναντήθηκε με τους ψηφοφόρους {placeGen} πριν από τη σύνοδο της Εθνοσυνέλευσης.',
      'Η αντιπροσωπεία της Εθνοσυνέλευσης {placeGen} συγκέντρωσε τις απόψεις των ψηφοφόρων για {num} νομοσχέδια.',
    ],
  },
  fixed: [
    'Το Ανόι διαθέτει όλα τα θεμέλια για να επιταχύνει την ανάπτυξη αντάξια της πρωτεύουσας.',
    'Οι μονάδες-μέλη του Cluster έχουν αναπτύξει και εφαρμόσει προληπτικά πρακτικές και αποτελεσματικές κινήσεις εξομοίωσης.',
    'Στο συνέδριο, εκπρόσωποι των Οργανωτικών Επιτροπών των επαρχιών Φου Το, Τουγιέν Κουάνγκ και Λάο Κάι μοιράστηκαν τις εμπειρίες τους.',
    'Ακολουθώντας στενά την ηγεσία και την κατεύθυνση της Μόνιμης Επιτροπής, οι μονάδες ολοκλήρωσαν τα καθήκοντά τους.',
  ],
  titles: [
    '{person} {name} προήδρευσε συνεδρίασης {orgGen}',
    '{placeNom} επιταχύνει την εφαρμογή {doc}',
    'Βελτίωση της ποιότητας της εργασίας και συνεπής ηγεσία',
    'Εξορθολογισμός του μηχανισμού για αποτελεσματική λειτουργία',
  ],
  subheadings: [
    'Ανταλλαγή και κοινοποίηση εμπειριών στην οργάνωση του προσωπικού',
    'Σημαντικά αποτελέσματα',
    'Αποκέντρωση και μεταβίβαση εξουσιών στη βάση',
    'Τα βασικά καθήκοντα για το {year}',
  ],
  quote: ['«', '»'],
  captions: ['{person} {name} μιλά στο συνέδριο.', 'Άποψη του συνεδρίου {placeLoc}.', 'Οι σύνεδροι στο συνέδριο.'],
  tags: ['Ψήφισμα αριθ. {doc}', 'Τοπική αυτοδιοίκηση δύο επιπέδων', 'Γενικός Γραμματέας Το Λαμ', '14ο Εθνικό Συνέδριο', 'Πολιτικό Γραφείο', 'Γραμματεία'],
  months: ['Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου'],
  dateline: [(d, m) => `Το πρωί της ${d}ης ${m}, `, (d, m) => `Στις ${d} ${m}, `, (d, m) => `Το απόγευμα της ${d}ης ${m}, `],
  photoLabels: ['Φωτογραφία: ', 'Photo: '],
  sourceLabel: 'Πηγή: ',
  comment: 'Σχόλιο (0)',
  ad: 'διαφήμιση',
  sameCategory: 'Ίδια κατηγορία',
  sameAuthor: 'Ίδιος συγγραφέας',
  chromeWords: ['Κληρονομιά', 'Αριθμός', 'Επιχείρηση', 'Νέο', 'Πολιτικό σύστημα', 'Τόπος', 'Προϊόν'],
  headlines: [
    'Η μαγευτική αψίδα του σπηλαίου Του Λαν',
    'Τσάι λωτού - ένα αρωματικό δώρο των κατοίκων του Ανόι',
    'Η Πόλη Χο Τσι Μινχ από ψηλά',
    'Ανατολή του ηλίου πάνω από τις θάλασσες του Βιετνάμ',
  ],
  bylines: ['Όπως οι Άνθρωποι', 'Ντιεμ Μι', 'Λε Βινχ', 'Ομάδα δημοσιογράφων'],
};

export const BANKS: Record<Lang, LangBank> = { fr, ru, el };
