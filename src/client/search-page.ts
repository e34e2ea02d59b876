import {
  answerStatus,
  readIsland,
  recordFacts,
  recordName,
  recordScenario,
  searchCatalog,
  type IndexRecord,
  type IndexResult,
  type SearchAnswer,
} from '../lib/search/engine.ts';
import { FILTER_KEYS } from '../lib/search/filters.ts';
import { latinText, pagefindIndex } from './pagefind-client.ts';
import { mountScriptOnly } from './script-only.ts';
import { highlightedExcerpt, renderResult, type ResultEntry } from './search-render.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the search page`);
  return el as T;
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
  const data = readIsland(byId('search-data').textContent ?? '', latinText);
  const selects = FILTER_KEYS.map((key) => form.elements.namedItem(key) as HTMLSelectElement);

  let generation = 0;
  /** The engine's answer to the current query; a filter-only listing loads its records page by page. */
  let answer: SearchAnswer | undefined;
  let shown = 0;

  const filters = () => Object.fromEntries(selects.filter((s) => s.value !== '').map((s) => [s.name, s.value]));
  const total = () => (answer ? answer.ranked.length + answer.listing.length : 0);

  function syncUrl() {
    const params = new URLSearchParams();
    if (input.value.trim() !== '') params.set('q', input.value);
    for (const s of selects) if (s.value !== '') params.set(s.name, s.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  const entry = (d: IndexRecord, result?: SearchAnswer['ranked'][number]): ResultEntry => ({
    name: recordName(d),
    url: d.url,
    meta: recordFacts(d),
    excerpt: highlightedExcerpt(recordScenario(d), answer?.highlight ?? []),
    tier: result?.tier,
    hits: result?.hits,
  });

  async function showMore(run: number) {
    if (!answer) return;
    const listed = await Promise.all(answer.listing.slice(shown, shown + PAGE_SIZE).map((h: IndexResult) => h.data()));
    const entries = [...answer.ranked.slice(shown, shown + PAGE_SIZE).map((r) => entry(r.item, r)), ...listed.map((d) => entry(d))];
    if (run !== generation) return;
    for (const e of entries) list.append(renderResult(e));
    shown += entries.length;
    more.hidden = shown >= total();
  }

  function showNone(found: SearchAnswer) {
    const terms = found.suggestions;
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
    none.hidden = found.plan.query === '';
    empty.hidden = false;
  }

  async function search() {
    const run = ++generation;
    app.dataset.state = 'searching';
    const active = filters();
    const searching = input.value !== '' || Object.keys(active).length > 0;
    app.hidden = !searching;
    browse.hidden = searching;
    list.replaceChildren();
    none.hidden = true;
    empty.hidden = true;
    more.hidden = true;
    shown = 0;
    answer = undefined;
    if (!searching) {
      status.textContent = '';
      app.hidden = true;
      app.dataset.state = 'done';
      app.dataset.result = '';
      return;
    }
    status.textContent = '正在搜索…';
    const found = await searchCatalog(await pagefindIndex(), data, input.value, active);
    if (run !== generation) return;
    answer = found;
    if (found.blank) {
      // Something was typed but nothing searchable is left (only spaces or punctuation).
      status.textContent = answerStatus(found);
      app.dataset.result = '';
      app.dataset.state = 'done';
      return;
    }
    // A mistyped word is said up front, not only in a result's small 匹配 line.
    status.textContent = answerStatus(found);
    app.dataset.result = found.state;
    if (found.state === 'none') showNone(found);
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
