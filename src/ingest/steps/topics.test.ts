import { describe, expect, it } from 'vitest';
import type { BodyBlock, Lang } from '../../schemas/article.ts';
import { assignTopics, parseTaxonomy, scoreTopics, type TopicInput } from './topics.ts';

const TAXONOMY = parseTaxonomy(`
- slug: hanoi
  kind: place
  labels: { en: Hanoi, fr: Hanoï, ru: Ханой, el: Ανόι }
  description: The capital.
  patterns: { fr: [Hanoï], ru: [Хано*], el: [Ανόι], any: [Hanoi] }
- slug: ca-mau
  kind: place
  labels: { en: Ca Mau, fr: Ca Mau, ru: Камау, el: Κα Μάου }
  description: A province.
  patterns: { any: [Ca Mau] }
- slug: ho-chi-minh-city
  kind: place
  labels: { en: Ho Chi Minh City, fr: Hô Chi Minh-Ville, ru: Хошимин, el: Πόλη Χο Τσι Μινχ }
  description: A city.
  patterns: { fr: [Hô Chi Minh-Ville] }
- slug: ho-chi-minh
  kind: person
  labels: { en: Ho Chi Minh, fr: Hô Chi Minh, ru: Хо Ши Мин, el: Χο Τσι Μινχ }
  description: A person.
  patterns: { any: [Ho Chi Minh] }
- slug: politburo
  kind: organisation
  labels: { en: Politburo, fr: Bureau politique, ru: Политбюро, el: Πολιτικό Γραφείο }
  description: A body.
  patterns: { fr: [Bureau politique], ru: [Политбюро], el: [Πολιτικό Γραφείο] }
- slug: secretariat
  kind: organisation
  labels: { en: Secretariat, fr: Secrétariat, ru: Секретариат, el: Γραμματεία }
  description: A body.
  patterns: { el: [γραμματεί*] }
- slug: national-assembly
  kind: organisation
  labels: { en: National Assembly, fr: Assemblée nationale, ru: Национальное собрание, el: Εθνοσυνέλευση }
  description: A body.
  patterns: { fr: [Assemblée nationale] }
- slug: youth-union
  kind: organisation
  labels: { en: Youth Union, fr: Union de la jeunesse, ru: Союз молодёжи, el: Ένωση Νεολαίας }
  description: A body.
  patterns: { ru: [Союз молодежи] }
- slug: to-lam
  kind: person
  labels: { en: To Lam, fr: Tô Lâm, ru: То Лам, el: Το Λαμ }
  description: A person.
  patterns: { ru: [То Лам], el: [Το Λαμ], any: [To Lam] }
- slug: party-building
  kind: theme
  labels: { en: Party building, fr: Édification du Parti, ru: Партийное строительство, el: Οικοδόμηση του Κόμματος }
  description: A theme.
  patterns: { ru: [партийная работа] }
`);

function article(lang: Lang, body: string[], title = ''): TopicInput {
  const blocks: BodyBlock[] = body.map((text) => ({ kind: 'paragraph', text }));
  return { lang, title, body: blocks, documentRefs: [], tags: [] };
}

/** Topics whose patterns matched at all, assigned or not, with their match counts. */
function matched(input: TopicInput): Record<string, number> {
  return Object.fromEntries(
    scoreTopics(input, TAXONOMY).map((score) => [score.slug, score.matches.reduce((sum, m) => sum + m.count, 0)]),
  );
}

describe('matching through inflection, accents and script', () => {
  it('finds Hanoi in every Russian case', () => {
    expect(matched(article('ru', ['Ханой. В Ханое, из Ханоя, над Ханоем, к Ханою.']))).toEqual({ hanoi: 5 });
  });

  it('finds the Politburo in Greek whatever the case, tonos or capitals', () => {
    const text = 'Το Πολιτικό Γραφείο. Απόφαση του Πολιτικού Γραφείου. ΤΟΥ ΠΟΛΙΤΙΚΟΥ ΓΡΑΦΕΙΟΥ.';
    expect(matched(article('el', [text]))).toEqual({ politburo: 3 });
  });

  it('tells the Greek Secretariat from a secretary, which share a stem', () => {
    expect(matched(article('el', ['Η Γραμματεία και της Γραμματείας.']))).toEqual({ secretariat: 2 });
    expect(matched(article('el', ['Ο Γραμματέας μίλησε στον Γραμματέα.']))).toEqual({});
  });

  it('reads French elisions with either apostrophe and without accents', () => {
    const text = "Le rôle de l'Assemblée nationale et de l’Assemblée Nationale ; ASSEMBLEE NATIONALE.";
    expect(matched(article('fr', [text]))).toEqual({ 'national-assembly': 3 });
  });

  it('splits hyphenated names, and the longer name wins over the shorter one inside it', () => {
    const text = 'Hô-Chi-Minh-Ville et Ho Chi Minh-Ville. Le président Ho Chi Minh.';
    expect(matched(article('fr', [text]))).toEqual({ 'ho-chi-minh-city': 2, 'ho-chi-minh': 1 });
  });

  it('finds every case of a Russian adjective in -ый: й is kept until after stemming', () => {
    const text = 'Партийная работа. О партийной работе, для партийной работы, партийных работ, партийного работника.';
    expect(matched(article('ru', [text]))).toEqual({ 'party-building': 4 });
  });

  it('treats ё as е', () => {
    expect(matched(article('ru', ['Союз молодёжи и Союза молодежи.']))).toEqual({ 'youth-union': 2 });
  });

  it('finds names written in Latin script inside Russian and Greek text', () => {
    expect(matched(article('el', ['Ο Γενικός Γραμματέας To Lam και ο Το Λαμ.']))).toEqual({ 'to-lam': 2 });
    expect(matched(article('ru', ['Генеральный секретарь To Lam и То Лама.']))).toEqual({ 'to-lam': 2 });
  });

  it('needs every word of a multi-word pattern, in order', () => {
    expect(matched(article('fr', ['Le bureau de la politique ; politique bureau.']))).toEqual({});
  });
});

