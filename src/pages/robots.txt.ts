import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/discovery.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('SITE_URL is not configured: robots.txt names the sitemap by its absolute URL');
  return new Response(robotsTxt({ site, base: import.meta.env.BASE_URL }), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
