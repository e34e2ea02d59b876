import { itemRecord, type ItemRecord } from '../lib/publish/open-data.ts';
import { paths } from '../lib/views/paths.ts';
import type { Item, SiteData } from './site-data.ts';
import { shownUrl } from './url.ts';

/** The open-data record of one item, from the same collection data the pages use. */
function recordOf(data: SiteData): (item: Item) => ItemRecord {
  const lookups = {
    bureauName: data.bureauName,
    topicName: data.topicName,
    // Absolute with SITE_URL; a preview build gives the path, never a made-up host.
    url: (id: string) => shownUrl(paths.item(id)),
  };
  return (item) => itemRecord(item, lookups);
}

/** The open-data records of the given items. */
export function itemRecords(data: SiteData, items = data.items): ItemRecord[] {
  return items.map(recordOf(data));
}

/**
 * The records of the given items one at a time, each made as the file that
 * holds it is written (text-stream.ts): a national catalog's records are
 * never all in memory at once.
 */
export function* eachItemRecord(data: SiteData, items = data.items): Generator<ItemRecord> {
  const record = recordOf(data);
  for (const item of items) yield record(item);
}
