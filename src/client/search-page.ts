import { FILTER_KEYS } from '../lib/search/filters.ts';
import { CITY_PARAM } from '../lib/search/params.ts';
import { mountScriptOnly } from './script-only.ts';
import { searchConnection } from './search-connection.ts';
import type { PageReply } from './search-protocol.ts';
import { renderResult } from './search-render.ts';

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
 * Without JavaScript the page still leads to every item. The search itself
 * runs in a Web Worker (search-worker.ts): this thread only renders.
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
  const island = byId('search-data');
  const selects = FILTER_KEYS.map((key) => form.elements.namedItem(key) as HTMLSelectElement);
  // A national catalog's city picker (src/lib/search/scope.ts): its first option is the site's own city.
  const picker = form.elements.namedItem(CITY_PARAM) as HTMLSelectElement | null;
  const engine = searchConnection(() => ({
    island: island.textContent ?? '',
    lang: document.documentElement.lang,
    cities: document.getElementById('search-cities')?.textContent ?? '',
  }));

  let generation = 0;
  /** Whether the current query was a city's name, which switched the picker to that city. */
  let namedCity = false;
  /** The worker's seq for the current answer, whose further pages it hands out. */
  let answered = 0;

  const filters = () => Object.fromEntries(selects.filter((s) => s.value !== '').map((s) => [s.name, s.value]));

  function syncUrl() {
    const params = new URLSearchParams();
    if (input.value.trim() !== '') params.set('q', input.value);
    for (const s of selects) if (s.value !== '') params.set(s.name, s.value);
    // The city is named only when it is not the site's own, so that a one-city site's links stay as they were.
    if (picker && picker.selectedIndex > 0) params.set(CITY_PARAM, picker.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  function show(page: PageReply) {
    for (const e of page.entries) list.append(renderResult(e));
    more.hidden = !page.more;
  }

  async function showMore(run: number) {
    const page = await engine.ask({ kind: 'more', search: answered });
    if (run !== generation || page.kind !== 'page') return;
    show(page);
  }

  function showNone(terms: string[], typed: boolean) {
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
    none.hidden = !typed;
    empty.hidden = false;
    // The browse list under the results leads on when nothing matched.
    browse.hidden = false;
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
    if (!searching) {
      status.textContent = '';
      app.hidden = true;
      app.dataset.state = 'done';
      app.dataset.result = '';
      return;
    }
    status.textContent = '正在搜索…';
    const found = await engine.ask({ kind: 'search', query: input.value, filters: active, city: picker?.value ?? '' }).catch(() => undefined);
    if (run !== generation) return;
    if (found?.kind !== 'answer') {
      // The search could not run (its files did not load): say so, and lead on, instead of “searching” for ever.
      status.textContent = '搜索暂时无法使用。请稍后再试，或用下面的其他方式查找。';
      browse.hidden = false;
      app.dataset.result = 'error';
      app.dataset.state = 'done';
      return;
    }
    answered = found.seq;
    namedCity = found.city !== undefined;
    if (picker && found.city !== undefined) {
      picker.value = found.city;
      syncUrl();
    }
    // A mistyped word is said up front, not only in a result's small 匹配 line.
    status.textContent = found.status;
    // Something typed with nothing searchable left (only spaces or punctuation) has no result state.
    app.dataset.result = found.blank ? '' : found.state;
    if (!found.blank && found.state === 'none') showNone(found.suggestions, found.query);
    else show(found.page);
    app.dataset.state = 'done';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncUrl();
      void search();
    }, TYPING_DELAY_MS);
  });
  picker?.addEventListener('change', () => {
    // A query that named the city before would switch straight back: it names the chosen one now.
    if (namedCity) input.value = picker.selectedOptions[0]?.dataset.name ?? input.value;
  });
  for (const s of picker ? [...selects, picker] : selects) {
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
  if (picker) {
    picker.value = params.get(CITY_PARAM) ?? '';
    // An unknown or absent city: the site's own.
    if (picker.selectedIndex < 0) picker.selectedIndex = 0;
  }
  // Show the filters when a shared link uses them, so that nobody wonders why results are few.
  if (selects.some((s) => s.value !== '')) (byId('search-filters') as HTMLDetailsElement).open = true;
  if (input.value !== '' || selects.some((s) => s.value !== '')) void search();
  // Someone about to search: the worker loads Pagefind meanwhile, off this thread.
  for (const field of [input, ...selects, ...(picker ? [picker] : [])]) field.addEventListener('focus', () => engine.start(), { once: true });
}
