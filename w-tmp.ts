import { readFileSync } from 'node:fs';
import { loadBuiltSearch } from './src/build/search-node.ts';
import { searchCatalog, itemId, reasons, recordName } from './src/lib/search/engine.ts';
const { index, data } = await loadBuiltSearch('dist');
const [file, mode] = process.argv.slice(2);
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [q, ids] = line.split('\t');
  const a = await searchCatalog(index, data, q!);
  const want = ids!.split(' ').map((i) => i.replace(/-0+(\d)/, '-$1'));
  const at = a.ranked.findIndex((r) => want.includes(itemId(r.item.url)));
  const r = a.ranked[at];
  if (mode === 'all' || !r || r.tier !== 'full' || at >= 5) {
    const v = r ? reasons({ name: recordName(r.item), tier: r.tier, hits: r.hits, gaps: r.gaps, conflicts: r.conflicts })[0]?.text : '-';
    console.log(`${q}\t${at + 1}\t${a.plan.concepts.map((c) => `${c.say}[${c.source[0]}]`).join(' ')}\t${v}`);
  }
}
