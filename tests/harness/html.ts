import { parseHTML } from 'linkedom';
import { readBuilt, type SiteName } from './build.ts';

/** Parses a built page into a DOM document; `path` is relative to the output directory. */
export function loadPage(site: SiteName, path: string): Document {
  return parseHTML(readBuilt(site, path)).document as unknown as Document;
}

/** Whitespace-collapsed text content of an element. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
