import type { APIRoute } from 'astro';
import { getSiteData } from '../astro/site-data.ts';
import { itemSearchRecord } from '../lib/search/record.ts';

/**
 * Every item's search record, for the Pagefind integration to index after the
 * build (src/integrations/pagefind.ts), which then removes this file from the output.
 */
export const GET: APIRoute = async () => {
  const { items, bureauName, topicName } = await getSiteData();
  const records = items.map((item) => itemSearchRecord(item, bureauName, topicName));
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
