import type { Catalog } from '../catalog/catalog.ts';
import { BATCHES, BATCH_IDS } from '../catalog/batches.ts';
import { HEADER_CELLS } from './parse-table.ts';

/** Ordinals of section headings, as the source writes them. */
const ORDINALS = Object.values(BATCHES).map((b) => b.ordinal);

/**
 * Multiplies the real table into a larger valid one for benchmarks: the real
 * rows stay verbatim (so every correction still applies), and each section is
 * filled up with copies of its own items, named “…·副本N” so that no copy looks
 * like the same service in another batch. Returns the seed text and the
 * matching topics file.
 */
export function synthesizeTable(catalog: Catalog, total: number, topicsHeader: string): { seed: string; topics: string } {
  const real = catalog.items.length;
  const bureauName = new Map(catalog.bureaus.map((b) => [b.slug, b.name]));
  const lines = ['附件', '', catalog.title, '', `(共 ${total} 项)`, ''];
  const topicLines = [topicsHeader.trimEnd(), '', 'items:'];
  let assigned = 0;
  BATCH_IDS.forEach((batch, i) => {
    const own = catalog.items.filter((item) => item.batch === batch);
    const count = i === BATCH_IDS.length - 1 ? total - assigned : Math.round((total * own.length) / real);
    assigned += count;
    lines.push(`${ORDINALS[i]}、${BATCHES[batch].deadline}实现“跨省通办”的事项（${count}项）`, '');
    for (let n = 1; n <= count; n++) {
      // A repeated header row every 50 rows, as the real table has one per printed page.
      if ((n - 1) % 50 === 0) lines.push(HEADER_CELLS.join('\t'));
      const source = own[(n - 1) % own.length]!;
      const copy = Math.floor((n - 1) / own.length);
      if (copy === 0) {
        const c = source.source;
        lines.push([n, c.name, c.scenario, c.lead, c.cooperating, c.remark].join('\t'));
      } else {
        const names = (slugs: string[]) => slugs.map((s) => bureauName.get(s)).join('、');
        // A copy of a row whose bureau cooperates with itself drops that cell: only the real row carries its annotation.
        const cooperating = source.cooperating.filter((slug) => !source.lead.includes(slug));
        lines.push([n, `${source.name}·副本${batch}-${copy}`, source.scenario, names(source.lead), names(cooperating), source.remark ?? ''].join('\t'));
      }
      const audience = source.audience.join(', ');
      topicLines.push(`  ${batch}-${n}: { topics: [${source.topics.join(', ')}], audience: [${audience}] }`);
    }
    lines.push('');
  });
  return { seed: lines.join('\n'), topics: `${topicLines.join('\n')}\n` };
}
