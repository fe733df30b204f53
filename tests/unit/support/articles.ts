/** Entries and topics the unit tests of src/lib, src/schemas and src/search build on. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../../src/schemas/article.ts';
import { documentTopicSlug } from '../../../src/schemas/topic.ts';
import type { TopicInfo } from '../../../src/lib/archive-model.ts';
import { toRecord, type ArticleRecord } from '../../../src/lib/article-record.ts';

/** A valid entry with everything optional left out; tests add what they are about. */
export function makeArticle(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    lang: id.slice(0, 2) as Article['lang'],
    title: `Title ${id}`,
    titleSource: 'file',
    translationKey: id,
    photoCredits: [],
    tags: [],
    documentRefs: [],
    topics: [],
    body: [{ kind: 'paragraph', text: 'x' }],
    raw: { path: `${id}.txt`, sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8' },
    warnings: [],
    ...extra,
  };
}

/** What the content collection keeps of such an entry. */
export const makeRecord = (id: string, extra: Partial<Article> = {}): ArticleRecord => toRecord(makeArticle(id, extra));

export const assign = (slug: string) => ({ slug, score: 1, matches: [] });

export const curatedTopics: TopicInfo[] = [
  { slug: 'party', kind: 'organisation', labels: { en: 'Party', fr: 'Parti', ru: 'Партия', el: 'Κόμμα' }, description: 'The Party.' },
  { slug: 'hcmc', kind: 'place', labels: { en: 'HCMC', fr: 'HCMV', ru: 'Хошимин', el: 'Χο Τσι Μινχ' }, description: 'A city.' },
];

export const documentTopicFor = (ref: string): TopicInfo => ({
  slug: documentTopicSlug(ref),
  kind: 'document',
  labels: { en: ref, fr: ref, ru: ref, el: ref },
  description: `Document ${ref}`,
});

/**
 * Writes an entry file as the ingest does, a new file renamed over the old one, so that its
 * folder's change time moves (src/lib/entry-listing.ts).
 */
export function writeEntryFile(file: string, article: Article): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(article));
  renameSync(`${file}.tmp`, file);
}
