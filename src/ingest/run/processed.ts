/**
 * A file's result as workers send it and the cache keeps it: the article travels as the entry
 * file's exact text (`entry`), not inside `result`. Serialising in the worker uses every core,
 * a string crosses threads far cheaper than an object graph, and a re-run compares the cached
 * text with the file on disk without serialising anything.
 */
import type { Article } from '../../schemas/article.ts';
import { serializeArticle } from '../steps/entry.ts';
import type { FileResult } from '../pipeline.ts';
import type { ArticleHeader, HeaderResult } from '../dedupe.ts';

export interface Processed {
  result: FileResult;
  entry?: string;
}

export function pack(result: FileResult): Processed {
  const { article, ...rest } = result;
  return article ? { result: rest, entry: serializeArticle(article) } : { result: rest };
}

/** The result with its article back, read from the entry text `pack` made. */
export function unpack(processed: Processed): FileResult {
  return processed.entry === undefined ? processed.result : { ...processed.result, article: JSON.parse(processed.entry) as Article };
}

/** The result with only its article's header (`ArticleHeader`): what a run holds per file. */
export function unpackHeader(processed: Processed): HeaderResult {
  if (processed.entry === undefined) return processed.result;
  const { id, lang, title, titleSource, date, dateSource, publisher, sourceUrl, translationKey, raw } = JSON.parse(processed.entry) as Article;
  const article: ArticleHeader = {
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
  return { ...processed.result, article };
}
