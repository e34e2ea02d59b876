/**
 * The search engine: query → understood terms → candidates → ranked results,
 * each with its reasons. The one place that decides what a query finds; the
 * search page (src/client/search-page.ts) and the Node tools (npm run search,
 * npm run bench:search) both call {@link searchCatalog} with Pagefind's own
 * runtime as the index. Pure: no DOM, no I/O of its own, so that it can run in
 * a Web Worker too.
 */
import { highlightWords, mergeHits, normalizeQuery, planQuery, readAsNote, type QueryPlan } from './query.ts';
import {
  everydayWords,
  itemMatchText,
  rankResults,
  resultState,
  type Assessed,
  type ConceptHit,
  type FacetConflict,
  type ResultState,
  type Tier,
} from './rank.ts';
import { decodePhrasing, isScrap, phrasing, type LatinReader, type QueryLexiconEntry, type RestReader } from './rules.ts';
import { queryFacets, statesFacets } from './query-facets.ts';
import type { LatinReading } from './latin.ts';
import type { ItemFacetData } from './facet-match.ts';
import { segmentWords, type Segment } from './segment.ts';
import { ITEM_URL_RE } from '../core/item-id.ts';
import { hasLatin } from '../source/wording.ts';
import { plannedDeadlineOfTitle } from '../views/format.ts';

/** What the engine needs besides the index: the phrasing data the build ships with the search page. */
export interface SearchData {
  lexicon: QueryLexiconEntry[];
  /** Words too common in the catalog to distinguish items (办理, 申请人). */
  common: string[];
  /**
   * The Latin data (pinyin.ts), loaded on the first query with Latin letters only: a search that
   * never meets pinyin never downloads it. It gives the whole phrasing (the page's and the Latin
   * words') and the pinyin map. Without it, Latin words spell and stand for nothing.
   */
  latin?: () => Promise<LatinReading>;
  /**
   * The items' facets (facet-match.ts, the Pagefind folder's facets.txt), loaded on the first query that
   * states a facet (装修, 给员工…) only. Without it, no item's limits are compared.
   */
  facets?: () => Promise<ItemFacetData>;
  /**
   * The traditional-character map (hant.ts), loaded on the first query with a Chinese character
   * the page's own data does not have, as what writes a query simplified. Without it, traditional
   * characters are read as typed.
   */
  hant?: () => Promise<(query: string) => string>;
  /** The Chinese characters of the page's own data: a query with others may be traditional. */
  known?: ReadonlySet<string>;
  /**
   * The reader of the stretches of a query no phrase covers (rest.ts: typos, unknown words), loaded on the
   * first query that has one. Without it, such a stretch is left unread (see {@link plan}).
   */
  rests?: () => Promise<RestReader>;
}

/** The search page's data island (#search-data), as the build writes it. */
export interface SearchIsland {
  /** The lexicon and phrasing entries, encoded by encodePhrasing. */
  phrasing: string;
  common: string[];
}

/**
 * The data island's text: the common words on the first line, separated by “|”,
 * then the phrasing lines. Plain text rather than JSON, whose escaped tabs and
 * newlines weighed more; it must not contain “<”, which could end the script element.
 */
export function encodeIsland(island: SearchIsland): string {
  const text = `${island.common.join('|')}\n${island.phrasing}`;
  if (text.includes('<'))
    throw new Error(`the search data contains “<”, which would end its script element: ${text.slice(text.indexOf('<'), text.indexOf('<') + 40)}`);
  return text;
}

/** The file beside the first Pagefind bundle with the items' facets, loaded when a query first states a facet. */
export const FACETS_FILE = 'facets.txt';

/** The Latin data's file (pinyin.ts), in the Pagefind folder beside the index it completes. */
export const LATIN_FILE = 'latin.txt';

/** The traditional-character map's file (hant.ts), in the Pagefind folder. */
export const HANT_FILE = 'hant.txt';

