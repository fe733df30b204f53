import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { searchTopicShards } from '../../../lib/search-topics.ts';

/**
 * One shard of the topics a search query can name: those with a term starting with the
 * shard's character (routes.searchTopicShard). The search page fetches the shards of the
 * query's words only, once someone searches (src/search/client/).
 */
export const getStaticPaths = (async () =>
  [...(await searchTopicShards())].map(([shard, hints]) => ({ params: { shard }, props: { hints } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(props.hints), { headers: { 'content-type': 'application/json; charset=utf-8' } });
