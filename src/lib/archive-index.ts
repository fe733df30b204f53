import { getCollection } from 'astro:content';
import { articleRecordsDir, articlesDir, routeTablesDir } from '../config/archive.ts';
import { readArticle, type ArticleRecord } from './article-record.ts';
import { buildArchiveIndex, type ArchiveIndex, type TopicInfo } from './archive-model.ts';
import { cacheKey } from './cache-key.ts';
import { documentTopic } from './document-topics.ts';
import { feedDescription } from './feeds.ts';
import { storedRecords, storedRecordsDigest, type StoredRecord } from './record-store.ts';
import { routePaths, type KeyedPath, type RouteSource, type RouteTableOptions } from './route-table.ts';

/**
 * The one place pages get articles from. Astro renders every page in one process, so these
 * module-level promises take the records and build the indexes once per build however many
 * pages ask. The records are what this build's content sync left (src/lib/record-loader.ts).
 */
let stored: ReadonlyMap<string, StoredRecord> | undefined;
let cached: Promise<ArchiveIndex> | undefined;
let digests: Map<string, string> | undefined;
let key: Promise<string> | undefined;

const records = (): ReadonlyMap<string, StoredRecord> => (stored ??= storedRecords(articleRecordsDir));

export function archiveIndex(): Promise<ArchiveIndex> {
  cached ??= load();
  return cached;
}

/** Each entry's digest (src/lib/record-loader.ts): what tells a page's cache key its entry changed. */
export function entryDigests(): Promise<Map<string, string>> {
  digests ??= new Map([...records()].map(([id, { digest }]) => [id, digest]));
  return Promise.resolve(digests);
}

/**
 * A digest of what the index is made of: every record (storedRecordsDigest) and the curated topics.
 * Given the code, whatever the pages make of the index is a function of these, so pages made
 * from an equal key are equal but for the entries they read themselves (src/lib/route-table.ts).
 */
export function archiveKey(): Promise<string> {
  key ??= curatedTopics().then((curated) => cacheKey(storedRecordsDigest(articleRecordsDir), curated));
  return key;
}

const feedDescriptions = new Map<string, string>();

/**
 * Each entry's feed description (feedDescription), read from its entry once per version of
 * it however many feeds list it: an update's new articles head most of their topics' feeds,
 * so at 10,000 articles an update's 64 feeds asked for 3,200 descriptions of a few hundred
 * entries, each read and checked whole.
 */
export async function feedDescriber(): Promise<(id: string) => string> {
  const digests = await entryDigests();
  return (id) => {
    const key = `${id}\0${digests.get(id) ?? ''}`;
    let description = feedDescriptions.get(key);
    if (description === undefined) feedDescriptions.set(key, (description = feedDescription(readArticle(articlesDir, id))));
    return description;
  };
}

async function curatedTopics(): Promise<TopicInfo[]> {
  return (await getCollection('topics')).map(({ data }) => ({ slug: data.slug, kind: data.kind, labels: data.labels, description: data.description }));
}

async function load(): Promise<ArchiveIndex> {
  const articles: ArticleRecord[] = [...records().values()].map(({ record }) => record);
  return buildArchiveIndex(articles, await curatedTopics(), documentTopic);
}

/**
 * A route's getStaticPaths() entries over the archive, from its table of the last build where
 * the archive's records are unchanged (src/lib/route-table.ts). `use`: whether the code is as at
 * the last build that ran Astro, whether only the groups made again are to be given, and the
 * route's pattern, as the build says (src/build/render-skip.ts, routeTableUse).
 */
export async function archiveRoutePaths<Params, Props>(
  name: string,
  use: Pick<RouteTableOptions, 'reuse' | 'changedOnly' | 'pattern'>,
  source: RouteSource<Params, Props>,
): Promise<KeyedPath<Params, Props>[]> {
  const [inputs, digests] = await Promise.all([archiveKey(), entryDigests()]);
  return routePaths(name, { dir: routeTablesDir, inputs, digests, ...use }, source);
}
