import type { Article } from '../schemas/article.ts';

/**
 * A CSV field (RFC 4180): always quoted, inner quotes doubled, so commas, quotes and line
 * breaks in scraped text stay inside their cell. A cell a spreadsheet would run as a formula
 * (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as
 * OWASP advises: the text then shows as written instead of being computed.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** The columns of the metadata CSV, in order; About explains each. */
export const CSV_COLUMNS = ['id', 'lang', 'title', 'date', 'date_source', 'publisher', 'publisher_domain', 'source_url', 'topics'] as const;

/** One article's row: topics are their slugs, separated by `;`. */
export function csvRow(article: Article): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: article.id,
    lang: article.lang,
    title: article.title,
    date: article.date ?? '',
    date_source: article.date ? (article.dateSource ?? '') : '',
    publisher: article.publisher?.name ?? '',
    publisher_domain: article.publisher?.domain ?? '',
    source_url: article.sourceUrl ?? '',
    topics: article.topics.map((t) => t.slug).join(';'),
  };
  return `${CSV_COLUMNS.map((column) => csvField(cells[column])).join(',')}\r\n`;
}

export const csvHeader = (): string => `${CSV_COLUMNS.join(',')}\r\n`;
