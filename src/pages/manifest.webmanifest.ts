import type { APIRoute } from 'astro';
import { siteIdentity, webManifest } from '../lib/discovery.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('SITE_URL is not configured');
  return new Response(webManifest({ site, base: import.meta.env.BASE_URL }, siteIdentity), { headers: { 'content-type': 'application/manifest+json' } });
};
