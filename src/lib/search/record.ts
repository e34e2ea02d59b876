import type { CatalogItem } from '../catalog/catalog.ts';
import { leadText } from '../views/item-view.ts';
import { paths } from '../views/paths.ts';
import { FILTER_KEYS, itemFilterValues } from './filters.ts';
import { meaningfulScenario } from '../source/wording.ts';

/** One item as Pagefind indexes it: the page's URL (without the base path) and a small HTML document. */
export interface SearchRecord {
  /** Site-relative URL of the item page, e.g. /items/2-15/. */
  url: string;
  /** The record Pagefind parses: only what search uses, with weights, meta, filters and sort. */
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Pagefind splits several key:value pairs in one attribute on commas, so display-only meta uses the full-width comma. */
const metaValue = (text: string) => text.replace(/,/g, '，');

/**
 * The search record of one item. Pagefind indexes these records instead of the
 * item pages, so the pages carry no hidden search text (which text browsers and
 * readers without CSS would show). The body holds the name and the scenario
 * without the “不受…限制” clause every
 * scenario ends with, which would tie place words (户籍地, 缴存地) to every item;
 * Pagefind splits that text into Chinese words. Neither everyday words nor pinyin
 * are sent: the engine derives the everyday words from the lexicon the page already
 * has (everydayWords in rank.ts), and reads pinyin with the pinyin map, which only a
 * query with Latin letters downloads (pinyin.ts): pinyin was 40% of the index.
 */
export function itemSearchRecord(item: CatalogItem, bureauName: (slug: string) => string, topicName: (slug: string) => string): SearchRecord {
  const filters = itemFilterValues(item, bureauName, topicName);
  // Pagefind indexes metadata too, so a record has only what its text and filters cannot say: the
  // engine reads the name back from the first paragraph (recordName in engine.ts), and the
  // batch and lead bureaus from the filters (recordFacts). Only a lead the site inferred or annotated
  // keeps its mark (本站推定) as metadata, since the results mark it as everywhere it is shown.
  const lead = leadText(item, bureauName);
  const meta: [string, string][] = lead === filters.lead.join('、') ? [] : [['lead', lead]];
  const tags = [
    ...meta.map(([key, value]) => `<span data-pagefind-meta="${escape(`${key}:${metaValue(value)}`)}"></span>`),
    ...FILTER_KEYS.flatMap((key) => filters[key].map((value) => `<span data-pagefind-filter="${escape(`${key}:${value}`)}"></span>`)),
  ];
  const html =
    '<!DOCTYPE html><html lang="zh-cn"><head><meta charset="utf-8"></head><body>' +
    // The name is not weighted: our ranking puts an exact name first (rank.ts), and a weight cost every
    // first search 0.5 KB of index. Nor is there a sort key: Pagefind lists a filter-only search in the
    // order the records were added, the catalog's (catalogSearchRecords), which the listing shows.
    `<div data-pagefind-body><p>${escape(item.name)}</p><p>${escape(meaningfulScenario(item.scenario))}</p></div>` +
    `${tags.join('')}</body></html>`;
  return { url: paths.item(item.id), html };
}
