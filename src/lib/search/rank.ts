/**
 * Relevance and ranking of search results, the one place to change how
 * results are ordered. Pagefind finds candidates; this module decides, on the
 * words each candidate is actually indexed under, whether it shares a
 * meaningful term with the query (the relevance floor), whether it matches
 * all of the query, part of it, or only a related service, and in what order
 * results appear. Pure and browser-safe.
 */
import { meaningfulScenario, wordingOccursIn } from '../source/wording.ts';
import { normalizeQuery } from './query.ts';
import { isScrap, LIGHT_CHARACTERS, type Concept } from './rules.ts';

/** The lexicon entries that apply to a text: those with a `means` wording occurring in it. */
export function entriesFor<T extends { means?: readonly string[] }>(lexicon: readonly T[], text: string): T[] {
  return lexicon.filter((entry) => (entry.means ?? []).some((m) => wordingOccursIn(m, text)));
}

/**
 * The everyday words an item is found under: the `say` words of every lexicon
 * entry whose official wording occurs in the item's text. The build and the
 * browser compute them the same way, so they need not travel in the index.
 */
export function everydayWords(text: string, lexicon: readonly { say: readonly string[]; means?: readonly string[] }[]): string[] {
  return [...new Set(entriesFor(lexicon, text).flatMap((e) => e.say))];
}

/** The table's own words of an item that a query is checked against: its name and meaningful scenario. */
export function itemMatchText(item: { name: string; scenario: string }): string {
  return `${item.name} ${meaningfulScenario(item.scenario)}`;
}

/** What a candidate is checked against: its words as indexed. */
export interface ItemWords {
  /** Full item name. */
  name: string;
  /** Name and meaningful scenario: the table's own words. */
  text: string;
  /** Everyday words the item is indexed under (from the lexicon). */
  everyday: readonly string[];
  /**
   * The Chinese words the item is found under by pinyin (pinyinSourceWords in latin.ts); a pinyin
   * concept lists the words it spells (shebaoka → 社保卡), see pinyin.ts. Empty when no pinyin was typed.
   */
  pinyin: readonly string[];
  /**
   * The short names of the bureaus that lead the item (市民政局): a query that names the office it would go to
   * (去民政局领结婚证) names where this service is handled, not a part of it the item lacks.
   */
  offices?: readonly string[];
  /**
   * Query words the item accounts for by its own facets (content/facets.yaml `generic`, facet-match.ts), with the
   * item's value each names: 实体 → 社会保障卡 for a card, 增加 → 变更登记 for a change. Such a word is no part the
   * item lacks; it never finds an item by itself.
   */
  generic?: ReadonlyMap<string, string>;
  /**
   * Query words that state a limit the item has (小轿车 for 小型非营运), with that limit: the item's own limit,
   * said another way, as a lexicon word is its official wording (facet-match.ts).
   */
  limits?: ReadonlyMap<string, string>;
}

/** A word that names an office (民政局, 公积金中心, 派出所): its last character or two say so. */
const OFFICE_WORD = /(?:局|中心|院|厅|所|委|办)$/u;

/** How one concept of the query meets one item. */
export interface ConceptHit {
  concept: Concept;
  /** same: the item has the word or an equivalent; related: only a related, different service. */
  strength: 'same' | 'related';
  /** The wording found in the item. */
  wording: string;
  /**
   * Which of the concept's wordings it is: 0 for the first official wording. The
   * lexicon lists the likeliest meaning first (社保 → 社会保险 before 社会保障卡).
   */
  rank: number;
  /** The word names the item's own object, action or applicant by its category ({@link ItemWords.generic}). */
  generic?: true;
}

/**
 * How a concept meets an item, if at all. `typed` is the query: an official wording
 * it spells out in full is the one meant, whatever its place in the entry.
 */
