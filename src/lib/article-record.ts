/**
 * What the content collection keeps of an article: the fields listings, indexes, related
 * articles and feeds' headers need, without the body. The store Astro serialises into one
 * string cannot hold 100,000 bodies (RangeError: Invalid string length in content sync), and
 * an article page needs only its own body, which it reads from its entry file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { articleSchema, parseArticle, topicAssignmentSchema, type Article } from '../schemas/article.ts';
import { entryFile } from './archive-entries.ts';
import { keyedByDigest } from './cache-key.ts';

export const articleRecordSchema = articleSchema
  .pick({ id: true, lang: true, title: true, date: true, dateSource: true, publisher: true, translationKey: true, documentRefs: true })
  // Topics by slug alone: Astro serialises the whole store after every sync and the pages parse
  // it back, and an object per assignment was most of its values (82 MB at 100,000 articles
  // with them, 58 MB without).
  .extend({
    topics: z.array(topicAssignmentSchema.shape.slug),
    /** The raw file's path in the input folder: where an undated article is listed (src/lib/sort.ts). */
    file: articleSchema.shape.raw.shape.path,
  });
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

export function toRecord(article: Article): ArticleRecord {
  return {
    id: article.id,
    lang: article.lang,
    title: article.title,
    ...(article.date !== undefined ? { date: article.date } : {}),
    ...(article.dateSource !== undefined ? { dateSource: article.dateSource } : {}),
    ...(article.publisher !== undefined ? { publisher: article.publisher } : {}),
    translationKey: article.translationKey,
    documentRefs: article.documentRefs,
    topics: article.topics.map(({ slug }) => slug),
    file: article.raw.path,
  };
}

/**
 * An article as other pages show it: a link with its title, language, date and publisher, and
 * the translation key its listing row is grouped and cut by. Pages that list articles carry
 * these instead of whole records, so a page's cache key hashes what the page shows and no more.
 */
export type ArticleLink = Pick<ArticleRecord, 'id' | 'lang' | 'title' | 'date' | 'dateSource' | 'publisher' | 'translationKey'>;

// One link per record however many listings show it.
const links = new WeakMap<ArticleRecord, ArticleLink>();

export function toLink(record: ArticleRecord): ArticleLink {
  let link = links.get(record);
  if (!link) {
    const { id, lang, title, date, dateSource, publisher, translationKey } = record;
    link = keyedByDigest({
      id,
      lang,
      title,
      ...(date !== undefined ? { date } : {}),
      ...(dateSource !== undefined ? { dateSource } : {}),
      ...(publisher !== undefined ? { publisher: Object.freeze({ ...publisher }) } : {}),
      translationKey,
    });
    links.set(record, link);
  }
  return link;
}

/** One whole article, read and validated from its entry file; an error names the file. */
export function readArticle(articlesDir: string, id: string): Article {
  const file = entryFile(articlesDir, id);
  const article = parseArticle(JSON.parse(readFileSync(file, 'utf8')), file);
  if (article.id !== id) throw new Error(`${file}: entry id ${article.id} does not match its file path (${id})`);
  return article;
}
