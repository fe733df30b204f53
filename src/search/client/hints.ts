/** The topics a query names, offered above the results (topic-match.ts). */
import { searchText as t } from '../../i18n/search.ts';
import { joinBase, routes } from '../../lib/urls.ts';
import { mergeTopicHints, queryShards, type TopicHint } from '../topic-match.ts';
import { cachedJson } from './fetch-cache.ts';
import { base, topicList, topicsBox, topicShards } from './page.ts';

const shardRequests = new Map<string, Promise<TopicHint[]>>();

/** The topics a query may name: the shards of its words' first characters, fetched once each. */
export async function topicHintsFor(query: string): Promise<TopicHint[]> {
  const shards = queryShards(query).filter((shard) => topicShards.has(shard));
  return mergeTopicHints(await Promise.all(shards.map((shard) => cachedJson(shardRequests, routes.searchTopicShard(shard)))));
}

export function renderTopicHints(found: readonly TopicHint[]): void {
  topicList.replaceChildren(
    ...found.map((hint) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = joinBase(base, routes.topic(hint.slug));
      link.textContent = hint.label;
      item.append(link, ` — ${t.topicHint(hint.count)}`);
      return item;
    }),
  );
  topicsBox.hidden = found.length === 0;
}
