import { getCollection } from 'astro:content';
import { archiveIndex } from '../lib/archive-index.ts';
import { buildTopicHints, shardTopicHints, type TopicHint } from './topic-hints.ts';

let hints: Promise<TopicHint[]> | undefined;
let shards: Promise<Map<string, TopicHint[]>> | undefined;

/** The topics a search query can name (topic-hints.ts), once per build. */
export function searchTopicHints(): Promise<TopicHint[]> {
  hints ??= (async () => {
    const index = await archiveIndex();
    const patterns = new Map((await getCollection('topics')).map(({ data }) => [data.slug, data.patterns]));
    return buildTopicHints(index.topics.values(), patterns);
  })();
  return hints;
}

/** Those hints by shard (topic-hints.ts), once per build: the shard files and the search page's list of them. */
export function searchTopicShards(): Promise<Map<string, TopicHint[]>> {
  shards ??= searchTopicHints().then(shardTopicHints);
  return shards;
}