export function conceptHit(concept: Concept, item: ItemWords, typed = ''): ConceptHit | undefined {
  if (concept.source === 'pinyin') {
    // The spelling, not the word, is the wording: what was typed covers none of the name's characters.
    const hit = (concept.spelled ?? []).some((w) => item.pinyin.includes(w));
    return hit ? { concept, strength: 'same', wording: concept.say, rank: 0 } : undefined;
  }
  // Who applies (个人) is the item's when its name or scenario says it (weighing little: it names no service) or its facets do.
  if (concept.applicant) {
    if (states(item.text, concept.say, typed)) return { concept, strength: 'same', wording: concept.say, rank: 0 };
    const own = item.limits?.get(concept.say);
    return own === undefined ? accountedFor(concept, item) : { concept, strength: 'same', wording: own, rank: 0, generic: true };
  }
  // A word of the query found as typed is that word; what it borrowed from a longer everyday word only helps find items without it.
  if (concept.source === 'word' && states(item.text, concept.say, typed)) return { concept, strength: 'same', wording: concept.say, rank: 0 };
  // The office the item is handled by, named as people do (民政局 for 市民政局): where to go, which this item answers.
  if (concept.source === 'word' && [...concept.say].length >= 3 && OFFICE_WORD.test(concept.say)) {
    const office = item.offices?.find((o) => o.includes(concept.say));
    if (office) return { concept, strength: 'same', wording: office, rank: 0 };
  }
  // An official verb typed as such (开户, 换领) is that verb, before the others its everyday sense covers.
  if (concept.kind === 'action' && concept.means.includes(concept.say) && item.text.includes(concept.say))
    return { concept, strength: 'same', wording: concept.say, rank: 0 };
  // 职业技能等级证书 typed in full, read through the everyday 技能等级证 inside it, is that wording, not a later reading of it.
  const spelled = concept.means.findIndex((w) => w.length > concept.say.length && typed.includes(w) && item.text.includes(w));
  if (spelled >= 0) return { concept, strength: 'same', wording: concept.means[spelled] ?? '', rank: 0 };
  // Official wordings first, so that a result can say which one it has (社保卡 → 社会保障卡).
  const same = concept.means.findIndex((w) => wordingOccursIn(w, item.text));
  if (same >= 0) return { concept, strength: 'same', wording: concept.means[same] ?? '', rank: same };
  if (states(item.text, concept.say, typed) || item.everyday.includes(concept.say))
    return { concept, strength: 'same', wording: concept.say, rank: concept.means.length };
  const limit = item.limits?.get(concept.say);
  if (limit !== undefined) return { concept, strength: 'same', wording: limit, rank: concept.means.length };
  const related = concept.related.findIndex((w) => wordingOccursIn(w, item.text));
  if (related >= 0) return { concept, strength: 'related', wording: concept.related[related] ?? '', rank: related };
  return accountedFor(concept, item);
}

/**
 * A word the item accounts for without having it: one that names the item's object, action, applicant or limit
 * by its category (实体 for a card, {@link ItemWords.generic}), or a scrap of speech (出了, 一年) no dictionary
 * entry read, which names no part of any service. Not a group the lexicon names (宝宝 → 新生儿): that is a value
 * of the item's people, which the item lacks.
 */
function accountedFor(concept: Concept, item: ItemWords): ConceptHit | undefined {
  const named = concept.source === 'group' && concept.means.length > 0 ? undefined : item.generic?.get(concept.say);
  if (named !== undefined) return { concept, strength: 'same', wording: named, rank: concept.means.length, generic: true };
  if (concept.source === 'word' && isScrap(concept.say)) return { concept, strength: 'same', wording: concept.say, rank: concept.means.length, generic: true };
  return undefined;
}

/** Characters that make the charge for a thing of the word before them (辅助器具配置费): the item pays for it, it does not provide it. */
const CHARGE_SUFFIXES = new Set([...'费税']);

/**
 * Whether an item's text states a word of the query for itself: not only inside the item's own exclusion
 * (法律职业资格认定（享受放宽条件政策的除外）), right after 非 (父母非集体户) where the query does not say 非 too,
 * or as the charge for it (辅助器具配置费) where the query does not name the charge. The query then asks for what the item leaves out.
 */
