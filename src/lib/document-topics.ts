import { documentTopicSlug } from '../schemas/topic.ts';
import { fold } from './text/fold.ts';

type Labels = { en: string; fr: string; ru: string; el: string };

/** What a document topic page needs: made from the reference alone, so it needs no taxonomy entry. */
interface DocumentTopic {
  slug: string;
  kind: 'document';
  reference: string;
  /** What kind of document the reference says it is, when its code is known (NQ, CT, KL…). */
  documentKind: string | undefined;
  labels: Labels;
  description: string;
}

// The type code inside a Vietnamese document number: 18-NQ/TW is a Nghị quyết (resolution).
const KINDS: Record<string, { name: string; labels: Labels }> = {
  NQ: { name: 'resolution', labels: { en: 'Resolution', fr: 'Résolution', ru: 'Резолюция', el: 'Ψήφισμα' } },
  CT: { name: 'directive', labels: { en: 'Directive', fr: 'Directive', ru: 'Директива', el: 'Οδηγία' } },
  KL: { name: 'conclusion', labels: { en: 'Conclusion', fr: 'Conclusion', ru: 'Заключение', el: 'Συμπέρασμα' } },
  QD: { name: 'decision', labels: { en: 'Decision', fr: 'Décision', ru: 'Решение', el: 'Απόφαση' } },
  QDI: { name: 'regulation', labels: { en: 'Regulation', fr: 'Règlement', ru: 'Положение', el: 'Κανονισμός' } },
  QYD: { name: 'regulation', labels: { en: 'Regulation', fr: 'Règlement', ru: 'Положение', el: 'Κανονισμός' } },
  HD: { name: 'guidance', labels: { en: 'Guidance', fr: 'Instruction', ru: 'Инструкция', el: 'Καθοδήγηση' } },
  ND: { name: 'decree', labels: { en: 'Decree', fr: 'Décret', ru: 'Постановление', el: 'Διάταγμα' } },
  TT: { name: 'circular', labels: { en: 'Circular', fr: 'Circulaire', ru: 'Циркуляр', el: 'Εγκύκλιος' } },
  DA: { name: 'project', labels: { en: 'Project', fr: 'Projet', ru: 'Проект', el: 'Σχέδιο' } },
  KH: { name: 'plan', labels: { en: 'Plan', fr: 'Plan', ru: 'План', el: 'Σχέδιο δράσης' } },
  TB: { name: 'notice', labels: { en: 'Notice', fr: 'Avis', ru: 'Уведомление', el: 'Ανακοίνωση' } },
  BC: { name: 'report', labels: { en: 'Report', fr: 'Rapport', ru: 'Доклад', el: 'Έκθεση' } },
  // 98/2023/QH15: a National Assembly resolution or law; the number alone does not say which.
  QH: {
    name: 'National Assembly act',
    labels: {
      en: 'National Assembly act',
      fr: "Texte de l'Assemblée nationale",
      ru: 'Акт Национального собрания',
      el: 'Πράξη της Εθνοσυνέλευσης',
    },
  },
};

const ISSUERS: Record<string, string> = {
  TW: 'the Party Central Committee, its Politburo or Secretariat',
  TU: 'a provincial or city Party Committee',
  CP: 'the Government',
  TTG: 'the Prime Minister',
  BCD: 'a steering committee',
  BCT: 'the Politburo',
};

const UNKNOWN_KIND: Labels = { en: 'Document', fr: 'Document', ru: 'Документ', el: 'Έγγραφο' };

function code(part: string): string {
  return fold(part).toUpperCase();
}

/** `18-NQ/TW` -> the topic "Resolution 18-NQ/TW" / "Résolution 18-NQ/TW" / "Резолюция 18-NQ/TW" / "Ψήφισμα 18-NQ/TW". */
export function documentTopic(reference: string): DocumentTopic {
  const ref = reference.trim();
  if (!/\d/.test(ref)) throw new Error(`"${reference}" is not a document reference: it has no number`);
  const parts = ref.split(/[-/\s]+/).filter(Boolean).map(code);
  let kindCode: string | undefined;
  let legislature: string | undefined;
  for (const part of parts) {
    const assembly = /^QH(\d+)$/.exec(part);
    if (assembly) {
      kindCode = 'QH';
      legislature = assembly[1];
      break;
    }
    if (part in KINDS) {
      kindCode = part;
      break;
    }
  }
  const kind = kindCode === undefined ? undefined : KINDS[kindCode];
  const names = kind?.labels ?? UNKNOWN_KIND;
  const labels: Labels = {
    en: `${names.en} ${ref}`,
    fr: `${names.fr} ${ref}`,
    ru: `${names.ru} ${ref}`,
    el: `${names.el} ${ref}`,
  };
  const lastPart = parts.at(-1);
  const issuer = lastPart !== undefined && lastPart !== kindCode ? ISSUERS[lastPart] : undefined;
  let description = kind ? `${kind.name[0]!.toUpperCase()}${kind.name.slice(1)} ${ref}` : `Document ${ref}`;
  if (legislature !== undefined) description += ` of the ${ordinal(Number(legislature))} National Assembly`;
  else if (issuer !== undefined) description += ` of ${issuer}`;
  description += ': every article that cites it, in every language.';
  return { slug: documentTopicSlug(ref), kind: 'document', reference: ref, documentKind: kind?.name, labels, description };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
