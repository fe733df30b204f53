import { getCollection } from 'astro:content';
import { articleRecordsDir } from '../config/archive.ts';
import type { ArticleRecord } from './article-record.ts';
import { buildArchiveIndex, type ArchiveIndex, type TopicInfo } from './archive-model.ts';
import { documentTopic } from './document-topics.ts';
import { readRecords, type StoredRecord } from './record-store.ts';

/**
 * The one place pages get articles from. Astro renders every page in one process, so these
 * module-level promises read the record store and build the indexes once per build however
 * many pages ask. The store is what this build's content sync left (src/lib/record-loader.ts).
 */
let stored: Map<string, StoredRecord> | undefined;
let cached: Promise<ArchiveIndex> | undefined;
let digests: Map<string, string> | undefined;

const records = (): Map<string, StoredRecord> => (stored ??= readRecords(articleRecordsDir));

export function archiveIndex(): Promise<ArchiveIndex> {
  cached ??= load();
  return cached;
}

/** Each entry's digest (src/lib/record-loader.ts): what tells a page's cache key its entry changed. */
export function entryDigests(): Promise<Map<string, string>> {
  digests ??= new Map([...records()].map(([id, { digest }]) => [id, digest]));
  return Promise.resolve(digests);
}

async function load(): Promise<ArchiveIndex> {
  const articles: ArticleRecord[] = [...records().values()].map(({ record }) => record);
  const curated: TopicInfo[] = (await getCollection('topics')).map(({ data }) => ({
    slug: data.slug,
    kind: data.kind,
    labels: data.labels,
    description: data.description,
  }));
  return buildArchiveIndex(articles, curated, documentTopic);
}
