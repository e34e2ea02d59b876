import type { APIRoute } from 'astro';
import { paths } from '../lib/views/paths.ts';
import { robotsTxt } from '../lib/publish/sitemap.ts';
import { publicUrl } from '../astro/url.ts';

export const GET: APIRoute = () => new Response(robotsTxt(publicUrl(paths.sitemap)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
