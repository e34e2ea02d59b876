import { BATCHES } from '../lib/core/batches.ts';
import { deadlineStatus, itemPosition, plannedDeadline } from '../lib/views/format.ts';
import { leadText } from '../lib/views/item-view.ts';
import { paths } from '../lib/views/paths.ts';
import type { ShareCard } from '../lib/publish/share-card.ts';
import type { SiteData } from './site-data.ts';

/**
 * The share card of every page that has its own image (home, items, bureaus,
 * batches, topics), keyed by the page's site-relative path. Other pages share
 * the home page's image.
 */
export function shareCards(data: SiteData, siteName: string): Map<string, ShareCard> {
  const { items, bureaus, batches, topics, bureauName, views } = data;
  const cards = new Map<string, ShareCard>();
  cards.set(paths.home, { kicker: '石家庄市政务服务“跨省通办”', title: siteName, lines: [`共 ${items.length} 项事项：能办什么、哪个部门负责`], siteName });
  for (const item of items) {
    cards.set(paths.item(item.id), {
      kicker: itemPosition(item.batch, item.number),
      title: item.name,
      lines: [deadlineStatus(item.batch), `牵头单位：${leadText(item, bureauName)}`],
      siteName,
    });
  }
  // Counts come from the views the bureau, batch and topic pages show, so a card never disagrees with its page.
  for (const bureau of bureaus) {
    const counts = views.bureauCounts.get(bureau.slug);
    cards.set(paths.bureau(bureau.slug), {
      kicker: '部门事项清单',
      title: bureau.fullName,
      lines: [`牵头 ${counts?.lead ?? 0} 项，配合 ${counts?.cooperating ?? 0} 项“跨省通办”事项`],
      siteName,
    });
  }
  for (const batch of batches) {
    const count = views.byBatch.find((g) => g.batch === batch.batch)?.items.length ?? 0;
    cards.set(paths.batch(batch.batch), {
      kicker: '按批次查看',
      title: `${BATCHES[batch.batch].label}：${count} 项“跨省通办”事项`,
      lines: [plannedDeadline(batch.batch)],
      siteName,
    });
  }
  for (const topic of topics) {
    const count = views.topicCounts.get(topic.slug) ?? 0;
    cards.set(paths.topic(topic.slug), { kicker: '按主题查看', title: `${topic.name}：${count} 项`, lines: [topic.summary], siteName });
  }
  return cards;
}
