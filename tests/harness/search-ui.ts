import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { itemId } from '../../src/lib/search/engine.ts';
import { PROJECT_ROOT } from './build.ts';

/** What the search page shows for one query. */
export interface UiSearchResult {
  status: string;
  /** The page's result state: matches, partial, related or none ('' before any search). */
  state: string;
  /** Result links in rank order, as site-relative item ids (e.g. 2-15). */
  ids: string[];
  texts: string[];
  /** Each result's verdict as the page marks it: full (匹配), partial or related; empty when not read. */
  tiers?: string[];
  /** How many verdict lines each result card carries (exactly one is right). */
  verdicts?: number[];
}

/**
 * Runs a query through the real search page and reads the ranked results off
 * it. The first query opens /search/?q=… as a person following a shared link
 * would; while the page stays on the search page, later queries are typed into
 * its form and submitted, as a person searching again would, which spares
 * reloading the page and Pagefind for every query.
 */
export async function searchViaUi(page: Page, siteUrl: string, query: string, params: Record<string, string> = {}): Promise<UiSearchResult> {
  if (new URL(page.url(), siteUrl).href.startsWith(`${siteUrl}search/`)) {
    // Submitting starts the search synchronously (state "searching"), so the wait below cannot see the previous "done".
    await page.evaluate(
      ({ query, params }) => {
        const form = document.getElementById('search-form') as HTMLFormElement;
        (form.elements.namedItem('q') as HTMLInputElement).value = query;
        // Filters are reset unless given; the city picker stays where it is, as a person searching again leaves it.
        for (const select of form.querySelectorAll('select')) select.value = params[select.name] ?? (select.name === 'city' ? select.value : '');
        form.requestSubmit();
      },
      { query, params },
    );
  } else {
    await page.goto(`${siteUrl}search/?${new URLSearchParams({ q: query, ...params })}`);
  }
  await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  const shown = await page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLAnchorElement>('#search-results > li > a')];
    return {
      status: document.getElementById('search-status')?.textContent ?? '',
      state: document.getElementById('search-app')?.dataset.result ?? '',
      ids: items.map((a) => a.pathname),
      texts: [...document.querySelectorAll('#search-results > li')].map((li) => li.textContent ?? ''),
      tiers: [...document.querySelectorAll('#search-results > li')].map((li) => li.className || 'full'),
      verdicts: [...document.querySelectorAll('#search-results > li')].map((li) => li.querySelectorAll('p.tier').length),
    };
  });
  return { ...shown, ids: shown.ids.map(itemId) };
}

/**
 * Whether the page answered an out-of-catalog query honestly: it shows no
 * item, or its status says plainly that nothing (or only part of the query) matched.
 */
export function isHonest(result: UiSearchResult): boolean {
  return result.ids.length === 0 || result.status.startsWith('没有找到');
}

/**
 * Reads a query file: query, tab, then BATCH-NUMBER ids (3-03 or 3-3), any one
 * of which must be found; “-” instead of ids marks a query the catalog has no answer for.
 */
export function parseQueryFile(text: string): { query: string; expected: string[] }[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [query = '', ids = ''] = line.split('\t');
      return {
        query,
        expected: ids
          .split(/\s+/)
          .filter((id) => id !== '' && id !== '-')
          .map((id) => id.replace(/-0+(\d)/, '-$1')),
      };
    });
}

/** Every query set in tests/fixtures (search-queries.*.tsv). */
export const QUERY_SETS = readdirSync(join(PROJECT_ROOT, 'tests/fixtures'))
  .filter((f) => /^search-queries\..*\.tsv$/.test(f))
  .sort();

/** The queries of one set in tests/fixtures, read with parseQueryFile. */
export function fixture(name: string): { query: string; expected: string[] }[] {
  return parseQueryFile(readFileSync(join(PROJECT_ROOT, 'tests/fixtures', name), 'utf8'));
}
