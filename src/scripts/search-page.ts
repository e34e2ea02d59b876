import { FILTER_KEYS } from '../lib/search-filters.ts';
import { highlightWords, planQuery, rankByName, suggestTerms, type QueryLexiconEntry, type QueryPlan } from '../lib/search-query.ts';
import { runSearch, type SearchHit } from './pagefind-client.ts';
import { highlightedExcerpt, renderResult } from './search-render.ts';

const PAGE_SIZE = 10;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const segment = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
const TYPING_DELAY_MS = 250;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the search page`);
  return el as T;
}

/**
 * Turns the static search page into a live search: reads the query and
 * filters from the URL, keeps the URL in step while the person types, and
 * shows ranked results with a spoken count. Without JavaScript the page still
 * lists every item.
 */
export function startSearchPage(): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('q');
  const app = byId('search-app');
  const status = byId('search-status');
  const synonymsLine = byId('search-synonyms');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const empty = byId('search-empty');
  const suggestions = byId('search-suggestions');
  const browse = byId('browse');
  const lexicon = JSON.parse(byId('search-lexicon').textContent ?? '[]') as QueryLexiconEntry[];
  const selects = FILTER_KEYS.map((key) => form.elements.namedItem(key) as HTMLSelectElement);

  let generation = 0;
  let hits: SearchHit[] = [];
  let shown = 0;
  let plan: QueryPlan = planQuery('', lexicon, segment);

  const filters = () => Object.fromEntries(selects.filter((s) => s.value !== '').map((s) => [s.name, s.value]));

  function syncUrl() {
    const params = new URLSearchParams();
    if (input.value.trim() !== '') params.set('q', input.value);
    for (const s of selects) if (s.value !== '') params.set(s.name, s.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  async function showMore(run: number) {
    const page = hits.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(page.map((h) => h.result.data()));
    if (run !== generation) return;
    const words = highlightWords(plan, segment);
    let entries: { name: string; url: string; meta: string; excerpt: Node[] }[] = data.map((d) => ({
      name: d.meta.title ?? '',
      url: d.url,
      meta: [d.meta.batch, d.meta.lead && `牵头：${d.meta.lead}`].filter(Boolean).join('；'),
      excerpt: highlightedExcerpt(d.meta.scenario ?? '', words),
    }));
    if (shown === 0) entries = rankByName(entries, plan.query, (e) => e.name);
    for (const entry of entries) list.append(renderResult(entry, plan.synonyms));
    shown += page.length;
    more.hidden = shown >= hits.length;
  }

  async function search() {
    const run = ++generation;
    app.dataset.state = 'searching';
    plan = planQuery(input.value, lexicon, segment);
    const active = filters();
    const searching = plan.variants.length > 0 || Object.keys(active).length > 0;
    app.hidden = !searching;
    browse.hidden = searching;
    list.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    synonymsLine.hidden = true;
    if (!searching) {
      // Something was typed but nothing searchable is left (only spaces or punctuation).
      status.textContent = input.value === '' ? '' : '请输入要办的事，例如“社保卡补办”。';
      app.hidden = status.textContent === '';
      app.dataset.state = 'done';
      return;
    }
    status.textContent = '正在搜索…';
    const outcome = await runSearch(plan, active);
    if (run !== generation) return;
    hits = outcome.hits;
    const count = hits.length;
    const what = plan.query ? `与“${plan.query}”相关的` : '符合条件的';
    status.textContent =
      count === 0
        ? `没有找到${what}事项。`
        : outcome.relaxed
          ? `没有完全符合“${plan.query}”的事项。下面是与其中部分词语相关的 ${count} 项。`
          : `找到 ${count} 项${what}事项。`;
    if (plan.synonyms.length > 0) {
      synonymsLine.textContent = `已同时按正式名称搜索：${plan.synonyms.map((s) => `${s.say} → ${s.means.join('、')}`).join('；')}`;
      synonymsLine.hidden = false;
    }
    shown = 0;
    if (count === 0) {
      const terms = suggestTerms(plan.query, [...lexicon.flatMap((e) => e.say), ...lexicon.flatMap((e) => e.means.map((m) => m.replace(/ /g, '')))]);
      suggestions.replaceChildren(
        ...terms.map((term) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = `?q=${encodeURIComponent(term)}`;
          a.textContent = term;
          li.append(a);
          return li;
        }),
      );
      byId('search-suggestions-intro').hidden = terms.length === 0;
      empty.hidden = false;
    } else {
      await showMore(run);
    }
    if (run === generation) app.dataset.state = 'done';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncUrl();
      void search();
    }, TYPING_DELAY_MS);
  });
  for (const s of selects) {
    s.addEventListener('change', () => {
      syncUrl();
      void search();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    syncUrl();
    void search();
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showMore(generation).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) s.value = params.get(s.name) ?? '';
  // Show the filters when a shared link uses them, so that nobody wonders why results are few.
  if (selects.some((s) => s.value !== '')) (byId('search-filters') as HTMLDetailsElement).open = true;
  if (input.value !== '' || selects.some((s) => s.value !== '')) void search();
}
