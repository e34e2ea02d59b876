import type { APIRoute } from 'astro';
import { eachItemRecord } from '../../astro/item-records.ts';
import { csvPieces, ITEM_CSV_COLUMNS } from '../../lib/publish/open-data.ts';
import { getSiteData } from '../../astro/site-data.ts';
import { textStream } from '../../lib/publish/text-stream.ts';

/** All items as a spreadsheet: one row per item, UTF-8 with a byte order mark; streamed, row by row. */
export const GET: APIRoute = async () => {
  const data = await getSiteData();
  function* rows() {
    yield ITEM_CSV_COLUMNS.map((c) => c.header);
    for (const r of eachItemRecord(data)) yield ITEM_CSV_COLUMNS.map((c) => c.value(r));
  }
  return new Response(textStream(csvPieces(rows())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
