import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { archiveIndex } from '../../lib/archive-index.ts';
import { buildTopicHints } from '../../search/topic-hints.ts';

/**
 * The topics a search query can name, with their labels and patterns, fetched by the
 * search page only once someone searches (see src/search/client/).
 */
export const GET: APIRoute = async () => {
  const index = await archiveIndex();
  const patterns = new Map((await getCollection('topics')).map(({ data }) => [data.slug, data.patterns]));
  return new Response(JSON.stringify(buildTopicHints(index.topics.values(), patterns)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
