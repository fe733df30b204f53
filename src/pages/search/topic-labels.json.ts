import type { APIRoute } from 'astro';
import { searchTopicHints } from '../../search/topic-hint-files.ts';
import { topicLabels } from '../../search/topic-hints.ts';

/** Each topic's name by slug (routes.searchTopicLabels): fetched only when the search page shows its topic filter's values. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(topicLabels(await searchTopicHints())), { headers: { 'content-type': 'application/json; charset=utf-8' } });
