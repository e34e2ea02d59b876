import type { ResultEntry } from './search-protocol.ts';

/**
 * One result, as the search worker prepared it: name as a link, excerpt with
 * highlights, batch and lead bureau, and how it meets the query. Built from
 * text nodes only, so that markup in the (untrusted) source table can only
 * ever show as text.
 */
export function renderResult(entry: ResultEntry): HTMLLIElement {
  const li = document.createElement('li');
  if (entry.tier) li.className = entry.tier;
  const a = document.createElement('a');
  a.href = entry.url;
  a.textContent = entry.name;
  li.append(a);
  if (entry.excerpt.length > 0) {
    const p = document.createElement('p');
    p.append(
      ...entry.excerpt.map((run) => {
        if (!run.marked) return document.createTextNode(run.text);
        const mark = document.createElement('mark');
        mark.textContent = run.text;
        return mark;
      }),
    );
    li.append(p);
  }
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = entry.meta;
  li.append(meta);
  for (const line of entry.reasons) {
    const p = document.createElement('p');
    p.className = line.className;
    p.textContent = line.text;
    li.append(p);
  }
  return li;
}
