import { workNote, type CitableWork } from './work.ts';
import { oneLine } from './text.ts';

/** RIS dates are `YYYY/MM/DD/`. */
const risDate = (iso: string): string => `${iso.replaceAll('-', '/')}/`;

/**
 * One RIS record of type NEWS (newspaper article), as Zotero, EndNote and Mendeley import
 * it. A record is one tag a line, so every value is made one line: a title holding a line
 * that reads `TY  - ` or `ER  - ` cannot start or end a record. An inferred date is only in
 * the note (N1). No original title: RIS's TT is a translated title, and readers take it for
 * the title itself.
 */
export function risRecord(work: CitableWork): string {
  const lines: [string, string][] = [
    ['TY', 'NEWS'],
    ['ID', work.id],
    ['TI', work.title],
  ];
  if (work.author) lines.push(['AU', work.author]);
  if (work.publisher) lines.push(['T2', work.publisher], ['PB', work.publisher]);
  if (work.published) lines.push(['DA', risDate(work.published)], ['PY', work.published.slice(0, 4)]);
  lines.push(['LA', work.lang], ['UR', work.archiveUrl]);
  if (work.accessed) lines.push(['Y2', risDate(work.accessed)]);
  lines.push(['N1', workNote(work)]);
  return `${lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\r\n')}\r\nER  - \r\n`;
}

export function ris(works: readonly CitableWork[]): string {
  return works.map(risRecord).join('\r\n');
}
