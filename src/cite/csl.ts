import { ui } from '../i18n/ui.ts';
import { workNote, type CitableWork } from './work.ts';
import { dateParts } from './text.ts';

/** A CSL-JSON item (the subset we fill), as citeproc, Zotero and pandoc read it. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: { literal: string }[];
  'container-title'?: string;
  publisher?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  'original-title'?: string;
  language: string;
  URL: string;
  accessed?: { 'date-parts': [[number, number, number]] };
  archive: string;
  note: string;
}

/** One item. JSON escapes any text; an inferred date is only in the note. */
export function cslItem(work: CitableWork): CslItem {
  return {
    id: work.id,
    type: 'article-newspaper',
    title: work.title,
    // A byline as printed, never split into family and given names.
    ...(work.author ? { author: [{ literal: work.author }] } : {}),
    ...(work.publisher ? { 'container-title': work.publisher, publisher: work.publisher } : {}),
    ...(work.published ? { issued: { 'date-parts': [dateParts(work.published)] } } : {}),
    ...(work.originalTitle ? { 'original-title': work.originalTitle } : {}),
    language: work.lang,
    URL: work.archiveUrl,
    ...(work.accessed ? { accessed: { 'date-parts': [dateParts(work.accessed)] } } : {}),
    archive: ui.siteName,
    note: workNote(work),
  };
}

/** A CSL-JSON file: an array of items, even for one article. */
export function cslJson(works: readonly CitableWork[]): string {
  return `${JSON.stringify(works.map(cslItem), null, 2)}\n`;
}
