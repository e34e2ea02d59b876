import type { APIRoute } from 'astro';
import { paths } from '../lib/paths.ts';
import { robotsTxt } from '../lib/sitemap.ts';
import { publicUrl } from '../astro/url.ts';

export const GET: APIRoute = () => new Response(robotsTxt(publicUrl(paths.sitemap)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
