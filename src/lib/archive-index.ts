import { getCollection } from 'astro:content';
import type { ArticleRecord } from './article-record.ts';
import { buildArchiveIndex, type ArchiveIndex, type TopicInfo } from './archive-model.ts';
import { documentTopic } from './document-topics.ts';

/**
 * The one place pages get articles from. Astro renders every page in one process, so this
 * module-level promise builds the indexes once per build however many pages ask.
 */
let cached: Promise<ArchiveIndex> | undefined;
let digests: Promise<Map<string, string>> | undefined;

export function archiveIndex(): Promise<ArchiveIndex> {
  cached ??= load();
  return cached;
}

/** Each entry's digest (src/lib/record-loader.ts): what tells a page's cache key its entry changed. */
export function entryDigests(): Promise<Map<string, string>> {
  digests ??= getCollection('articles').then((entries) => new Map(entries.map((entry) => [entry.id, String(entry.digest)])));
  return digests;
}

async function load(): Promise<ArchiveIndex> {
  const entries = await getCollection('articles');
  const articles: ArticleRecord[] = entries.map((entry) => entry.data);
  const curated: TopicInfo[] = (await getCollection('topics')).map(({ data }) => ({
    slug: data.slug,
    kind: data.kind,
    labels: data.labels,
    description: data.description,
  }));
  return buildArchiveIndex(articles, curated, documentTopic);
}
