import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build.ts';

/** The search page with results (社保卡), and with none (量子物理). */
const SEARCH_RESULTS = 'search/?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1';
const SEARCH_NONE = 'search/?q=%E9%87%8F%E5%AD%90%E7%89%A9%E7%90%86';

/** One page of every kind, relative to the site's base, including search with results, with none, and the 404 page. */
export const EVERY_KIND_OF_PAGE = [
  '',
  'items/2-15/',
  'items/1-8/',
  'bureaus/human-resources/',
  'bureaus/',
  'batches/1/',
  'batches/',
  'topics/housing-fund/',
  'topics/',
  'items/',
  'items/by-bureau/',
  'data-notes/',
  'about/',
  'accessibility/',
  'overview/',
  'data/',
  SEARCH_RESULTS,
  SEARCH_NONE,
  'does-not-exist/',
];

/**
 * One page of each template, for Firefox's axe in light: EVERY_KIND_OF_PAGE less the pages that show a template
 * another page in it already shows, with other text (item 2-15 beside 1-8, which also carries the 推定 mark; about
 * and accessibility beside data-notes, the prose template). Chromium checks every page of EVERY_KIND_OF_PAGE.
 */
export const EVERY_TEMPLATE = EVERY_KIND_OF_PAGE.filter((path) => !['items/2-15/', 'about/', 'accessibility/'].includes(path));

/**
 * One page of each kind, for Firefox's sweeps where Chromium sweeps EVERY_KIND_OF_PAGE (reflow with text spacing, the
 * 长辈模式 entrance and spacing, 高对比's axe; tests/README.md, "Keeping the browser tests fast"): EVERY_TEMPLATE less
 * the lists of lists (bureaus, batches, topics, items by bureau, data: each a list as items/ is) and the search
 * nothing answers (the search page stands with its results), with item 2-15 in place of 1-8: the item the other 长辈模式
 * and reflow checks open; 1-8's 推定 mark is checked in Firefox by axe on EVERY_TEMPLATE and DARK_SAMPLE.
 */
export const ONE_PAGE_OF_EACH_KIND = EVERY_TEMPLATE.filter(
  (path) => !['bureaus/', 'batches/', 'topics/', 'items/by-bureau/', 'data/', SEARCH_NONE].includes(path),
).map((path) => (path === 'items/1-8/' ? 'items/2-15/' : path));

/**
 * For the rules that read colours in dark, in Firefox: out of EVERY_TEMPLATE, the page of each template a different
 * set of colour tokens shows on (the header and footer on all; the answer box and its 推定 mark, a table, notices and
 * prose links, search results and the search box, the 404 page). The tokens are what dark mode changes
 * (src/styles/colour-modes.test.ts), and Chromium checks them on every kind of page.
 */
export const DARK_SAMPLE = EVERY_TEMPLATE.filter((path) =>
  ['', 'items/1-8/', 'bureaus/human-resources/', 'data-notes/', SEARCH_RESULTS, 'does-not-exist/'].includes(path),
);

/** The WCAG levels axe checks, in every browser. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's rules whose outcome depends on colours: what can change between the site's colour modes (dark and
 * 高对比), which set colour tokens and nothing else (src/styles/colour-modes.test.ts). The other rules read the
 * DOM, layout and sizes, which those modes leave as they are, and run in full in standard light and in 高对比
 * with 大字版 (every toggle pressed).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** WCAG 1.4.12 text spacing, the largest values a reader may set; applied with `applyTextSpacing`. */
export const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';

/**
 * Runs in the page: adds TEXT_SPACING_CSS as a constructed stylesheet, as a
 * reader's user style would. The CSSOM is not subject to the site's CSP, so
 * no browser needs the policy bypassed.
 */
export function applyTextSpacing(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  (window as unknown as { textSpacing?: CSSStyleSheet }).textSpacing = sheet;
}

/** Runs in the page: removes the sheet `applyTextSpacing` added, so the page is measured again as it was. */
export function removeTextSpacing(): void {
  const w = window as unknown as { textSpacing?: CSSStyleSheet };
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== w.textSpacing);
  delete w.textSpacing;
}

/** Runs in the page: whether the document fits the viewport's width (no sideways scrolling). */
export function fitsWidth(): boolean {
  return document.documentElement.scrollWidth <= document.documentElement.clientWidth;
}

