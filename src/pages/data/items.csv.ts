import type { APIRoute } from 'astro';
import { itemRecords } from '../../astro/item-records.ts';
import { ITEM_CSV_COLUMNS, toCsv } from '../../lib/publish/open-data.ts';
import { getSiteData } from '../../astro/site-data.ts';

/** All items as a spreadsheet: one row per item, UTF-8 with a byte order mark. */
export const GET: APIRoute = async () => {
  const records = itemRecords(await getSiteData());
  const csv = toCsv([ITEM_CSV_COLUMNS.map((c) => c.header), ...records.map((r) => ITEM_CSV_COLUMNS.map((c) => c.value(r)))]);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