export function states(text: string, word: string, typed = ''): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (text[at - 1] === '非' && !typed.includes(`非${word}`)) continue;
    const next = text[at + word.length] ?? '';
    if (CHARGE_SUFFIXES.has(next) && !typed.includes(word + next)) continue;
    const open = text.lastIndexOf('（', at);
    const close = text.indexOf('）', at);
    if (open >= 0 && close >= 0 && text.lastIndexOf('）', at) < open && text.slice(at, close).endsWith('除外')) continue;
    return true;
  }
  return false;
}

/**
 * A related wording the query names in two parts is the same service: 学位证书 … 公证 is 学位公证,
 * 纳税记录 … 公证 is 纳税状况公证. The related wording must end with what another word of the query
 * matched (公证), and what is left of it (学位, 纳税状况) must share two characters in a row with the
 * related word as typed. 律师证 … 认定 stays related: 法律职业资格 shares nothing with 律师证.
 */
function completeRelated(hits: ConceptHit[]): ConceptHit[] {
  return hits.map((hit) => {
    if (hit.strength !== 'related') return hit;
    const rest = hits
      .filter((h) => h !== hit && h.strength === 'same' && h.wording.length >= 2 && hit.wording.endsWith(h.wording) && hit.wording.length > h.wording.length)
      .map((h) => hit.wording.slice(0, -h.wording.length));
    const shares = (a: string, b: string) => [...a].some((_, i) => i + 2 <= a.length && b.includes(a.slice(i, i + 2)));
    return rest.some((r) => shares(r, hit.concept.say)) ? { ...hit, strength: 'same' } : hit;
  });
}

/**
 * Words that say what is not wanted (不是单位职工那种, 不要纸质的, 不想注销), with the modal or the person that may follow
 * them (不是要注销, 不是我爸妈投靠我). Not a question (是不是真的, 要不要带) and not the place premise (不是在这儿领的,
 * 不想回老家: rules.ts reads those as places).
 */
const NEGATION = /(?<![是要想能会])(?:不是|不要|不想|并非|而非)(?:要|想|说)?(?:我们?|俺|咱)?(?![在回])/gu;

/**
 * The query's concepts it says it does not want: those in the clause right after a negation ({@link NEGATION}), up to
 * the next light character outside a concept or a break (不是单位职工|那种; 不是查就业创业证|，…; 不是本地户口|想去领证:
 * 领证 is wanted). In “不是A，是B” only A is not wanted: a concept said again outside the clause (不是我爸妈投靠我，是我想
 * 把户口迁到我爸妈家去: 爸妈) is wanted. Where the clause names an action (不是查就业创业证, 不是补户口本), it is the
 * action that is not wanted, on the thing the query is about: the thing stays asked for.
 */
export function negatedConcepts(query: string, concepts: readonly Concept[]): Set<Concept> {
  const longest = concepts.filter((c) => c.say).sort((a, b) => b.say.length - a.say.length);
  const negated = new Set<Concept>();
  for (const m of query.matchAll(NEGATION)) {
    const clause: Concept[] = [];
    let at = (m.index ?? 0) + m[0].length;
    for (let c: Concept | undefined; at < query.length; at += c ? c.say.length : 1) {
      c = longest.find((l) => query.startsWith(l.say, at));
      if (c) clause.push(c);
      else if (LIGHT_CHARACTERS.has(query[at]!) || !/\p{L}/u.test(query[at]!)) break;
    }
    const outside = `${query.slice(0, m.index)} ${query.slice(at)}`;
    const action = clause.some((c) => c.kind === 'action');
    for (const c of clause) if (!(action && c.kind === 'thing') && !outside.includes(c.say)) negated.add(c);
  }
  return negated;
}

/** How well an item answers the query. */
export type Tier = 'full' | 'partial' | 'related';

/**
 * A limit of an item that contradicts the query (content/facets.yaml): the query says
 * “装修” where the item is for “购房”. Such an item is never the same service.
 */
export interface FacetConflict {
  /** The facet kind (purpose, scheme, who…). */
  kind: string;
  /** What the query says (装修). */
  query: string;
  /** What the item is limited to (购房). */
  item: readonly string[];
}