/**
 * The engine's data from the page's data island, and the loader of the Latin
 * data's text (the Pagefind folder's latin.txt: fetched by the page, read from
 * disk in Node), called once, when a query first has Latin letters; of the
 * items' facets ({@link FACETS_FILE}), called once, when a query first states a facet;
 * and of the traditional-character map ({@link HANT_FILE}). Each file comes with the
 * code that reads it (latin.ts, facet-match.ts, hant.ts), imported dynamically at the
 * same time (by the names it calls, so that the bundler leaves the build's encoders out): the
 * search page's worker downloads that code as a chunk of its own, only then. The reader of the
 * words no phrase covers (rest.ts) needs no file: it is imported on the first query that has some.
 */
export function readIsland(text: string, latinText?: () => Promise<string>, facetsText?: () => Promise<string>, hantText?: () => Promise<string>): SearchData {
  const split = text.indexOf('\n');
  const common = text.slice(0, split);
  const lexicon = decodePhrasing(text.slice(split + 1));
  const data: SearchData = { lexicon, common: common === '' ? [] : common.split('|') };
  // Each file with the code that reads it, both loaded once, on the first query that needs them. A load that
  // failed (a phone that lost its signal) is forgotten, so that the next query asks again instead of failing
  // until the page is reloaded.
  const once = <T>(load: () => Promise<T>) => {
    let loading: Promise<T> | undefined;
    return () =>
      (loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
  };
  data.rests = once(() => import('./extras.ts').then(({ restReader }) => restReader));
  if (latinText)
    data.latin = once(() => Promise.all([latinText(), import('./extras.ts').then(({ readLatin }) => readLatin)]).then(([t, read]) => read(t, lexicon)));
  if (facetsText)
    data.facets = once(() => Promise.all([facetsText(), import('./extras.ts').then(({ readItemFacets }) => readItemFacets)]).then(([t, read]) => read(t)));
  if (hantText) {
    data.hant = once(() => Promise.all([hantText(), import('./extras.ts').then(({ hantReader }) => hantReader)]).then(([t, read]) => read(t)));
    data.known = new Set(text);
  }
  return data;
}

/** One indexed record as Pagefind returns it. */
export interface IndexRecord {
  url: string;
  /** The record's indexed text: its name and scenario, each closed with “. ” by Pagefind. */
  content: string;
  meta: Record<string, string | undefined>;
  /** The record's filter values (filters.ts), which also say its batch and lead bureaus. */
  filters?: Record<string, string[] | undefined>;
}

/** One Pagefind hit: its score and its record, loaded on demand. */
export interface IndexResult {
  id: string;
  score: number;
  data(): Promise<IndexRecord>;
}

/** The parts of Pagefind's API (browser or Node) the engine uses. */
export interface SearchIndex {
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: IndexResult[] } | null>;
}

/**
 * Pagefind's options, the same in the browser and in Node. Our ranking (rank.ts)
 * decides relevance and order; Pagefind's score only orders candidates and
 * breaks ties. Short pages are not favoured much (pageLength), since an item's
 * length says nothing about its relevance, and repeating a word counts less than
 * having it at all (termFrequency). Pagefind starts no worker of its own where
 * there is no `window` (Node, and the search page's worker, where our engine runs
 * it), so no option is needed for that: `noWorker` is not one `options()` takes.
 */
export const PAGEFIND_OPTIONS = { excerptLength: 36, ranking: { pageLength: 0.25, termFrequency: 0.5 } } as const;

/** Hits of the whole-query search kept as candidates: its other hits share only some word (办理 in 护照办理). */
const WHOLE_QUERY_HITS = 5;

/**
 * Most candidates checked against the relevance floor per query. Each costs
 * one small fragment download (about 1 KiB); the catalog's broadest everyday
 * word (社保) reaches fewer.
 */
export const CHECK_LIMIT = 30;

/**
 * The item name of a search record (record.ts), from Pagefind's content, which
 * starts with it: Pagefind closes the name's paragraph with “. ” (with a space
 * alone after a closing bracket), and a name has neither space nor final full
 * stop (the catalog checks), so the name is what comes before the first space.
 * Kept as metadata too, the name would be indexed a second time.
 */
export function recordName(data: IndexRecord): string {
  if (data.meta.title) return data.meta.title;
  const space = data.content.indexOf(' ');
  const head = space < 0 ? data.content : data.content.slice(0, space);
  return head.replace(/\.$/, '');
}

