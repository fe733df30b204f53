import type { Article, Lang } from '../schemas/article.ts';
import { LANGUAGE_NAMES } from '../i18n/ui.ts';
import { inferredDate, knownPublicationDate } from '../lib/article-date.ts';

/**
 * What every citation format and metadata tag says about one article, shaped once so the
 * Highwire tags, Open Graph, JSON-LD, BibTeX, RIS and CSL-JSON can never disagree.
 */
export interface CitableWork {
  /** The entry id (`fr/slug`), stable across builds: citation keys are made from it. */
  id: string;
  title: string;
  lang: Lang;
  /** The newspaper that first published the Vietnamese original. */
  publisher?: string;
  /** Its web domain, when known. */
  publisherDomain?: string;
  author?: string;
  /** `YYYY-MM-DD`, only when the date was read from the file or the source URL. */
  published?: string;
  /** A date guessed from the text: exports mention it in a note, never as the publication date. */
  inferredDate?: string;
  originalTitle?: string;
  /** The Vietnamese original the text was machine-translated from. */
  sourceUrl?: string;
  /** The article page in this archive. */
  archiveUrl: string;
  /** The preserved raw file. */
  rawUrl: string;
  /** `YYYY-MM-DD` the archive's copy stands for (SOURCE_DATE_EPOCH); absent rather than the build clock. */
  accessed?: string;
}

export type CitableEntry = Pick<Article, 'id' | 'title' | 'lang' | 'date' | 'dateSource' | 'publisher' | 'sourceUrl' | 'byline' | 'originalTitle'>;

export function citableWork(entry: CitableEntry, urls: { archiveUrl: string; rawUrl: string }, accessed?: string): CitableWork {
  const published = knownPublicationDate(entry);
  const inferred = inferredDate(entry);
  return {
    id: entry.id,
    title: entry.title,
    lang: entry.lang,
    ...(entry.publisher ? { publisher: entry.publisher.name } : {}),
    ...(entry.publisher?.domain ? { publisherDomain: entry.publisher.domain } : {}),
    ...(entry.byline ? { author: entry.byline } : {}),
    ...(published ? { published } : {}),
    ...(inferred ? { inferredDate: inferred } : {}),
    ...(entry.originalTitle ? { originalTitle: entry.originalTitle } : {}),
    ...(entry.sourceUrl ? { sourceUrl: entry.sourceUrl } : {}),
    archiveUrl: urls.archiveUrl,
    rawUrl: urls.rawUrl,
    ...(accessed ? { accessed } : {}),
  };
}

/** SOURCE_DATE_EPOCH (whole seconds, the reproducible-builds convention) as `YYYY-MM-DD`. */
export function isoDateFromEpoch(epoch: string | undefined): string | undefined {
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, got ${JSON.stringify(epoch)}`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

/**
 * The facts a reference manager has no field for, in one sentence each: the text is a machine
 * translation, where its original is, what an inferred date is worth, where the raw file is.
 */
export function workNote(work: CitableWork): string {
  const parts = [`Machine translation into ${LANGUAGE_NAMES[work.lang].english} of a Vietnamese original${work.sourceUrl ? `: ${work.sourceUrl}` : ''}.`];
  if (work.inferredDate) parts.push(`Date inferred from the text, not stated by the publisher: ${work.inferredDate}.`);
  parts.push(`Preserved raw file: ${work.rawUrl}.`);
  return parts.join(' ');
}
