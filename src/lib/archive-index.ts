import { getCollection } from 'astro:content';
import type { ArticleRecord } from './article-record.ts';
import { buildArchiveIndex, type ArchiveIndex, type TopicInfo } from './archive-model.ts';
import { documentTopic } from './document-topics.ts';

/**
 * The one place pages get articles from. Astro renders every page in one process, so this
 * module-level promise builds the indexes once per build however many pages ask.
 */
let cached: Promise<ArchiveIndex> | undefined;

export function archiveIndex(): Promise<ArchiveIndex> {
  cached ??= load();
  return cached;
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