/**
 * What a result says under its name, as the lists do (要求2021年6月前实现；牵头：市人社局),
 * from the record's filters: its batch and its lead bureaus. A lead the site
 * inferred or annotated keeps its mark (本站推定) in the record's `lead` metadata,
 * the only metadata a record has: Pagefind indexes metadata, and every first search
 * would download the batch and lead of every item a second time.
 */
export function recordFacts(data: IndexRecord): string {
  const deadline = plannedDeadlineOfTitle(data.filters?.batch?.[0] ?? '');
  const lead = data.meta.lead ?? data.filters?.lead?.join('、');
  return [deadline, lead && `牵头：${lead}`].filter(Boolean).join('；');
}

/**
 * The scenario of a search record (record.ts), from Pagefind's content: the
 * scenario is indexed as text rather than kept as metadata, because Pagefind
 * splits Chinese text into words but metadata only at spaces.
 */
export function recordScenario(data: IndexRecord): string {
  const name = recordName(data);
  const rest = data.content.startsWith(name) ? data.content.slice(name.length) : data.content;
  return rest.replace(/^[.\s]+/, '').replace(/\.$/, '');
}

/** The engine's answer to one query. */
export interface SearchAnswer {
  plan: QueryPlan;
  state: ResultState;
  /** Ranked results of a query, their records loaded; empty for a filter-only listing. */
  ranked: Assessed<IndexRecord>[];
  /** A filter-only listing (no query): hits in source order, records loaded page by page. */
  listing: IndexResult[];
  /** What a mistyped query was read as (已按“结婚登记”查找。), or ''. */
  readAs: string;
  /** Words to highlight in excerpts. */
  highlight: string[];
  /** “您是不是要找” terms, only when nothing was found. */
  suggestions: string[];
  /** Nothing searchable was typed (only punctuation or emoji) and no filter chosen: the page asks for a query. */
  blank: boolean;
  /** Words of the query that no item found has (离职 in 离职提取公积金): the part the catalog does not cover. */
  uncovered: string[];
  /** Whether the items' facets ({@link FACETS_FILE}) were read for this answer. */
  facetsRead: boolean;
}

/**
 * Reads a query against the phrasing data (and its Latin letters, once latin.ts is loaded): its concepts and the Pagefind searches to run.
 * `segment` is this platform's word segmentation unless a test replays another's. Without `rests` (rest.ts), the words no phrase
 * covers are left unread and the plan says so (`unread`): enough for a query the phrasing reads whole, or to tell that a word
 * every item has is one the engine ignores (scope.ts); {@link searchCatalog} reads them.
 */
export function plan(raw: string, data: SearchData, latin?: LatinReader, segment: Segment = segmentWords, rests?: RestReader): QueryPlan {
  return planQuery(raw, data.lexicon, segment, new Set(data.common), latin, rests);
}

/** {@link plan}, again with the reader of the words no phrase covers (loaded then) when the query has some. */
async function planRead(raw: string, data: SearchData, latin: LatinReader | undefined, segment: Segment): Promise<QueryPlan> {
  const first = plan(raw, data, latin, segment);
  return first.unread && data.rests ? plan(raw, data, latin, segment, await data.rests()) : first;
}

/**
 * Answers one query (and optional filters): plans it, runs the planned Pagefind
 * searches, merges their hits, loads the best candidates' records and ranks them.
 */
export async function searchCatalog(
  index: SearchIndex,
  data: SearchData,
  typed: string,
  filters: Record<string, string> = {},
  segment: Segment = segmentWords,
): Promise<SearchAnswer> {
  const answer = await answerWith(index, data, typed, filters, segment, false);
  // No result near the top answers the whole query, and one is partial by a word its facets may account for (实体, 增加):
  // read them, and answer again. A query some item answers (社保卡补办) never loads them for the others.
  const top = answer.ranked.slice(0, GENERIC_CHECKED);
  const unsure = !top.some((r) => r.tier === 'full') && top.some((r) => r.tier === 'partial' && r.gaps.length > 0);
  return unsure && !answer.facetsRead && data.facets ? answerWith(index, data, typed, filters, segment, true) : answer;
}

