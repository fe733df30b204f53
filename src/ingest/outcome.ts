/**
 * One input file's fate, as one type from the worker that read it to the report that lists
 * it. The pipeline fills it with a whole article; a run keeps only the article's header (what
 * the duplicate check and the report read), so its memory does not grow with every body; the
 * duplicate check turns some kept outcomes into duplicates.
 */
import type { Article } from '../schemas/article.ts';
import type { OutcomeStatus } from '../schemas/report.ts';
import { serializeArticle } from './steps/entry.ts';

/** The fields of a kept article a run holds until it writes the archive. */
export type ArticleHeader = Pick<Article, 'id' | 'lang' | 'title' | 'titleSource' | 'date' | 'dateSource' | 'publisher' | 'sourceUrl' | 'translationKey' | 'raw'>;

export interface FileOutcome<A extends ArticleHeader = ArticleHeader> {
  /** The input path, relative to the input folder. */
  file: string;
  /** `duplicate` is only ever set by the duplicate check, which sees every file. */
  status: OutcomeStatus;
  reason?: string;
  /** A duplicate's kept twin (its input path), so the report can link to it. */
  duplicateOf?: string;
  warnings: string[];
  /** Of the bytes the outcome was made from; empty when they could not be read. */
  sha256: string;
  /** Only on a kept outcome. */
  article?: A;
}

export function headerOf(article: Article): ArticleHeader {
  const { id, lang, title, titleSource, date, dateSource, publisher, sourceUrl, translationKey, raw } = article;
  return {
    id,
    lang,
    title,
    titleSource,
    ...(date !== undefined ? { date } : {}),
    ...(dateSource !== undefined ? { dateSource } : {}),
    ...(publisher !== undefined ? { publisher } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    translationKey,
    raw,
  };
}

/**
 * An outcome as workers send it and the cache keeps it: the article's header in the outcome,
 * the entry file's exact text beside it. The worker serialises the entry once (using every
 * core); the main thread never parses it back: it only writes it out.
 */
export interface Processed {
  outcome: FileOutcome;
  entry?: string;
}

export function pack(outcome: FileOutcome<Article>): Processed {
  const { article, ...rest } = outcome;
  return article ? { outcome: { ...rest, article: headerOf(article) }, entry: serializeArticle(article) } : { outcome: rest };
}
