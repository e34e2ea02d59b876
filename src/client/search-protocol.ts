/**
 * The messages between the search page (src/client/search-page.ts) and its
 * search worker (src/client/search-worker.ts). Types only: nothing here is
 * shipped, so the page's bundle and the worker's share no code.
 */
import type { ResultState, Tier } from '../lib/search/rank.ts';
import type { Reason } from '../lib/search/engine.ts';
import type { TextRun } from '../lib/search/query.ts';

/** What the worker needs to search, read off the page once. */
export interface SearchSetup {
  /** The text of the page's data island (#search-data): the lexicon and the common words. */
  island: string;
  /** The page's language (<html lang>): Pagefind segments Chinese queries by it. */
  lang: string;
  /** A national catalog's cities (#search-cities, JSON), '' on a one-city site. */
  cities: string;
}

/** One result as the page shows it: plain data, ready to render. */
export interface ResultEntry {
  name: string;
  url: string;
  /** Batch and lead bureau. */
  meta: string;
  /** The scenario, its matched words marked. */
  excerpt: TextRun[];
  /** How the result meets the query (li's class): absent for a full match or a filter-only listing. */
  tier?: Exclude<Tier, 'full'>;
  /** The lines that explain the result (匹配, 部分匹配, 相关). */
  reasons: Reason[];
}

/** A request from the page; `seq` pairs it with its reply. */
export type WorkerRequest =
  | { seq: number; kind: 'start'; setup: SearchSetup }
  /** `city`: the city chosen on the page (its code; '' on a one-city site or for the site's own). */
  | { seq: number; kind: 'search'; query: string; filters: Record<string, string>; city: string }
  /** The next page of results of the search `search` (the seq of its request). */
  | { seq: number; kind: 'more'; search: number };

/** The worker's answer to a query, with its first page of results. */
export interface AnswerReply {
  seq: number;
  kind: 'answer';
  /** The status line the page shows and speaks. */
  status: string;
  /** Nothing searchable was typed and no filter chosen. */
  blank: boolean;
  state: ResultState;
  /** Whether a query was typed (a filter-only listing has none). */
  query: boolean;
  /** “您是不是要找” terms, when nothing was found. */
  suggestions: string[];
  /** The city a query that was a city's name switched the search to (its code), for the picker and the URL. */
  city?: string;
  page: PageReply;
}

/** A page of results. */
export interface PageReply {
  entries: ResultEntry[];
  /** Whether more results follow. */
  more: boolean;
}

/** A reply from the worker: to `start` (ready), `search`, `more`, or any failure. */
export type WorkerReply =
  AnswerReply | ({ seq: number; kind: 'page' } & PageReply) | { seq: number; kind: 'ready' } | { seq: number; kind: 'error'; message: string };
