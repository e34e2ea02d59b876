import { highlightTerms, type SynonymMatch } from '../lib/search-query.ts';

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

/** The everyday words a result was found through: their official wording is in it, they are not. */
function matchedVia(text: string, synonyms: readonly SynonymMatch[]): string[] {
  return synonyms
    .filter((s) => !text.includes(s.say))
    .flatMap((s) => {
      const hit = s.means.find((m) => m.split(' ').every((w) => text.includes(w)));
      return hit ? [`${s.say} → ${hit.replace(/ /g, '')}`] : [];
    });
}

/** One result: name as a link, excerpt with highlights, batch and lead bureau, and any synonym used. */
export function renderResult(entry: { name: string; url: string; meta: string; excerpt: Node[] }, synonyms: readonly SynonymMatch[]): HTMLLIElement {
  const li = document.createElement('li');
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
  const via = matchedVia(`${entry.name} ${entry.excerpt.map((n) => n.textContent).join('')}`, synonyms);
  if (via.length > 0) {
    const p = document.createElement('p');
    p.className = 'via';
    p.textContent = `匹配：${via.join('；')}`;
    li.append(p);
  }
  return li;
}
