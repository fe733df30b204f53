import { getCollection } from 'astro:content';
import { archiveIndex } from './archive-index.ts';
import { buildTopicHints, type TopicHint } from '../search/topic-hints.ts';

let hints: Promise<TopicHint[]> | undefined;

/** The topics a search query can name (src/search/topic-hints.ts), once per build. */
export function searchTopicHints(): Promise<TopicHint[]> {
  hints ??= (async () => {
    const index = await archiveIndex();
    const patterns = new Map((await getCollection('topics')).map(({ data }) => [data.slug, data.patterns]));
    return buildTopicHints(index.topics.values(), patterns);
  })();
  return hints;
}
