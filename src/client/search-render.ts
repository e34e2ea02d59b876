import { reasons } from '../lib/search/engine.ts';
import { highlightTerms } from '../lib/search/query.ts';
import type { ConceptHit, Tier } from '../lib/search/rank.ts';

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
  for (const line of reasons(entry)) {
    const p = document.createElement('p');
    p.className = line.className;
    p.textContent = line.text;
    li.append(p);
  }
  return li;
}
