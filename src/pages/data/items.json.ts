import type { APIRoute } from 'astro';
import { itemRecords } from '../../astro/item-records.ts';
import { getSiteData } from '../../astro/site-data.ts';

/** All 138 items as JSON: normalised fields, corrections applied, and the raw cells. */
export const GET: APIRoute = async () => {
  const records = itemRecords(await getSiteData());
  return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
