import type { APIRoute } from 'astro';
import { OPENSEARCH_TYPE, openSearchDescription, siteIdentity } from '../lib/discovery.ts';

/** Lets a browser add the archive's search (linked from every page's head). */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('SITE_URL is not configured: the OpenSearch description needs absolute URLs');
  return new Response(openSearchDescription({ site, base: import.meta.env.BASE_URL }, siteIdentity), { headers: { 'content-type': `${OPENSEARCH_TYPE}; charset=utf-8` } });
};