/** Results whose gaps may be generic words of their facets: only these make the engine load the facets. */
const GENERIC_CHECKED = 5;

/** {@link searchCatalog}'s answer, reading the items' facets when the query needs them or `withFacets`. */
async function answerWith(
  index: SearchIndex,
  data: SearchData,
  typed: string,
  filters: Record<string, string>,
  segment: Segment,
  withFacets: boolean,
): Promise<SearchAnswer> {
  // Characters the page's data does not know may be traditional (駕駛證): read them as the simplified ones.
  const raw = data.hant && data.known && hasUnknownHan(typed, data.known) ? (await data.hant())(typed) : typed;
  const latin = data.latin && hasLatin(normalizeQuery(raw)) ? await data.latin() : undefined;
  const known = latin?.lexicon ?? data.lexicon;
  const first = await planRead(raw, { ...data, lexicon: known }, latin?.reader(known), segment);
  // Words the page's data does not know, a stated facet or a loose action (交, 开, 登记): the rare phrasing and the
  // items' facets are needed. A specific action (补办, 注销) is already checked against the item's words (rank.ts).
  const actions0 = first.concepts.filter((c) => c.kind === 'action');
  const needed =
    withFacets ||
    first.concepts.some((c) => c.source === 'word' || c.readAs !== undefined) ||
    statesFacets(queryFacets(first.query, known)) ||
    actions0.some((c) => !c.strong);
  const more = needed && data.facets ? await data.facets() : undefined;
  const lexicon = more && more.phrasing.length > 0 ? withRare(known, more.phrasing) : known;
  const planned = lexicon === known ? first : await planRead(raw, { ...data, lexicon }, latin?.reader(lexicon), segment);
  const base = {
    plan: planned,
    ranked: [],
    listing: [],
    readAs: '',
    highlight: highlightWords(planned),
    suggestions: [],
    uncovered: [],
    blank: false,
    facetsRead: more !== undefined,
  };
  const options = { filters };
  if (planned.query === '') {
    if (Object.keys(filters).length === 0) return { ...base, state: 'none', blank: true };
    // In the order the records were indexed, the catalog's (search-index.ts): a sort key would weigh on every search.
    const all = await index.search(null, options);
    const listing = all?.results ?? [];
    return { ...base, listing, state: listing.length > 0 ? 'matches' : 'none' };
  }
  // A query with nothing meaningful in it (的, 123, xyz…) is answered without searching.
  if (planned.searches.length === 0) return { ...base, state: 'none', suggestions: await suggestionsFor(planned, data) };
  const perSearch = (await Promise.all(planned.searches.map((s) => index.search(s, options)))).map((r) =>
    (r?.results ?? []).map((result) => ({ id: result.id, score: result.score, result })),
  );
  // The whole query is searched so that a full name finds its item, which Pagefind then ranks near the top.
  perSearch[0] = perSearch[0]?.slice(0, WHOLE_QUERY_HITS) ?? [];
  const hits = mergeHits(perSearch);
  const records = await Promise.all(hits.slice(0, CHECK_LIMIT).map((h) => h.result.data()));
  const services = phrasing(lexicon).services;
  const stated = queryFacets(planned.query, lexicon);
  const actions = planned.concepts.filter((c) => c.kind === 'action');
  const itemFacets = more?.facets;
  const saids = planned.concepts.map((c) => c.say);
  const generic = new Map<string, Map<string, string>>();
  // Without the items' facets, no item accounts for a word by them, has a limit stated or contradicts the query.
  const limits = more ? more.facetWords(planned.concepts, planned.query, lexicon) : [];
  const genericOf = (d: IndexRecord) => {
    const id = itemId(d.url);
    let words = generic.get(id);
    if (!words) generic.set(id, (words = more ? more.genericWords(itemFacets?.get(id), more.generic) : new Map()));
    return words;
  };
  // The words pinyin finds an item under are only worked out when pinyin was typed.
  const spelling = latin && planned.concepts.some((c) => c.source === 'pinyin');
  const ranked = rankResults(
    planned.query,
    planned.concepts,
    records,
    (d) => {
      const item = { name: recordName(d), scenario: recordScenario(d) };
      const text = itemMatchText(item);
      return {
        name: item.name,
        text,
        everyday: everydayWords(text, services),
        pinyin: spelling ? latin.sourceWords(item, services, segment) : [],
        offices: d.filters?.lead ?? [],
        generic: genericOf(d),
        limits: more ? more.limitWords(itemFacets?.get(itemId(d.url)), limits) : new Map(),
      };
    },
    phrasing(lexicon).defaultAction,
    (d) => (more ? more.facetConflicts(stated, itemFacets?.get(itemId(d.url)), actions, genericOf(d), saids) : []),
    Object.keys(filters).length > 0,
  );
  const state = resultState(ranked);
  const things = planned.concepts.filter((c) => c.kind === 'thing');
  const uncovered =
    state === 'partial' || state === 'related'
      ? [
          ...new Set(
            things
              .filter((c) => !ranked.some((r) => r.hits.some((h) => h.concept === c && h.strength === 'same')))
              .map((c) => c.say)
              // Only words that say something (离职, 脑瘫), not scraps of speech (那个, 想做, 一年).
              .filter((w) => !isScrap(w)),
          ),
        ]
      : [];
  return {
    ...base,
    ranked,
    state,
    uncovered,
    readAs: state === 'none' ? '' : readAsNote(planned),
    suggestions: state === 'none' ? await suggestionsFor(planned, data) : [],
  };
}

