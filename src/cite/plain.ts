import { formatDate, LANGUAGE_NAMES } from '../i18n/ui.ts';
import type { CitableWork } from './work.ts';

/**
 * A plain-text citation in a general style: who, what, when (an inferred date marked as one),
 * where the original was, where the archived copy is, when accessed. Machine translation is
 * stated, since the text cited is not the publisher's own words. A static page cannot know when
 * it is read and the build must be byte-identical for the same input, so without the build's
 * access date (SOURCE_DATE_EPOCH) a placeholder is left for the reader to fill in.
 */
export function plainCitation(work: CitableWork): string {
  const parts: string[] = [];
  if (work.author) parts.push(`${work.author}.`);
  parts.push(`“${work.title}”.`);
  const date = work.published ? `${formatDate(work.published)}.` : work.inferredDate ? `[${formatDate(work.inferredDate)}, date inferred].` : 'n.d.';
  parts.push(`${work.publisher ?? 'Unknown publisher'}, ${date}`);
  parts.push(`Machine translation into ${LANGUAGE_NAMES[work.lang].english}.`);
  if (work.sourceUrl) parts.push(`Original: ${work.sourceUrl}.`);
  parts.push(`Archived at ${work.archiveUrl}.`);
  parts.push(`Accessed ${work.accessed ? formatDate(work.accessed) : '[date of access]'}.`);
  return parts.join(' ');
}
