import type { APIRoute } from 'astro';
import { eachItemRecord } from '../../astro/item-records.ts';
import { getSiteData } from '../../astro/site-data.ts';
import { jsonArrayPieces, textStream } from '../../lib/publish/text-stream.ts';

/** All items as JSON: normalised fields, corrections applied, and the raw cells; streamed, record by record. */
export const GET: APIRoute = async () => {
  const records = eachItemRecord(await getSiteData());
  return new Response(textStream(jsonArrayPieces(records)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
