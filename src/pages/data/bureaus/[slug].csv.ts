import type { APIRoute, GetStaticPaths } from 'astro';
import { sortItems } from '../../../lib/views/grouping.ts';
import { itemRecords } from '../../../astro/item-records.ts';
import { ITEM_CSV_COLUMNS, toCsv } from '../../../lib/publish/open-data.ts';
import { getSiteData } from '../../../astro/site-data.ts';

export const getStaticPaths = (async () => {
  const { bureaus } = await getSiteData();
  return bureaus.map((b) => ({ params: { slug: b.slug } }));
}) satisfies GetStaticPaths;

/** One bureau's items as a spreadsheet, with its role (牵头/配合) in the first column. */
export const GET: APIRoute = async ({ params }) => {
  const data = await getSiteData();
  const slug = params.slug ?? '';
  // From the bureau's view, in source order: filtering the whole catalog for every bureau grows with the square of its size.
  const groups = data.views.byBureau.get(slug) ?? { lead: [], cooperating: [] };
  const items = sortItems([...groups.lead, ...groups.cooperating].flatMap((g) => g.items));
  const roles = new Map(items.map((i) => [i.id, i.lead.includes(slug) ? '牵头' : '配合']));
  const rows = itemRecords(data, items).map((r) => [roles.get(r.id) ?? '', ...ITEM_CSV_COLUMNS.map((c) => c.value(r))]);
  return new Response(toCsv([['role', ...ITEM_CSV_COLUMNS.map((c) => c.header)], ...rows]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
