import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { searchTopicShards } from '../../../search/topic-hint-files.ts';
import { cacheKey } from '../../../lib/cache-key.ts';

/**
 * One shard of the topics a search query can name: those with a term starting with the
 * shard's character (routes.searchTopicShard). The search page fetches the shards of the
 * query's words only, once someone searches (src/search/client/). A shard whose topics,
 * counts and terms are unchanged is restored, not rendered again.
 */
export const getStaticPaths = (async () =>
  [...(await searchTopicShards())].map(([shard, hints]) => ({ params: { shard }, props: { hints }, cacheKey: cacheKey(shard, hints) }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(props.hints), { headers: { 'content-type': 'application/json; charset=utf-8' } });
