/**
 * The search worker: runs the whole search engine off the page's main thread.
 * It loads Pagefind and the phrasing data, answers each query with
 * searchCatalog (plan, Pagefind searches, candidates' records, ranking) and
 * sends back plain result entries, page by page, ready to render. The page
 * (search-page.ts) only reads the form, renders and announces.
 */
import {
  answerStatus,
  readIsland,
  reasons,
  recordScenario,
  searchCatalog,
  type IndexRecord,
  type SearchAnswer,
  type SearchData,
  type SearchIndex,
} from '../lib/search/engine.ts';
import { highlightTerms } from '../lib/search/query.ts';
import { loadPagefind } from './pagefind-client.ts';
import type { PageReply, ResultEntry, WorkerReply, WorkerRequest } from './search-protocol.ts';

const PAGE_SIZE = 10;

let ready: Promise<{ index: SearchIndex; data: SearchData }> | undefined;
/** The latest answer, kept for its further pages; `search` is the seq of its request. */
let latest: { search: number; answer: SearchAnswer; shown: number } | undefined;
/** The seq of the newest search asked for: an older one finishing later is not kept. */
let newest = 0;

function entry(answer: SearchAnswer, d: IndexRecord, result?: SearchAnswer['ranked'][number]): ResultEntry {
  const name = d.meta.title ?? '';
  const tier = result?.tier === 'full' ? undefined : result?.tier;
  return {
    name,
    url: d.url,
    meta: [d.meta.batch, d.meta.lead && `牵头：${d.meta.lead}`].filter(Boolean).join('；'),
    excerpt: highlightTerms(recordScenario(d), answer.highlight),
    ...(tier ? { tier } : {}),
    reasons: reasons({ name, tier: result?.tier, hits: result?.hits }),
  };
}

/** The next page of the latest answer: ranked results, or a filter-only listing's records, loaded now. */
async function nextPage(): Promise<PageReply> {
  if (!latest) return { entries: [], more: false };
  const { answer, shown } = latest;
  latest.shown += PAGE_SIZE;
  const listed = await Promise.all(answer.listing.slice(shown, shown + PAGE_SIZE).map((h) => h.data()));
  const entries = [...answer.ranked.slice(shown, shown + PAGE_SIZE).map((r) => entry(answer, r.item, r)), ...listed.map((d) => entry(answer, d))];
  return { entries, more: shown + PAGE_SIZE < answer.ranked.length + answer.listing.length };
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  const { seq } = request;
  switch (request.kind) {
    case 'start': {
      const { island, lang, bundles } = request.setup;
      ready ??= loadPagefind(bundles, lang).then((index) => ({ index, data: readIsland(island) }));
      await ready;
      return { seq, kind: 'ready' };
    }
    case 'search': {
      if (!ready) throw new Error('search before start');
      newest = seq;
      const { index, data } = await ready;
      const answer = await searchCatalog(index, data, request.query, request.filters);
      if (seq !== newest) return { seq, kind: 'page', entries: [], more: false };
      latest = { search: seq, answer, shown: 0 };
      const base = { seq, kind: 'answer', status: answerStatus(answer), blank: answer.blank, state: answer.state, query: answer.plan.query !== '' } as const;
      if (answer.blank || answer.state === 'none') return { ...base, suggestions: answer.suggestions, page: { entries: [], more: false } };
      return { ...base, suggestions: [], page: await nextPage() };
    }
    case 'more':
      // A page of an answer replaced since: nothing (the page has moved on too).
      if (latest?.search !== request.search) return { seq, kind: 'page', entries: [], more: false };
      return { seq, kind: 'page', ...(await nextPage()) };
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).then(
    (reply) => self.postMessage(reply),
    (error: unknown) => self.postMessage({ seq: event.data.seq, kind: 'error', message: String(error) } satisfies WorkerReply),
  );
});
