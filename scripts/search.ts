/**
 * Answers one query from the built site in Node, as the search page would.
 * Usage: npm run search -- "公基金 提取" [--dist DIR] [--all]
 * Prints what the query was read as (its concepts and their source), the page's
 * state, and the top results (all with --all), each with its one verdict and the
 * lines the page shows, the item's facets (content/facets.yaml) and the facets the
 * query states, and the words and entries or rules that matched. Needs npm run build first.
 */
import { join } from 'node:path';
import { loadCatalog } from '../src/build/load-catalog.ts';
import { loadBuiltSearch } from '../src/build/search-node.ts';
import { queryFacets } from '../src/lib/search/query-facets.ts';
import { answerStatus, itemId, matchDetail, reasons, recordName, searchCatalog } from '../src/lib/search/engine.ts';

const started = performance.now();
const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? (args.splice(distAt, 2)[1] ?? 'dist') : 'dist';
const all = args.includes('--all');
const query = args.filter((a) => a !== '--all').join(' ');
if (query.trim() === '') {
  console.error('usage: npm run search -- "社保卡补办" [--dist DIR] [--all]');
  process.exit(2);
}
const { index, data } = await loadBuiltSearch(join(process.cwd(), dist));
const answer = await searchCatalog(index, data, query);
const ms = performance.now() - started;
const facetsOf = new Map(loadCatalog(process.cwd()).facets.items.map((f) => [f.id, f]));
const stated = Object.entries(queryFacets(answer.plan.query, data.lexicon)).map(([k, v]) => `${k}=${v.join('|')}`);

console.log(`查询：${query}  →  ${answer.plan.query}`);
console.log(
  `读作：${answer.plan.concepts.map((c) => `${c.say}[${c.source}${c.kind === 'action' ? ' 动作' : ''}${c.readAs ? ` 读作${c.readAs}` : ''}]`).join(' ') || '（无可搜索的词）'}`,
);
if (stated.length > 0) console.log(`查询的方面：${stated.join('  ')}`);
console.log(`状态：${answer.state}  ${answerStatus(answer)}`);
for (const [i, r] of (all ? answer.ranked : answer.ranked.slice(0, 10)).entries()) {
  const id = itemId(r.item.url);
  const [verdict, ...lines] = reasons({ name: recordName(r.item), tier: r.tier, hits: r.hits, gaps: r.gaps, conflicts: r.conflicts });
  console.log(`${String(i + 1).padStart(2)}. ${id.padEnd(5)} ${recordName(r.item)}  (${r.score.toFixed(1)})`);
  console.log(`      ${verdict?.text}`);
  for (const line of lines) console.log(`      ${line.text}`);
  const f = facetsOf.get(id);
  if (f) {
    const limits = Object.entries(f.limits).map(([k, v]) => `${k}=${v.join('|')}`);
    console.log(
      `      事项：${f.object}；${f.action.join('、')}${f.who ? `；${f.who.join('、')}申请` : ''}${limits.length > 0 ? `；${limits.join('  ')}` : ''}`,
    );
  }
  console.log(`      因为：${matchDetail(r.hits)}`);
}
if (answer.state === 'none') console.log(`没有找到。${answer.suggestions.length > 0 ? `您是不是要找：${answer.suggestions.join('、')}` : ''}`);
console.log(`(${ms.toFixed(0)} ms)`);
