import type { Article } from '../schemas/article.ts';

type Dated = Pick<Article, 'date' | 'dateSource'>;
export type DateProvenance = NonNullable<Article['dateSource']>;

/**
 * The one rule for how far an article's date can be trusted, which every page, feed, citation
 * and metadata tag follows. A date read from the publisher line or encoded in the source URL
 * is the publication date; any other date is `inferred` (a guess from the text, or of unstated
 * origin): pages show it as inferred, citations put it in a note, and no machine is told it as
 * a fact. Undefined when there is no date.
 */
export function dateProvenance(entry: Dated): DateProvenance | undefined {
  if (!entry.date) return undefined;
  return entry.dateSource === 'publisher-line' || entry.dateSource === 'source-url' ? entry.dateSource : 'inferred';
}

/** The date machines and citations may give as the publication date. */
export function knownPublicationDate(entry: Dated): string | undefined {
  const provenance = dateProvenance(entry);
  return provenance && provenance !== 'inferred' ? entry.date : undefined;
}

/** The date, when there is one and it is not a known publication date. */
export function inferredDate(entry: Dated): string | undefined {
  return dateProvenance(entry) === 'inferred' ? entry.date : undefined;
}
