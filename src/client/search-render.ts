import { highlightTerms } from '../lib/search-query.ts';
import type { ConceptHit, Tier } from '../lib/search-rank.ts';

/**
 * The excerpt of a result: the item's scenario with the matched words marked.
 * Built from text nodes only, so that markup in the (untrusted) source table
 * can only ever show as text.
 */
export function highlightedExcerpt(text: string, words: readonly string[]): Node[] {
  return highlightTerms(text, words).map((run) => {
    if (!run.marked) return document.createTextNode(run.text);
    const mark = document.createElement('mark');
    mark.textContent = run.text;
    return mark;
  });
}

/** One result to show. */
export interface ResultEntry {
  name: string;
  url: string;
  meta: string;
  excerpt: Node[];
  /** How the result meets the query; absent when listing by filters only. */
  tier?: Tier;
  hits?: readonly ConceptHit[];
}

/** The lines that explain a result: 匹配 (same service, other words), 只包含部分字词, 相关 (a different service). */
function explanations(entry: ResultEntry): { className: string; text: string }[] {
  const hits = entry.hits ?? [];
  const lines: { className: string; text: string }[] = [];
  const via = hits.filter((h) => h.strength === 'same' && h.concept.source !== 'pinyin' && h.wording !== h.concept.say && !entry.name.includes(h.concept.say));
  if (entry.tier === 'partial') {
    const words = [...new Set(hits.filter((h) => h.strength === 'same' && h.concept.kind === 'thing').map((h) => h.concept.say))];
    lines.push({ className: 'tier', text: `部分匹配：只包含“${words.join('”“')}”` });
  }
  if (via.length > 0) lines.push({ className: 'via', text: `匹配：${via.map((h) => `${h.concept.say} → ${h.wording.replace(/ /g, '')}`).join('；')}` });
  const related = hits.filter((h) => h.strength === 'related');
  if (related.length > 0) {
    lines.push({ className: 'tier', text: `相关，不是同一事项：${related.map((h) => `“${h.concept.say}”与“${h.wording}”不同`).join('；')}` });
  }
  return lines;
}

/** One result: name as a link, excerpt with highlights, batch and lead bureau, and how it meets the query. */
export function renderResult(entry: ResultEntry): HTMLLIElement {
  const li = document.createElement('li');
  if (entry.tier && entry.tier !== 'full') li.className = entry.tier;
  const a = document.createElement('a');
  a.href = entry.url;
  a.textContent = entry.name;
  li.append(a);
  if (entry.excerpt.length > 0) {
    const p = document.createElement('p');
    p.append(...entry.excerpt);
    li.append(p);
  }
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = entry.meta;
  li.append(meta);
  for (const line of explanations(entry)) {
    const p = document.createElement('p');
    p.className = line.className;
    p.textContent = line.text;
    li.append(p);
  }
  return li;
}
