import { FILTER_KEYS } from '../lib/search-filters.ts';
import { segmentWords } from '../lib/segment.ts';
import { highlightWords, planQuery, readAsNote, suggestTerms, type QueryLexiconEntry, type QueryPlan } from '../lib/search-query.ts';
import { everydayWords, itemMatchText, rankResults, resultState, type Assessed, type ResultState } from '../lib/search-rank.ts';
import { recordScenario, runSearch, type PagefindData, type SearchHit } from './pagefind-client.ts';
import { mountScriptOnly } from './script-only.ts';
import { highlightedExcerpt, renderResult, type ResultEntry } from './search-render.ts';

const PAGE_SIZE = 10;
/**
 * Most candidates checked against the relevance floor per query. Each costs
 * one small fragment download (about 1 KiB); the catalog's broadest everyday
 * word (社保) reaches fewer.
 */
const CHECK_LIMIT = 30;
const TYPING_DELAY_MS = 250;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the search page`);
  return el as T;
}

/** The status line of each result state. */
function statusText(state: ResultState, query: string, counts: { full: number; other: number }): string {
  if (query === '') return state === 'none' ? '没有符合条件的事项。' : `找到 ${counts.full} 项符合条件的事项。`;
  switch (state) {
    case 'matches':
      return `找到 ${counts.full} 项与“${query}”相关的事项。${counts.other > 0 ? `另有 ${counts.other} 项只包含其中部分字词，排在后面。` : ''}`;
    case 'partial':
      return `没有找到与“${query}”完全对应的事项；以下事项只包含其中部分字词。`;
    case 'related':
      return `没有找到与“${query}”对应的事项；以下是相关但不同的事项，请注意区别。`;
    case 'none':
      return `没有找到与“${query}”相关的事项。`;
  }
}

/**
 * Turns the static search page into a live search: reads the query and
 * filters from the URL, keeps the URL in step while the person types, and
 * shows results in one of three honest states (matches, partial matches
 * labelled as such, or a plain “not here”) with a spoken status.
 * Without JavaScript the page still leads to every item.
 */
export function startSearchPage(): void {
  mountScriptOnly('search-app-markup');
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('q');
  const app = byId('search-app');
  const status = byId('search-status');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const none = byId('search-none');
  const empty = byId('search-empty');
  const suggestions = byId('search-suggestions');
  const browse = byId('browse');
  const data = JSON.parse(byId('search-data').textContent ?? '{}') as { lexicon: QueryLexiconEntry[]; common: string[] };
  const common = new Set(data.common);
  const selects = FILTER_KEYS.map((key) => form.elements.namedItem(key) as HTMLSelectElement);

  let generation = 0;
  /** Filter-only listing: hits whose data loads page by page. */
  let pending: SearchHit[] = [];
  /** Query results: checked and ranked, data loaded. */
  let ranked: Assessed<PagefindData>[] = [];
  let shown = 0;
  let plan: QueryPlan = planQuery('', data.lexicon, segmentWords, common);

  const filters = () => Object.fromEntries(selects.filter((s) => s.value !== '').map((s) => [s.name, s.value]));
  const total = () => (plan.query === '' ? pending.length : ranked.length);

  function syncUrl() {
    const params = new URLSearchParams();
    if (input.value.trim() !== '') params.set('q', input.value);
    for (const s of selects) if (s.value !== '') params.set(s.name, s.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  const entry = (d: PagefindData, result?: Assessed<PagefindData>): ResultEntry => ({
    name: d.meta.title ?? '',
    url: d.url,
    meta: [d.meta.batch, d.meta.lead && `牵头：${d.meta.lead}`].filter(Boolean).join('；'),
    excerpt: highlightedExcerpt(recordScenario(d), highlightWords(plan)),
    tier: result?.tier,
    hits: result?.hits,
  });

  async function showMore(run: number) {
    const entries =
      plan.query === ''
        ? (await Promise.all(pending.slice(shown, shown + PAGE_SIZE).map((h) => h.result.data()))).map((d) => entry(d))
        : ranked.slice(shown, shown + PAGE_SIZE).map((r) => entry(r.item, r));
    if (run !== generation) return;
    for (const e of entries) list.append(renderResult(e));
    shown += entries.length;
    more.hidden = shown >= total();
  }

  function showNone() {
    const terms = suggestTerms(plan.query, [...data.lexicon.flatMap((e) => e.say), ...data.lexicon.flatMap((e) => e.means.map((m) => m.replace(/ /g, '')))]);
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
    none.hidden = plan.query === '';
    empty.hidden = false;
  }

  async function search() {
    const run = ++generation;
    app.dataset.state = 'searching';
    plan = planQuery(input.value, data.lexicon, segmentWords, common);
    const active = filters();
    const searching = plan.query !== '' || Object.keys(active).length > 0;
    app.hidden = !searching;
    browse.hidden = searching;
    list.replaceChildren();
    none.hidden = true;
    empty.hidden = true;
    more.hidden = true;
    shown = 0;
    pending = [];
    ranked = [];
    if (!searching) {
      // Something was typed but nothing searchable is left (only spaces or punctuation).
      status.textContent = input.value === '' ? '' : '请输入要办的事，例如“社保卡补办”。';
      app.hidden = status.textContent === '';
      app.dataset.state = 'done';
      app.dataset.result = '';
      return;
    }
    status.textContent = '正在搜索…';
    let state: ResultState = 'none';
    let counts = { full: 0, other: 0 };
    // A query with nothing meaningful in it (的, 123, xyz…) is answered without searching.
    if (plan.query === '' || plan.concepts.length > 0) {
      const hits = await runSearch(plan, active);
      if (run !== generation) return;
      if (plan.query === '') {
        pending = hits;
        state = hits.length > 0 ? 'matches' : 'none';
        counts = { full: hits.length, other: 0 };
      } else {
        const checked = await Promise.all(hits.slice(0, CHECK_LIMIT).map((h) => h.result.data()));
        if (run !== generation) return;
        ranked = rankResults(plan.query, plan.concepts, checked, (d) => {
          const name = d.meta.title ?? '';
          const text = itemMatchText({ name, scenario: recordScenario(d) });
          return { name, text, everyday: everydayWords(text, data.lexicon), pinyin: (d.meta.pinyin ?? '').split(' ').filter(Boolean) };
        });
        state = resultState(ranked);
        const full = ranked.filter((r) => r.tier === 'full').length;
        counts = { full, other: ranked.length - full };
      }
    }
    // A mistyped word is said up front, not only in a result's small 匹配 line.
    status.textContent = (state === 'none' ? '' : readAsNote(plan)) + statusText(state, plan.query, counts);
    app.dataset.result = state;
    if (state === 'none') showNone();
    else await showMore(run);
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
