import { itemRecord, type ItemRecord } from '../lib/publish/open-data.ts';
import { paths } from '../lib/views/paths.ts';
import type { SiteData } from './site-data.ts';
import { shownUrl } from './url.ts';

/** The open-data records of the given items, from the same collection data the pages use. */
export function itemRecords(data: SiteData, items = data.items): ItemRecord[] {
  return items.map((item) =>
    itemRecord(item, {
      bureauName: data.bureauName,
      topicName: data.topicName,
      // Absolute with SITE_URL; a preview build gives the path, never a made-up host.
      url: (id) => shownUrl(paths.item(id)),
    }),
  );
}