const joined = new WeakMap<readonly QueryLexiconEntry[], QueryLexiconEntry[]>();

/** A lexicon with the rare phrasing added, one array per lexicon so that it is compiled once (rules.ts). */
function withRare(base: QueryLexiconEntry[], rare: readonly QueryLexiconEntry[]): QueryLexiconEntry[] {
  let all = joined.get(base);
  if (!all) joined.set(base, (all = [...base, ...rare]));
  return all;
}

/** “您是不是要找” for a query that found nothing (suggest.ts, loaded only then). */
async function suggestionsFor(planned: QueryPlan, data: SearchData): Promise<string[]> {
  const { suggestionsFor: suggest } = await import('./extras.ts');
  return suggest(planned.query, data.lexicon);
}

/**
 * The status line of each result state, as the page says it and the tools judge it. A partial
 * answer says which words of the query no item in the catalog has (`uncovered`).
 */
export function statusText(
  state: ResultState,
  query: string,
  counts: { full: number; other: number },
  uncovered: readonly string[] = [],
  readAs = false,
): string {
  const lacking = uncovered.length > 0 ? `本目录的事项中都没有“${uncovered.join('”“')}”。` : '';
  if (query === '') return state === 'none' ? '没有符合条件的事项。' : `找到 ${counts.full} 项符合条件的事项。`;
  switch (state) {
    case 'matches':
      // Read as other words (已按“社保卡”查找。), the count does not name the typed ones again: it is for what was searched.
      // 对应, as in the partial state's 完全对应: 相关 is the verdict's word for a different service (相关，不是同一事项).
      return `找到 ${counts.full} 项${readAs ? '' : `与“${query}”`}对应的事项。${counts.other > 0 ? `另有 ${counts.other} 项只包含其中部分字词，排在后面。` : ''}`;
    case 'partial':
      return `没有找到与“${query}”完全对应的事项。${lacking}以下事项只包含其中部分字词。`;
    case 'related':
      return `没有找到与“${query}”对应的事项。${lacking}以下是相关但不同的事项，请注意区别。`;
    case 'none':
      return `没有找到与“${query}”相关的事项。`;
  }
}

/** The status line of an answer (with what a mistyped word was read as). */
export function answerStatus(answer: SearchAnswer): string {
  if (answer.blank) return '请输入要办的事，例如“社保卡补办”。';
  const query = answer.plan.query;
  const full = query === '' ? answer.listing.length : answer.ranked.filter((r) => r.tier === 'full').length;
  return (
    answer.readAs + statusText(answer.state, query, { full, other: query === '' ? 0 : answer.ranked.length - full }, answer.uncovered, answer.readAs !== '')
  );
}

const HAN = /\p{Script=Han}/u;

