import type { Article } from '../schemas/article.ts';
import { formatDate, LANGUAGE_NAMES } from '../i18n/ui.ts';

interface CitationInput {
  entry: Pick<Article, 'title' | 'lang' | 'date' | 'dateSource' | 'publisher' | 'sourceUrl' | 'byline'>;
  /** Absolute URL of the archived page. */
  archiveUrl: string;
  /**
   * The access date. A static page cannot know when it is read and the build must be
   * byte-identical for the same input, so this is given from outside (SOURCE_DATE_EPOCH)
   * or left as a placeholder for the reader to fill in.
   */
  accessDate?: string;
}

/**
 * A plain-text citation in a general style: who, what, when (with its provenance), where the
 * original was, where the archived copy is, when accessed. Machine translation is stated,
 * since the text cited is not the publisher's own words.
 */
export function citation({ entry, archiveUrl, accessDate }: CitationInput): string {
  const parts: string[] = [];
  if (entry.byline) parts.push(`${entry.byline}.`);
  parts.push(`“${entry.title}”.`);
  parts.push(`${entry.publisher?.name ?? 'Unknown publisher'}`);
  const date = entry.date
    ? entry.dateSource === 'inferred'
      ? `[${formatDate(entry.date)}, date inferred]`
      : formatDate(entry.date)
    : 'n.d.';
  parts[parts.length - 1] += `, ${date}.`;
  parts.push(`Machine translation into ${LANGUAGE_NAMES[entry.lang].english}.`);
  if (entry.sourceUrl) parts.push(`Original: ${entry.sourceUrl}.`);
  parts.push(`Archived at ${archiveUrl}.`);
  parts.push(`Accessed ${accessDate ?? '[date of access]'}.`);
  return parts.join(' ');
}
