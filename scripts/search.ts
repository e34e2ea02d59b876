/**
 * Answers one query from the built site in Node, as the search page would.
 * Usage: npm run search -- "公基金 提取" [--dist DIR] [--all]
 * Prints what the query was read as (its concepts and their source), the page's
 * state, and the top results (all with --all), each with the reason the page
 * shows and the words and entries or rules that matched. Needs npm run build first.
 */
import { join } from 'node:path';
import { loadBuiltSearch } from '../src/build/search-node.ts';
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

console.log(`查询：${query}  →  ${answer.plan.query}`);
console.log(
  `读作：${answer.plan.concepts.map((c) => `${c.say}[${c.source}${c.kind === 'action' ? ' 动作' : ''}${c.readAs ? ` 读作${c.readAs}` : ''}]`).join(' ') || '（无可搜索的词）'}`,
);
console.log(`状态：${answer.state}  ${answerStatus(answer)}`);
for (const [i, r] of (all ? answer.ranked : answer.ranked.slice(0, 10)).entries()) {
  const label = { full: '匹配', partial: '部分', related: '相关' }[r.tier];
  console.log(`${String(i + 1).padStart(2)}. ${itemId(r.item.url).padEnd(5)} ${label} ${recordName(r.item)}  (${r.score.toFixed(1)})`);
  for (const line of reasons({ name: recordName(r.item), tier: r.tier, hits: r.hits })) console.log(`      ${line.text}`);
  console.log(`      因为：${matchDetail(r.hits)}`);
}
if (answer.state === 'none') console.log(`没有找到。${answer.suggestions.length > 0 ? `您是不是要找：${answer.suggestions.join('、')}` : ''}`);
console.log(`(${ms.toFixed(0)} ms)`);