/** Whether a query has a Chinese character outside `known` (the page's own data): only then may it be traditional (hant.ts). */
export function hasUnknownHan(query: string, known: ReadonlySet<string>): boolean {
  return [...query].some((ch) => HAN.test(ch) && !known.has(ch));
}

/** The permanent item id of a result URL (/kstb/items/2-15/ → 2-15, /items/n1/ → n1). */
export function itemId(url: string): string {
  return ITEM_URL_RE.exec(url)?.[1] ?? url;
}

/** One line that explains a result, with the class the page styles it by. */
export interface Reason {
  className: 'tier' | 'via';
  text: string;
}

/** The verdicts a result can carry, exactly one per result. */
export const VERDICTS = { full: '匹配', partial: '部分相符', related: '相关，不是同一事项', unsure: '可能相关，请向办理部门确认' } as const;

/**
 * The lines that explain a result, as the page shows them: first its one
 * verdict, decided for the item as a whole (匹配; 部分相符, naming what the item
 * does not cover; 相关，不是同一事项, or 可能相关，请向办理部门确认 where the
 * catalog cannot tell), then how words were read (“驾照”按“驾驶证”查找), worded
 * as a reading, never with a verdict's word.
 */
export function reasons(result: {
  name: string;
  tier?: Tier;
  hits?: readonly ConceptHit[];
  gaps?: readonly string[];
  conflicts?: readonly FacetConflict[];
}): Reason[] {
  const hits = result.hits ?? [];
  const lines: Reason[] = [{ className: 'tier', text: verdict(result, hits) }];
  const read = hits.filter(
    (h) => h.strength === 'same' && !h.generic && h.concept.source !== 'pinyin' && h.wording !== h.concept.say && !result.name.includes(h.concept.say),
  );
  if (read.length > 0) lines.push({ className: 'via', text: read.map((h) => `“${h.concept.say}”按“${h.wording.replace(/ /g, '')}”查找`).join('；') });
  return lines;
}

/** A result's one verdict line. */
function verdict(result: { tier?: Tier; gaps?: readonly string[]; conflicts?: readonly FacetConflict[] }, hits: readonly ConceptHit[]): string {
  const quote = (words: readonly string[]) => `“${words.join('”“')}”`;
  if (result.tier === 'partial') {
    // A word stated as a conflicting limit (装修) is said once, as the limit.
    const gaps = (result.gaps ?? []).filter((g) => !(result.conflicts ?? []).some((c) => g.includes(c.query) || c.query.includes(g)));
    const parts = [
      ...(result.conflicts ?? []).map((c) =>
        c.kind === 'action'
          ? `本事项办理的是${quote(c.item)}，不是“${c.query}”`
          : c.kind === 'negated'
            ? `查询说不是“${c.query}”，本事项正是`
            : `本事项限于${quote(c.item)}，不含“${c.query}”`,
      ),
      ...(gaps.length > 0 ? [`本事项不含${quote(gaps)}`] : []),
    ];
    return parts.length > 0 ? `${VERDICTS.partial}：${parts.join('；')}` : VERDICTS.partial;
  }
  if (result.tier === 'related') {
    const related = hits.filter((h) => h.strength === 'related');
    const sure = related.filter((h) => !h.concept.unsure);
    if (sure.length > 0) return `${VERDICTS.related}：${sure.map((h) => `“${h.concept.say}”与“${h.wording}”不同`).join('；')}`;
    return `${VERDICTS.unsure}：本目录不能判断本事项是否包括${quote([...new Set(related.map((h) => h.concept.say))])}`;
  }
  return VERDICTS.full;
}

/**
 * For tools: which words of the query matched the result and which entry or
 * rule each came from (lexicon 社保卡 → 社会保障卡, verb 补办 → 补领).
 */
export function matchDetail(hits: readonly ConceptHit[]): string {
  return hits
    .map(
      (h) =>
        `${h.generic ? 'facet' : h.concept.source} ${h.concept.say}${h.wording !== h.concept.say ? ` → ${h.wording}` : ''}${h.strength === 'related' ? '（相关）' : ''}`,
    )
    .join('；');
}