/** One ranked result. */
export interface Assessed<T> {
  item: T;
  tier: Tier;
  score: number;
  hits: ConceptHit[];
  /** Words of the query this item does not account for (the query's things, and its specific actions when it names a thing). */
  gaps: string[];
  /** Limits of the item the query contradicts. */
  conflicts: FacetConflict[];
}

/** Weight of a generic word's hit: less than any word that finds the item. */
const GENERIC_WEIGHT = 0.5;

/** Weight of a matched concept: naming the service counts most, an action least. */
function weight(hit: ConceptHit): number {
  // A generic word (实体, 增加) says the item is not contradicted, not that it is the one asked for.
  // Who applies (个人) says as little about which service.
  if (hit.generic || hit.concept.applicant) return GENERIC_WEIGHT;
  // Later wordings count slightly less, never enough to pass a concept of a lower class.
  const later = Math.min(hit.rank, 4) * 0.1;
  if (hit.strength === 'related') return 1 - later;
  if (hit.concept.kind === 'action') return 1 - later;
  return (hit.concept.source === 'group' || hit.concept.source === 'purpose' ? 2 : 3) - later;
}

/**
 * Applies the relevance floor and ranks candidates.
 *
 * - A candidate must share a meaningful concept with the query: a thing
 *   (service, document, group, purpose, pinyin word) when the query names one,
 *   else an action, and then only among items a filter chose. Actions alone never make a result when the query names a
 *   thing, so 护照补办 does not list 社保卡补领.
 * - Full: the item has every thing the query names and, when the query asks
 *   for a specific action (补办, 换证, 注销 …), does one of them; partial: it
 *   has some of the things; related: only related services. A thing no
 *   candidate has (租赁 in 房屋租赁备案) keeps every result partial: the
 *   catalog lacks part of what was asked. If no thing the query names is in
 *   any candidate (护照补办), nothing is relevant.
 * - Order: the exact full name first, then full, partial, related; within a
 *   tier by matched weight, so that an item of the family the query names
 *   (公积金, 户口) stays ahead of other families; then by how specific the
 *   matched things are (a thing few candidates have, 结婚登记, before one many
 *   have, 户口); then by `order` (Pagefind's).
 */