/** Runs in the page: visible elements that clip their own content (hidden overflow that overflows), as tag.class. */
export function clippedElements(): string[] {
  return [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((el) => {
      const style = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      return (
        clips &&
        el.offsetParent !== null &&
        !el.classList.contains('visually-hidden') &&
        (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      );
    })
    .map((el) => el.tagName + (el.className ? `.${el.className}` : ''));
}

/** Runs a function in the page with one string argument: Playwright's and Puppeteer's `page.evaluate` alike. */
export type InPage = <R>(fn: (arg: string) => R, arg: string) => Promise<R>;

/**
 * What keeps the open page from reflowing at a narrow width (WCAG 1.4.10):
 * sideways scrolling, before and after WCAG text spacing (1.4.12) is applied,
 * and content clipped by it. The page is left as it was found (the spacing removed).
 */
export async function reflowProblems(run: InPage, path: string): Promise<string[]> {
  const problems: string[] = [];
  if (!(await run(fitsWidth, ''))) problems.push(`${path}: scrolls sideways`);
  await run(applyTextSpacing, TEXT_SPACING_CSS);
  const clipped = await run(clippedElements, '');
  if (clipped.length > 0) problems.push(`${path}: clipped ${clipped.slice(0, 3).join(', ')}`);
  if (!(await run(fitsWidth, ''))) problems.push(`${path}: scrolls sideways with text spacing`);
  await run(removeTextSpacing, '');
  return problems;
}

/** axe-core's browser bundle, injected by the test driver (outside the page's own scripts, so the CSP does not apply). */
export const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs in the page, after AXE_SOURCE: axe's violations for the rules of `tags`
 * (as axe's own `runOnly` by tag picks them, experimental rules left out) and
 * the further `rules` (e.g. the AAA `color-contrast-enhanced`), in one run, as
 * "rule (up to three targets)". One run, not one per set of rules: axe's
 * colour checks, the slowest, then read each element's colours once.
 */
export async function axeViolations(spec: { tags?: string[]; rules?: string[] }): Promise<string[]> {
  type Rule = { ruleId: string; tags: string[] };
  const axe = (
    window as unknown as {
      axe: {
        getRules(tags: string[]): Rule[];
        _audit: { tagExclude?: string[] };
        run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      };
    }
  ).axe;
  const excluded = axe._audit.tagExclude ?? [];
  const byTag = spec.tags?.length ? axe.getRules(spec.tags).filter((r) => !r.tags.some((t) => excluded.includes(t))) : [];
  const values = [...new Set([...byTag.map((r) => r.ruleId), ...(spec.rules ?? [])])];
  // Only the violations are read: axe then details one node of each other result, a third less work on a long list.
  const { violations } = await axe.run(document, { runOnly: { type: 'rule', values }, resultTypes: ['violations'] });
  return violations.map(
    (v) =>
      `${v.id} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/** What `installReadIntoTab` puts on the window. */
export interface ReadIntoTab {
  /**
   * Reads the page at `url` into this tab in place of the one shown: its `<html>` attributes (with those the loaded
   * page's own scripts set, such as `data-modes`, kept) and its `<body>`; with `scripts`, the page's module scripts run
   * again on it (each at a fresh address, in order), then `DOMContentLoaded` (display-modes.js adds its toggles then).
   * Resolves to null, or to why the page could not be laid out as this tab lays it out (other stylesheets or head
   * scripts than the site's one).
   */
  (url: string, scripts: boolean): Promise<string | null>;
}

/**
 * Runs in a page loaded as a reader loads it: installs `window.readIntoTab` ({@link ReadIntoTab}), with which a
 * test lays out many pages of one template in one tab instead of loading each (print.browser.test.ts,
 * answer-first.browser.test.ts); each such test confirms the measure against real loads. Reads the served copy of
 * this page to tell the `<html>` attributes its scripts set from those it was served with.
 */
export async function installReadIntoTab(): Promise<void> {
  const root = document.documentElement;
  const read = async (url: string) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
  // The stylesheets and the scripts of <head>, which stays the tab's (only the body's scripts can run again).
  const sheets = (doc: Document, base: string) =>
    [...doc.querySelectorAll('link[rel="stylesheet"], style, head script[src]')]
      .map((el) => (el instanceof HTMLStyleElement ? el.textContent : new URL(el.getAttribute(el instanceof HTMLScriptElement ? 'src' : 'href')!, base).href))
      .join(' ');
  const own = sheets(document, location.href);
  const served = (await read(location.href)).documentElement;
  const scripted = [...root.attributes]
    .filter((a) => a.name !== 'data-text-size' && served.getAttribute(a.name) !== a.value)
    .map(({ name, value }) => ({ name, value }));
  let runs = 0;
  const readIntoTab: ReadIntoTab = async (url, scripts) => {
    const doc = await read(url);
    if (sheets(doc, url) !== own) return `its stylesheets and head scripts ${sheets(doc, url)} are not ${own}`;
    for (const { name } of [...root.attributes]) root.removeAttribute(name);
    for (const { name, value } of [...doc.documentElement.attributes, ...scripted]) root.setAttribute(name, value);
    document.body.replaceWith(document.adoptNode(doc.body));
    if (!scripts) return null;
    // In the order a load runs them; the chunks they import stay loaded, as on any later page.
    runs++;
    await Promise.all(
      [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((old) => {
        const script = document.createElement('script');
        script.type = 'module';
        script.async = false;
        script.src = `${old.src}#${runs}`;
        return new Promise((resolve, reject) => {
          script.onload = resolve;
          script.onerror = () => reject(new Error(`${url}: ${old.src} did not run`));
          old.replaceWith(script);
        });
      }),
    );
    document.dispatchEvent(new Event('DOMContentLoaded'));
    return null;
  };
  (window as unknown as { readIntoTab: ReadIntoTab }).readIntoTab = readIntoTab;
}
