import { LANGUAGE_NAMES } from '../i18n/ui.ts';
import type { Lang } from '../schemas/article.ts';
import { workNote, type CitableWork } from './work.ts';
import { dateParts, oneLine } from './text.ts';

/** biblatex `langid` values (babel language names) of the article languages. */
const BABEL: Record<Lang, string> = { fr: 'french', ru: 'russian', el: 'greek' };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * LaTeX for scraped text inside a braced field. BibTeX counts every brace, escaped or not,
 * so a literal brace cannot be `\{`: it becomes a command without braces of its own. `%`
 * would start a comment in LaTeX, and the other specials would be read as markup.
 */
const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  $: '\\$',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

export function latexText(text: string): string {
  return oneLine(text).replace(/[\\{}%&#$_^~]/g, (c) => LATEX[c] as string);
}

/**
 * A URL for a verbatim field (`url`): biblatex reads it as is, so LaTeX escapes would end
 * up in the link. Only what could break the field (braces, backslashes, spaces) is
 * percent-encoded, which leaves the address the same.
 */
export function bibUrl(url: string): string {
  return url.replace(/[{}\\\s%]/g, (c) => (c === '%' ? c : encodeURIComponent(c)));
}

/** The entry key: the id with `/` made `_`, unique in the archive and stable across builds. */
export const bibKey = (id: string): string => id.replace('/', '_');

/**
 * One `@article` entry (newspaper subtype) readable by BibTeX and biblatex: `journal` and
 * `year`/`month` for the first, `journaltitle`, `date`, `langid` and `urldate` for the
 * second. An inferred date is only in the note.
 */
export function bibtexEntry(work: CitableWork): string {
  const fields: [string, string][] = [['title', latexText(work.title)]];
  // A byline is a name as printed, not "Last, First and ...": double braces keep BibTeX from
  // splitting or reordering it.
  if (work.author) fields.push(['author', `{${latexText(work.author)}}`]);
  if (work.publisher) fields.push(['journal', latexText(work.publisher)], ['journaltitle', latexText(work.publisher)]);
  fields.push(['entrysubtype', 'newspaper']);
  if (work.published) {
    const [year, month] = dateParts(work.published);
    fields.push(['date', work.published], ['year', String(year)], ['month', MONTHS[month - 1] as string]);
  }
  if (work.originalTitle) fields.push(['origtitle', latexText(work.originalTitle)], ['origlanguage', 'vietnamese']);
  fields.push(['langid', BABEL[work.lang]], ['language', LANGUAGE_NAMES[work.lang].english]);
  fields.push(['url', bibUrl(work.archiveUrl)]);
  if (work.accessed) fields.push(['urldate', work.accessed]);
  fields.push(['note', latexText(workNote(work))]);
  const body = fields.map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`)).join(',\n');
  return `@article{${bibKey(work.id)},\n${body}\n}\n`;
}

export function bibtex(works: readonly CitableWork[]): string {
  return works.map(bibtexEntry).join('\n');
}