export function rankResults<T>(
  query: string,
  concepts: readonly Concept[],
  candidates: readonly T[],
  wordsOf: (item: T) => ItemWords,
  /** Wordings of the action assumed when the query names none: of otherwise equal items, one whose name does it comes first. */
  assumed: readonly string[] = [],
  /** The item's limits the query contradicts (装修 for a 购房 item): such an item is never a full match. */
  conflictsOf: (item: T) => FacetConflict[] = () => [],
  /** Whether filters (a topic, a batch …) already say what is asked: an action alone (提取) then picks among the filtered items. */
  filtered = false,
): Assessed<T>[] {
  // A query that names no thing (查询, 办理) asks nothing the catalog could answer by itself, unless a filter names it.
  if (!filtered && !concepts.some((c) => c.kind === 'thing')) return [];
  const preferred = concepts.some((c) => c.kind === 'action') ? [] : assumed;
  const things = concepts.filter((c) => c.kind === 'thing');
  const primary = things.length > 0 ? things : concepts.filter((c) => c.kind === 'action');
  const negated = negatedConcepts(query, concepts);
  const all = candidates.map((item, order) => {
    const words = wordsOf(item);
    const read = completeRelated(concepts.map((c) => conceptHit(c, words, query)).filter((h): h is ConceptHit => h !== undefined));
    // A related word (过户) the item accounts for (a car's 交易登记) is that item's, once another word found it (小轿车过户).
    const found = read.some((h) => h.strength === 'same' && !h.generic && h.concept.kind === 'thing' && !negated.has(h.concept));
    const upgraded = found ? read.map((h) => (h.strength === 'related' ? (accountedFor(h.concept, words) ?? h) : h)) : read;
    // What the query says it does not want (不是单位职工那种): an item without it accounts for the words; one with it is not the service.
    // Only an item whose name says it is what is not wanted, as typed or in the first official wording (不是企业的 rules
    // out 机关事业单位与企业职工互转, not 机关事业单位…转移接续, whose scenario mentions 企业 and whose name only the
    // broader 单位); and an unwanted action (不是要注销) only an item that does none of the actions still asked for:
    // 补领、换领 answers 不是丢了，是磨坏了换张新的, 临时挂失 does not.
    const wanted = upgraded.some((h) => h.concept.kind === 'action' && !negated.has(h.concept) && h.strength === 'same');
    const unwanted = upgraded
      .filter(
        (h) =>
          negated.has(h.concept) &&
          h.strength === 'same' &&
          !h.generic &&
          (words.name.includes(h.concept.say) || (words.name.includes(h.wording) && (h.concept.kind === 'action' || h.rank === 0))) &&
          (h.concept.kind === 'thing' || !wanted),
      )
      .map((h) => h.concept.say);
    const hits = [
      ...upgraded.filter((h) => !negated.has(h.concept)),
      ...[...negated]
        .filter((c) => !unwanted.includes(c.say))
        .map((c): ConceptHit => ({ concept: c, strength: 'same', wording: c.say, rank: c.means.length, generic: true })),
    ];
    return { item, order, words, hits, unwanted };
  });
  const known = primary.filter((c) => all.some((a) => a.hits.some((h) => h.concept === c)));
  // Specific actions count when the query also names a thing; alone, they are the primary concepts.
  const strong = things.length > 0 ? concepts.filter((c) => c.kind === 'action' && c.strong && !negated.has(c)) : [];
  // How many candidates have each concept: a rarer concept says more about what was asked.
  const holders = new Map(concepts.map((c) => [c, all.filter((a) => a.hits.some((h) => h.concept === c && h.strength === 'same' && !h.generic)).length]));
  const target = normalizeName(query);
  // The things each candidate is found by, and the specific actions it does.
  const sameHit = (hits: readonly ConceptHit[], c: Concept) => hits.some((h) => h.concept === c && h.strength === 'same');
  const thingsOf = (hits: readonly ConceptHit[]) => things.filter((c) => hits.some((h) => h.concept === c && h.strength === 'same' && !h.generic));
  const foundBy = all.map((a) => ({ a, things: thingsOf(a.hits) }));
  /**
   * A specific action of the query an item does not do, where another item of the same things does it as well as every
   * specific action this one does (执业药师注销注册 is its own item, so 执业药师注册 does not answer 注销): the query asks
   * for that other item's service. An item that does a different action of the query (激活 for 新领的社保卡咋激活) is not.
   */
  const otherItemsAction = (hits: readonly ConceptHit[]) => {
    const mine = thingsOf(hits);
    const done = strong.filter((c) => sameHit(hits, c));
    return strong.filter(
      (c) =>
        !sameHit(hits, c) &&
        foundBy.some(
          ({ a, things: theirs }) => a.hits !== hits && sameHit(a.hits, c) && done.every((d) => sameHit(a.hits, d)) && mine.every((t) => theirs.includes(t)),
        ),
    );
  };
  const ranked = all.flatMap(({ item, order, words, hits, unwanted }) => {
    const exact = target !== '' && normalizeName(words.name) === target;
    // Two names can differ only in punctuation (查询、核验 and 查询核验): the one typed as it is written comes first.
    const literal = exact && normalizeQuery(words.name) === normalizeQuery(query);
    const has = (c: Concept) => hits.some((h) => h.concept === c && h.strength === 'same');
    // A generic word (实体) only accounts for a part of the query: the item must be found by another.
    const finds = (c: Concept) => hits.some((h) => h.concept === c && h.strength === 'same' && !h.generic);
    const same = known.filter(has).length;
    const found = known.some(finds);
    const related = known.some((c) => hits.some((h) => h.concept === c && h.strength === 'related'));
    const elsewhere = otherItemsAction(hits);
    const doesIt = strong.length === 0 || (strong.some(has) && elsewhere.length === 0);
    const conflicts = exact ? [] : [...conflictsOf(item), ...unwanted.map((w) => ({ kind: 'negated', query: w, item: [w] }))];
    let tier: Tier | undefined;
    if (known.length === 0 && !exact) tier = undefined;
    else if (exact || (found && same === primary.length && doesIt && conflicts.length === 0)) tier = 'full';
    else if (found) tier = 'partial';
    else if (related) tier = 'related';
    if (!tier) return [];
    const score = hits.reduce((sum, h) => sum + weight(h), 0);
    const specific = hits.reduce(
      (sum, h) => sum + (h.strength === 'same' && !h.generic && h.concept.kind === 'thing' ? 1 / (holders.get(h.concept) || 1) : 0),
      0,
    );
    // How many of the query's parts the item answers: a thing or a specific action it has counts once.
    const covered = concepts.filter((c) => (c.kind === 'thing' || strong.includes(c)) && finds(c)).length;
    const usual = preferred.some((w) => words.name.includes(w));
    // What this item leaves unanswered: each thing it lacks, and the specific action when it does none of them.
    const gaps = exact ? [] : [...primary.filter((c) => !has(c)), ...(doesIt ? [] : elsewhere.length > 0 ? elsewhere : strong)].map((c) => c.say);
    // Of two full matches, one that answers the query in its own words comes before one that only accounts for a
    // word by its facets (激活社保卡: 社会保障卡启用 before 电子社会保障卡申领). Scraps of speech are the same for all.
    const leans = tier === 'full' ? hits.filter((h) => h.generic && !isScrap(h.concept.say)).length : 0;
    return [
      {
        item,
        tier,
        leans,
        score,
        covered,
        usual,
        specific,
        loose: looseness(words.name, hits),
        hits,
        exact,
        literal,
        order,
        gaps: [...new Set(gaps)],
        conflicts,
      },
    ];
  });
  const tierRank: Record<Tier, number> = { full: 0, partial: 1, related: 2 };
  return ranked
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        Number(b.literal) - Number(a.literal) ||
        tierRank[a.tier] - tierRank[b.tier] ||
        a.leans - b.leans ||
        b.covered - a.covered ||
        b.score - a.score ||
        Number(b.usual) - Number(a.usual) ||
        a.loose - b.loose ||
        b.specific - a.specific ||
        a.order - b.order,
    )
    .map(({ item, tier, score, hits, gaps, conflicts }) => ({ item, tier, score, hits, gaps, conflicts }));
}

