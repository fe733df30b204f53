import { franc } from 'franc';
import { LANGS, type Lang } from '../../schemas/article.ts';

export type Detection = { lang: Lang; evidence: string } | { lang?: undefined; detected: string; reason: string };

/** franc's code of each archive language: typed by Lang, so a language added to LANGS needs one. */
const FRANC_CODES: Record<Lang, string> = { fr: 'fra', ru: 'rus', el: 'ell' };
const ARCHIVED: ReadonlyMap<string, Lang> = new Map(LANGS.map((lang) => [FRANC_CODES[lang], lang]));

const NAMES: Record<string, string> = {
  fra: 'French', rus: 'Russian', ell: 'Greek', ukr: 'Ukrainian', bel: 'Belarusian', bul: 'Bulgarian',
  srp: 'Serbian', mkd: 'Macedonian', pol: 'Polish', vie: 'Vietnamese', eng: 'English', deu: 'German',
  spa: 'Spanish', ita: 'Italian', por: 'Portuguese', nld: 'Dutch', ron: 'Romanian', ces: 'Czech',
  und: 'undetermined',
};

/** Candidate languages per script: franc compares only among languages the script allows. */
const LATIN = ['fra', 'eng', 'pol', 'deu', 'spa', 'ita', 'por', 'nld', 'ron', 'ces', 'vie'];
const CYRILLIC = ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd'];

/** Detection reads this much text: more does not change the answer, only the time. */
const SAMPLE = 6000;

interface ScriptCounts {
  latin: number;
  cyrillic: number;
  greek: number;
  other: number;
  /** Letters only Ukrainian (and Belarusian) use among Cyrillic alphabets: і ї є ґ ў. */
  ukrainian: number;
  /** ы and э: Russian (and Belarusian) letters that Bulgarian, Serbian, Macedonian and Ukrainian lack. */
  russian: number;
  /** ъ, rare in Russian and among the commonest letters in Bulgarian. */
  hardSign: number;
  /** Cyrillic letters outside the 33 of the Russian alphabet (Serbian ј, Kazakh қ, Ukrainian і…). */
  nonRussian: number;
  /** Letters only Vietnamese uses among Latin alphabets (ơ ư ă đ and tone-marked vowels). */
  vietnamese: number;
  /** Letters Polish uses and French does not: ą ę ł ń ś ź ż. */
  polish: number;
}

const VIETNAMESE_ONLY = new Set('ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ');
const POLISH_ONLY = new Set('ąęłńśźż');
const UKRAINIAN_ONLY = new Set('іїєґў');

/** Counts letters per script by code point range: a regex per character is ten times slower. */
function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { latin: 0, cyrillic: 0, greek: 0, other: 0, ukrainian: 0, russian: 0, hardSign: 0, nonRussian: 0, vietnamese: 0, polish: 0 };
  for (const char of text) {
    const c = char.codePointAt(0) ?? 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      counts.latin++;
    } else if (c < 0xc0) {
      continue;
    } else if ((c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) {
      counts.latin++;
      const lower = char.toLowerCase();
      if (VIETNAMESE_ONLY.has(lower)) counts.vietnamese++;
      if (POLISH_ONLY.has(lower)) counts.polish++;
    } else if (c >= 0x400 && c <= 0x4ff) {
      counts.cyrillic++;
      if (c === 0x44b || c === 0x42b || c === 0x44d || c === 0x42d) counts.russian++;
      else if (c === 0x44a || c === 0x42a) counts.hardSign++;
      else if (c < 0x410 || c > 0x44f) {
        if (c !== 0x401 && c !== 0x451) counts.nonRussian++;
        if (UKRAINIAN_ONLY.has(char.toLowerCase())) counts.ukrainian++;
      }
    } else if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) {
      if (c !== 0x37e && c !== 0x387) counts.greek++;
    } else if (/\p{L}/u.test(char)) {
      counts.other++;
    }
  }
  return counts;
}

function named(code: string): string {
  return `${NAMES[code] ?? code} (${code})`;
}

/**
 * The language of an article from its body text. Script evidence decides what it can decide
 * cheaply and surely (Greek letters are Greek; Ukrainian letters rule out Russian; Vietnamese
 * tone marks rule out French); franc, restricted to the languages the script allows, decides
 * the rest. Labels are never used: a Polish page can carry a French `Source:` label.
 */
export function detectLanguage(text: string): Detection {
  const sample = text.slice(0, SAMPLE);
  const counts = countScripts(sample);
  const letters = counts.latin + counts.cyrillic + counts.greek + counts.other;
  if (letters < 40) return { detected: 'und', reason: `lang: too little text to tell the language (${letters} letters)` };
  const share = (n: number): string => `${Math.round((n / letters) * 100)}%`;

  if (counts.greek / letters > 0.5) return { lang: 'el', evidence: `Greek script (${share(counts.greek)} of letters)` };
  if (counts.cyrillic / letters > 0.5) {
    if (counts.ukrainian / counts.cyrillic > 0.01) {
      const code = /[ўЎ]/u.test(sample) ? 'bel' : 'ukr';
      return { detected: code, reason: `lang: ${named(code)} is not archived (letters і ї є ґ ў absent from Russian)` };
    }
    // Only Russian letters, with ы/э and few ъ: no other Cyrillic language franc could pick
    // writes that way, and franc is most of the ingest's time for a Russian file.
    if (counts.nonRussian === 0 && counts.russian / counts.cyrillic > 0.005 && counts.hardSign / counts.cyrillic < 0.005) {
      return { lang: 'ru', evidence: `Cyrillic script (${share(counts.cyrillic)}), Russian alphabet with ы/э and few ъ` };
    }
    const code = franc(sample, { only: CYRILLIC, minLength: 10 });
    if (code === 'rus' || code === 'und') return { lang: 'ru', evidence: `Cyrillic script (${share(counts.cyrillic)}), franc: ${named(code)}` };
    return { detected: code, reason: `lang: ${named(code)} is not archived` };
  }
  if (counts.latin / letters > 0.5) {
    if (counts.vietnamese / counts.latin > 0.03) {
      return { detected: 'vie', reason: `lang: ${named('vie')} is not archived (untranslated: ${share(counts.vietnamese)} Vietnamese letters)` };
    }
    const code = franc(sample, { only: LATIN, minLength: 10 });
    if (code === 'pol' || counts.polish / counts.latin > 0.01) {
      return { detected: 'pol', reason: `lang: ${named('pol')} is not archived` };
    }
    const lang = ARCHIVED.get(code);
    if (lang) return { lang, evidence: `Latin script (${share(counts.latin)}), franc: ${named(code)}` };
    return { detected: code, reason: `lang: ${named(code)} is not archived` };
  }
  return { detected: 'und', reason: 'lang: no Latin, Cyrillic or Greek text to read' };
}