describe('thresholds', () => {
  const filler: string = 'Les délégués ont examiné les résultats du travail de l’année et fixé les tâches pour la suite.';

  it('leaves a passing mention of Hanoi in a long article about Ca Mau below its threshold', () => {
    const body = Array.from({ length: 150 }, (_, i) => (i % 20 === 0 ? `${filler} Ca Mau progresse.` : filler));
    body.push(`${filler} Une délégation de Hanoï était présente.`);
    const scores = scoreTopics(article('fr', body, 'La province de Ca Mau fait le bilan'), TAXONOMY);
    const hanoi = scores.find((score) => score.slug === 'hanoi');
    const caMau = scores.find((score) => score.slug === 'ca-mau');
    expect(hanoi).toMatchObject({ score: 1, assigned: false });
    expect(hanoi!.threshold).toBeGreaterThan(2);
    expect(caMau?.assigned).toBe(true);
    expect(assignTopics(article('fr', body, 'La province de Ca Mau fait le bilan'), TAXONOMY).map((a) => a.slug)).toEqual([
      'ca-mau',
    ]);
  });

  it('counts a name in the title or the lead more than one in the body', () => {
    expect(assignTopics(article('fr', [filler, 'Hanoï.']), TAXONOMY)).toEqual([]);
    expect(assignTopics(article('fr', [filler], 'Hanoï'), TAXONOMY)).toEqual([
      { slug: 'hanoi', score: 3, matches: [{ pattern: 'Hanoï', count: 1 }] },
    ]);
    expect(assignTopics(article('fr', ['Hanoï.', filler]), TAXONOMY).map((a) => a.slug)).toEqual(['hanoi']);
  });

  it('honours a threshold set on the topic', () => {
    const strict = TAXONOMY.map((topic) => (topic.slug === 'hanoi' ? { ...topic, threshold: 10 } : topic));
    expect(assignTopics(article('fr', ['Hanoï, Hanoï, Hanoï.']), TAXONOMY).map((a) => a.slug)).toEqual(['hanoi']);
    expect(assignTopics(article('fr', ['Hanoï, Hanoï, Hanoï.']), strict)).toEqual([]);
  });
});

describe('assignments', () => {
  const filler = 'Les délégués ont examiné les résultats du travail de l’année.';

  it('makes a document topic from every reference, counted in the text', () => {
    const input = { ...article('fr', [filler, 'La résolution 18-NQ/TW et encore 18-NQ/TW ; la 98/2023/QH15.']) };
    input.documentRefs = ['18-NQ/TW', '98/2023/QH15'];
    expect(assignTopics(input, TAXONOMY)).toEqual([
      { slug: 'doc-18-nq-tw', score: 2, matches: [{ pattern: '18-NQ/TW', count: 2 }] },
      { slug: 'doc-98-2023-qh15', score: 1, matches: [{ pattern: '98/2023/QH15', count: 1 }] },
    ]);
  });

  it('sorts by score, then slug, and gives the same answer every time', () => {
    const input = article('fr', [filler, 'Hanoï, Hanoï, Ca Mau, Ca Mau, Bureau politique, Bureau politique, Bureau politique.']);
    const first = assignTopics(input, TAXONOMY);
    expect(first.map((a) => [a.slug, a.score])).toEqual([
      ['politburo', 3],
      ['ca-mau', 2],
      ['hanoi', 2],
    ]);
    expect(assignTopics(input, TAXONOMY)).toEqual(first);
  });
});

describe('parseTaxonomy', () => {
  const valid = `- slug: hanoi
  kind: place
  labels: { en: Hanoi, fr: Hanoï, ru: Ханой, el: Ανόι }
  description: The capital.
  patterns: { any: [Hanoi] }
`;

  it('names the topic and the field that is wrong', () => {
    expect(() => parseTaxonomy(valid.replace(', el: Ανόι', ''), 'topics.yaml')).toThrow(
      /topics\.yaml: topic "hanoi" is invalid: labels\.el/,
    );
    expect(() => parseTaxonomy(valid.replace('kind: place', 'kind: city'))).toThrow(/topic "hanoi" is invalid: kind/);
  });

  it('refuses duplicates, topics that cannot match, listed document topics and non-lists', () => {
    expect(() => parseTaxonomy(valid + valid)).toThrow(/topic "hanoi" is listed twice/);
    expect(() => parseTaxonomy(valid.replace('{ any: [Hanoi] }', '{}'))).toThrow(/"hanoi" has no patterns/);
    expect(() => parseTaxonomy(valid.replace('kind: place', 'kind: document'))).toThrow(/made from references/);
    expect(() => parseTaxonomy('slug: hanoi')).toThrow(/expected a list of topics/);
    expect(() => parseTaxonomy('- [unclosed')).toThrow(/not valid YAML/);
  });

  it('refuses a prefix pattern too short to look up', () => {
    const taxonomy = parseTaxonomy(valid.replace('{ any: [Hanoi] }', '{ ru: [Ха*] }'));
    expect(() => assignTopics(article('ru', ['Ханой']), taxonomy)).toThrow(
      /topic "hanoi": prefix "Ха\*" in pattern "Ха\*" \(ru\) needs at least 3 letters/,
    );
  });
});