/**
 * The share of an item's name that none of the matched wordings covers: of two
 * items that answer a query equally, the one whose name says no more than was
 * asked (失业登记 for 失业人员登记, not 失业保险金申领) is the likelier one.
 */
function looseness(name: string, hits: readonly ConceptHit[]): number {
  const chars = [...name.replace(/（[^）]*）/g, '')];
  const covered = new Array<boolean>(chars.length).fill(false);
  const text = chars.join('');
  for (const hit of hits) {
    for (const word of [hit.wording, hit.concept.say].flatMap((w) => w.split(' '))) {
      if (word === '') continue;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) covered.fill(true, at, at + word.length);
    }
  }
  return chars.length === 0 ? 1 : covered.filter((c) => !c).length / chars.length;
}

/** Names compared as typed: without punctuation, spaces and case. */
function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The page's overall state for a query, from its ranked results. */
export type ResultState = 'matches' | 'partial' | 'related' | 'none';

/** The state shown for a list of ranked results. */
export function resultState(results: readonly { tier: Tier }[]): ResultState {
  if (results.some((r) => r.tier === 'full')) return 'matches';
  if (results.some((r) => r.tier === 'partial')) return 'partial';
  if (results.length > 0) return 'related';
  return 'none';
}

/**
 * Words the catalog uses so often that they distinguish nothing (办理, 申请人):
 * words of two or more characters found in more than `share` of the texts.
 * Computed at build time and sent to the browser with the lexicon.
 */
export function commonWords(texts: readonly string[], segment: (text: string) => string[], share = 0.2): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of new Set(segment(text))) if ([...word].length >= 2) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > share * texts.length)
    .map(([w]) => w)
    .sort();
}
