/**
 * The everyday-language rules of search, in one place: how people phrase a
 * request (我要在北京领结婚证) and how that maps onto the table's official words.
 * Each rule covers a class of phrasing, not one query:
 *
 * - places (人在北京…, 在外地…, 不回老家…): stripped, since every item can be
 *   handled away from home and a place never names a service;
 * - fillers (的, 办, 怎么, 我要…): stripped;
 * - everyday verbs → official verbs (领 → 申领, 销户 → 注销, 查 → 查询 …);
 * - everyday names for groups of people (农民工, 退休老人, 宝宝 …); schemes (新农合) are lexicon words, since they name services;
 * - purpose phrasing (买房…, 退休了…, 生孩子…, 看病…).
 *
 * Item words (社保卡 → 社会保障卡) are data in content/lexicon.yaml; this module
 * turns a query into {@link Concept}s using both. Pure and browser-safe.
 */

/** An everyday wording and the official wordings it stands for. */
export interface Rule {
  say: readonly string[];
  /** Official wordings; words separated by a space must all occur in an item. */
  means: readonly string[];
  /**
   * For verbs: whether the action changes what service is meant. An item that does something
   * else (公证 for 驾照到期换证) is then only a partial match. Generic verbs (领, 开, 查, 办…) are not.
   */
  strong?: boolean;
}

/** One lexicon entry as the browser receives it. */
export interface QueryLexiconEntry {
  say: string[];
  /** Same service or direct synonym: an item with this wording is a match (匹配). */
  means: string[];
  /** Related but different services: shown as 相关, never as a match. */
  related?: string[];
}

/** What a concept of the query stands for: a thing (service, document, group) or an action. */
export type ConceptKind = 'thing' | 'action';

/** Where a concept came from, for tests and for explaining a result. */
export type ConceptSource = 'lexicon' | 'verb' | 'group' | 'purpose' | 'word' | 'pinyin';

/** One meaningful part of a query. */
export interface Concept {
  /** The words as typed (after cleaning). */
  say: string;
  /** Wordings that count as this concept in an item: the typed word and its official equivalents. */
  means: string[];
  /** Wordings of related but different services. */
  related: string[];
  kind: ConceptKind;
  source: ConceptSource;
  /** For actions: an item must do this to be a full match (see {@link Rule.strong}). */
  strong?: boolean;
  /** For a mistyped word (结昏登记): the known word it was read as (结婚登记), so that the page can say so. */
  readAs?: string;
}

/**
 * Provinces and large cities people name when they say where they are. A
 * place never names a service: every item in the catalog exists precisely so
 * that it can be handled away from home.
 */
const PLACE_NAMES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '内蒙古',
  '内蒙',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '广西',
  '海南',
  '四川',
  '贵州',
  '云南',
  '西藏',
  '陕西',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
  '台湾',
  '深圳',
  '广州',
  '杭州',
  '南京',
  '苏州',
  '成都',
  '武汉',
  '西安',
  '郑州',
  '济南',
  '青岛',
  '沈阳',
  '大连',
  '长沙',
  '厦门',
  '宁波',
  '东莞',
  '佛山',
  '合肥',
  '福州',
  '昆明',
  '太原',
  '哈尔滨',
  '长春',
  '南宁',
  '贵阳',
  '兰州',
  '乌鲁木齐',
  '呼和浩特',
  '银川',
  '西宁',
  '拉萨',
  '海口',
  '南昌',
  '石家庄',
  '保定',
  '唐山',
  '邯郸',
  '邢台',
  '沧州',
  '廊坊',
  '衡水',
  '张家口',
  '承德',
  '秦皇岛',
  '雄安',
  '外地',
  '外省',
  '外市',
  '老家',
  '家乡',
  '本地',
  '当地',
  '这边',
  '那边',
  '这里',
  '那里',
  '省外',
  '市外',
  '原籍',
];

// "(人|我)在 PLACE (市|省)? (工作|上班…)?", "PLACE 户口" (where the person is registered, not a service), "不回 PLACE", "回 PLACE", or a bare PLACE.
const PLACE_PATTERN = new RegExp(
  `(?:(?:人|我|现在|目前|身|住|户口)?在|不用回|不回|回到|回|从|到|去)?(?:${[...PLACE_NAMES].sort((a, b) => b.length - a.length).join('|')})(?:市|省)?(?:工作|上班|打工|生活|上学|读书|定居|居住|户口|户籍|的)?`,
  'g',
);

/** Removes place phrases (人在北京, 在外地上班, 不回老家); a place never names a service. */
export function stripPlaces(query: string): string {
  return query.replace(PLACE_PATTERN, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Words of spoken requests that name no service. Longest first when applied.
 * Single characters need no listing: on their own they never count (see {@link queryConcepts}).
 */
export const FILLERS: readonly string[] = [
  '我想要',
  '我要',
  '我想',
  '想要',
  '想把',
  '怎么办理',
  '怎么办',
  '怎么弄',
  '怎么',
  '怎样',
  '如何办理',
  '如何',
  '在哪里',
  '在哪儿',
  '在哪',
  '哪里',
  '去哪',
  '哪儿',
  '需要什么',
  '需要',
  '要办什么',
  '什么',
  '手续',
  '流程',
  '材料',
  '能不能',
  '能否',
  '可不可以',
  '可以',
  '是否',
  '一下',
  '一个',
  '怎么查',
  '办理',
  '申请',
  '咨询',
  '你好',
  '您好',
  '请问',
  '谢谢',
  '帮我',
  '帮忙',
  '我的',
  '我们',
  '自己',
  '个人',
  '还有',
  '重新',
  '直接',
  // Time, place and vague words that name no service (every item is 跨省 already).
  '跨省通办',
  '跨省',
  '全国',
  '每年',
  '每个月',
  '回来',
  '新地方',
  '地方',
  '家里',
  '处理',
  '样子',
  '新款',
  '不在',
  '谁管',
  '想用',
  '拿不到',
  '办不了',
  // Generic words for a document: the service names what kind.
  '证书',
  '证件',
  '拿证',
  '办证',
  '能',
  '吗',
  '呢',
  '啊',
  '吧',
  '了',
  '的',
  '得',
  '要',
  '办',
];

/** Everyday verbs → the table's official verbs. An action alone never makes a match when the query also names a thing. */
export const VERB_RULES: readonly Rule[] = [
  { say: ['申领', '领取', '领'], means: ['申领', '领取'], strong: true },
  { say: ['新办', '办新的', '新的', '第一次', '首次', '初次'], means: ['申领', '新办', '首次', '设立', '登记'] },
  { say: ['销户', '注销', '取消', '不干了', '关门', '关掉', '停业'], means: ['注销', '撤销', '停止'], strong: true },
  {
    say: ['查询', '查', '查看', '核验', '查真伪', '真伪', '验证', '余额', '多少钱', '多少年', '多少', '记录', '明细', '清单', '打印'],
    means: ['查询', '核验', '打印', '记录'],
    strong: true,
  },
  { say: ['补办', '补领', '补证', '补', '重办', '再办'], means: ['补领', '补办', '补发'], strong: true },
  { say: ['丢了', '丢失', '遗失', '弄丢', '掉了', '找不到', '挂失', '被偷'], means: ['挂失', '遗失', '补领', '补办'], strong: true },
  { say: ['换证', '换新', '换卡', '换', '过期', '到期'], means: ['换领', '换发', '换证', '延续'], strong: true },
  { say: ['续期', '延期', '续', '延续'], means: ['延续'], strong: true },
  { say: ['转移', '转出', '转入', '转回', '转到', '转过去', '转', '接续', '带走'], means: ['转移接续', '转移', '互转', '转递'], strong: true },
  { say: ['迁移', '迁入', '迁出', '迁走', '迁过来', '迁回', '迁', '搬'], means: ['迁移', '迁入', '迁出'], strong: true },
  { say: ['开证明', '开', '出具'], means: ['开具', '出具', '设立', '开户'] },
  { say: ['交', '缴', '缴纳', '缴费'], means: ['缴存', '缴费', '参保'] },
  { say: ['提取', '取钱', '取出', '取'], means: ['提取'], strong: true },
  { say: ['改名字', '改名', '改', '修改', '变更', '调整', '更改'], means: ['变更'], strong: true },
  { say: ['激活', '开通', '启用'], means: ['启用'], strong: true },
  { say: ['重新注册', '再注册'], means: ['再注册', '延续注册'], strong: true },
  { say: ['注册', '成立', '开办'], means: ['设立登记', '注册'], strong: true },
  { say: ['认证', '年审', '刷脸'], means: ['资格认证', '认证'] },
  { say: ['结算', '刷卡', '直接结算'], means: ['结算', '支付'] },
  { say: ['备案', '报备', '登记'], means: ['备案', '登记'] },
  { say: ['审批', '批准', '批', '许可', '审查'], means: ['审批', '批准', '许可', '审查', '核准'] },
  { say: ['还款', '还清', '还贷'], means: ['还清'], strong: true },
  { say: ['信息', '资料', '情况'], means: ['信息', '资料', '查询'] },
  { say: ['接收', '调'], means: ['接收', '转递'], strong: true },
];

/** Everyday names for groups of people → the table's names for them. */
export const GROUP_RULES: readonly Rule[] = [
  { say: ['农民工', '打工的', '打工人', '外来务工'], means: ['灵活就业人员', '城乡居民', '流动人员'] },
  { say: ['退休老人', '退休人员', '退休职工', '老人', '老年人', '爸妈', '父母', '爸爸妈妈'], means: ['领取养老金人员', '父母投靠子女'] },
  { say: ['大学生', '毕业生', '应届生', '学生', '研究生'], means: ['大中专', '应届毕业生'] },
  { say: ['退伍军人', '退役军人', '复员军人', '转业军人', '老兵', '当兵', '退伍', '退役', '复员', '转业'], means: ['退役军人'] },
  {
    say: ['宝宝', '孩子', '小孩', '新生儿', '婴儿', '刚出生', '娃', '娃娃', '小娃', '孩儿', '孙子', '孙女', '外孙', '外孙女'],
    means: ['新生儿', '儿童'],
  },
  {
    say: [
      '个体老板',
      '小老板',
      '个体',
      '摆摊',
      '开店',
      '小卖部',
      '小卖铺',
      '小商店',
      '小店',
      '小吃店',
      '饭馆',
      '小饭店',
      '便利店',
      '门市',
      '门面',
      '网店',
      '理发店',
    ],
    means: ['个体工商户'],
  },
  { say: ['自由职业者', '自由职业', '灵活就业', '打零工', '没单位'], means: ['灵活就业人员'] },
  { say: ['老婆', '老公', '丈夫', '妻子', '爱人', '配偶', '夫妻'], means: ['夫妻投靠'] },
  { say: ['残疾人', '残疾老人', '重残', '伤残'], means: ['残疾人', '伤残'] },
  { say: ['单位', '公司', '企业', '私企', '民企', '私营企业'], means: ['单位', '企业'] },
  { say: ['体制内', '公务员', '事业单位', '事业编', '机关单位', '机关'], means: ['机关事业单位'] },
  { say: ['工厂', '厂家', '厂子', '工厂产品'], means: ['生产', '工业', '企业'] },
  { say: ['家属', '遗属', '亲属', '家里人'], means: ['供养亲属'] },
];

/** Purpose phrasing: what the person wants to do → the services that serve it. */
export const PURPOSE_RULES: readonly Rule[] = [
  { say: ['买房子', '买房', '购房', '买新房'], means: ['购房', '住房贷款', '商品房'] },
  { say: ['退休了', '退休后', '退休'], means: ['退休', '养老金', '待遇资格认证'] },
  { say: ['生孩子', '生小孩', '生娃', '怀孕', '出生了', '出生'], means: ['生育', '新生儿'] },
  { say: ['看病', '就医', '买药'], means: ['就医', '门诊', '医疗'] },
  { say: ['药店', '药房'], means: ['药师', '药品', '门诊', '就医'] },
  { say: ['换工作', '换单位', '跳槽'], means: ['转移接续', '工作调动', '变更'] },
  { say: ['没工作', '丢了工作', '失业了', '下岗'], means: ['失业'] },
  { say: ['出国', '留学'], means: ['公证'] },
  { say: ['打广告', '做广告', '广告'], means: ['广告审查'] },
  { say: ['去世', '死亡', '过世', '死了', '人没了'], means: ['死亡', '注销'] },
  { say: ['坐牢', '服刑', '失联'], means: ['事实无人抚养儿童'] },
];

/** Rules by class, for tests and documentation. */
export const RULE_CLASSES = { verb: VERB_RULES, group: GROUP_RULES, purpose: PURPOSE_RULES } as const;

/** A found phrase and where it sits in the text. */
interface Found {
  at: number;
  length: number;
  concept: Concept;
}

/** One dictionary of everyday phrases to look for in a query, longest phrase wins. */
function phrasebook(lexicon: readonly QueryLexiconEntry[]): { say: string; concept: Omit<Concept, 'say'> }[] {
  const book: { say: string; concept: Omit<Concept, 'say'> }[] = [];
  for (const entry of lexicon)
    for (const say of entry.say) book.push({ say, concept: { means: entry.means, related: entry.related ?? [], kind: 'thing', source: 'lexicon' } });
  for (const [source, rules] of Object.entries(RULE_CLASSES) as [ConceptSource, readonly Rule[]][]) {
    for (const rule of rules) {
      // Someone may type the official verb itself (换领): it is the same action.
      const says = source === 'verb' ? [...new Set([...rule.say, ...rule.means])] : rule.say;
      for (const say of says) {
        const concept: Omit<Concept, 'say'> = { means: [...rule.means], related: [], kind: source === 'verb' ? 'action' : 'thing', source };
        if (rule.strong) concept.strong = true;
        book.push({ say, concept });
      }
    }
  }
  // Longest first; a lexicon word wins over a rule of the same length (it names a service).
  const rank = (s: ConceptSource) => (s === 'lexicon' ? 0 : 1);
  return book.sort((a, b) => b.say.length - a.say.length || rank(a.concept.source) - rank(b.concept.source));
}

const LATIN = /^[a-z]+$/;

/** One pinyin syllable, without tone: an initial (or none) and a final. */
const SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrwy]|[zcs]h?)?(?:i(?:a(?:ng?|o)?|e|ng?|ong|u)?|u(?:a(?:i|ng?)?|[eio]|n)?|v(?:e|n)?|a(?:[io]|ng?)?|o(?:u|ng)?|e(?:[ir]|ng?)?)$/;

/** Pinyin of fillers typed after a pinyin query (shebaoka banli): they name nothing. */
const PINYIN_FILLERS = new Set(['banli', 'zenme', 'zenmeban', 'ruhe', 'shouxu', 'liucheng', 'xuyao', 'nali', 'zainali']);

/**
 * Pinyin and initials of common verbs (gjj cx, yibao beian) → the verbs they
 * spell, which the verb rules then read as actions.
 */
const PINYIN_VERBS: Readonly<Record<string, string>> = {
  chaxun: '查询',
  cx: '查询',
  tiqu: '提取',
  tq: '提取',
  buban: '补办',
  buling: '补领',
  zhuanyi: '转移',
  qianyi: '迁移',
  zhuxiao: '注销',
  shenling: '申领',
  guashi: '挂失',
  huanzheng: '换证',
  beian: '备案',
  dayin: '打印',
  renzheng: '认证',
  biangeng: '变更',
};

/** A pinyin query's words with fillers dropped and verbs spelled in characters. */
function pinyinWords(text: string): string {
  return text
    .split(' ')
    .filter((w) => !PINYIN_FILLERS.has(w))
    .map((w) => PINYIN_VERBS[w] ?? w)
    .join(' ');
}

/**
 * Pinyin typed with spaces: runs of single syllables are one word (she bao ka →
 * shebaoka), while words of several syllables or initials stay apart, each its
 * own word (gjj tiqu, yibao beian).
 */
export function joinSyllables(query: string): string {
  const words: string[] = [];
  let run = '';
  for (const word of query.split(' ')) {
    if (SYLLABLE.test(word)) {
      run += word;
      continue;
    }
    if (run !== '') words.push(run);
    run = '';
    words.push(word);
  }
  if (run !== '') words.push(run);
  return words.join(' ');
}
const HAN = /\p{Script=Han}/u;

/**
 * One character changed: a likely typo (公基金 for 公积金, 身分证 for 身份证).
 * Only for words of three characters or more, where one changed character still leaves the word recognisable.
 */
function oneCharOff(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length || x.length < 3) return false;
  const diff = x.flatMap((ch, i) => (ch !== y[i] ? [ch, y[i] ?? ''] : []));
  // 房产税 is not a typo of 房产证: a different document or charge is a different thing.
  // Nor is 手机充 a typo of 手机上: a particle or light verb swapped for a word changes the meaning.
  // A typed document or noun character names another thing; typed in its place (准生正), the known one is meant.
  const [typed = '', known = ''] = diff;
  return diff.length === 2 && !DOCUMENT_SUFFIXES.has(typed) && !NOUN_SUFFIXES.has(typed) && !LIGHT_CHARACTERS.has(typed) && !LIGHT_CHARACTERS.has(known);
}

/**
 * Turns a query into the concepts it names. Places and fillers are stripped;
 * lexicon words and rule phrases are found longest first without overlap; the
 * rest is split into words, of which only words of two or more characters that
 * are not {@link FILLERS} or `common` (words most items contain) count, and
 * Latin words count as pinyin. Digits and single characters never count.
 *
 * @param query a query already cleaned by `normalizeQuery`.
 * @param common words so frequent in the catalog that they distinguish nothing (办理, 申请人).
 */
export function queryConcepts(
  query: string,
  lexicon: readonly QueryLexiconEntry[],
  segment: (text: string) => string[],
  common: ReadonlySet<string> = new Set(),
): Concept[] {
  const book = phrasebook(lexicon);
  const found: Found[] = [];
  const text = /^[a-z ]+$/.test(query) ? pinyinWords(joinSyllables(query)) : stripPlaces(query);
  for (const part of text.split(' ')) {
    const taken: boolean[] = [];
    const local: Found[] = [];
    const inside = wordInteriors(part, segment);
    let fillersMarked = false;
    for (const phrase of book) {
      // Before single characters: fillers of two or more characters are not material for them (续 in 手续).
      if (phrase.say.length === 1 && !fillersMarked) {
        markFillers(part, taken);
        fillersMarked = true;
      }
      for (let at = part.indexOf(phrase.say); at >= 0; at = part.indexOf(phrase.say, at + 1)) {
        const span = [...Array(phrase.say.length).keys()].map((k) => at + k);
        if (span.some((k) => taken[k])) continue;
        // A phrase that cuts into a longer dictionary word is not that phrase.
        const end = at + phrase.say.length;
        if ((inside.get(at) ?? 0) >= 3 || (inside.get(end) ?? 0) >= 3) continue;
        // A one-character verb stands alone: next to a matched phrase, a light character or the
        // query's edge (领 in 失业金怎么领), not between two unknown characters (交 in 公交卡).
        if (phrase.say.length === 1 && !standsAlone(part, at, taken)) continue;
        // A thing followed by a noun-making character names something else: 房产税, 养老院.
        if (phrase.concept.kind === 'thing' && NOUN_SUFFIXES.has(part[end] ?? '') && !taken[end]) continue;
        span.forEach((k) => (taken[k] = true));
        local.push({
          at,
          length: phrase.say.length,
          concept: { say: phrase.say, ...phrase.concept, means: [...phrase.concept.means], related: [...phrase.concept.related] },
        });
      }
    }
    // The rest, between found phrases: dictionary words, pinyin, typos of known words.
    let rest = '';
    for (let i = 0; i <= part.length; i++) {
      if (i < part.length && !taken[i]) {
        rest += part[i];
        continue;
      }
      if (rest !== '') {
        const start = i - rest.length;
        const typo = typoIn(rest, book) ?? typoAcrossVerb(part, start, i, local, book, segment);
        if (typo && 'drop' in typo) {
          local.splice(local.indexOf(typo.drop), 1);
          local.push(typo.found);
          rest = '';
          continue;
        }
        if (typo) local.push({ at: start + typo.at, length: typo.length, concept: typo.concept });
        const left = typo ? `${rest.slice(0, typo.at)} ${rest.slice(typo.at + typo.length)}` : rest;
        for (const word of restWords(left, segment)) {
          const concept = wordConcept(word, common, lexicon);
          if (concept) local.push({ at: start + left.indexOf(word), length: word.length, concept });
        }
        rest = '';
      }
    }
    found.push(...local.sort((a, b) => a.at - b.at));
  }
  // The same concept typed twice counts once.
  const seen = new Set<string>();
  return found
    .map((f) => f.concept)
    .filter((c) => {
      const key = `${c.source}:${c.means.join('|')}:${c.say}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Offsets that fall strictly inside a dictionary word of the text, with that
 * word's length: a phrase may not start or end there.
 */
function wordInteriors(text: string, segment: (text: string) => string[]): Map<number, number> {
  const inside = new Map<number, number>();
  let at = 0;
  for (const word of segment(text)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    for (let k = start + 1; k < start + word.length; k++) inside.set(k, word.length);
    at = start + word.length;
  }
  return inside;
}

/** Marks the free occurrences of fillers of two or more characters as used. */
function markFillers(text: string, taken: boolean[]): void {
  for (const filler of FILLERS) {
    if (filler.length < 2) continue;
    for (let at = text.indexOf(filler); at >= 0; at = text.indexOf(filler, at + 1)) {
      const span = [...Array(filler.length).keys()].map((k) => at + k);
      if (span.every((k) => !taken[k])) span.forEach((k) => (taken[k] = true));
    }
  }
}

function standsAlone(text: string, at: number, taken: readonly boolean[]): boolean {
  const free = (k: number) => k < 0 || k >= text.length || taken[k] === true || LIGHT_CHARACTERS.has(text[k] ?? '');
  return free(at - 1) || free(at + 1);
}

/** Characters that make a document or a charge of the word before them (居住证, 燃气费). */
const DOCUMENT_SUFFIXES = new Set([...'证卡本费税']);

/** Characters that turn the word before them into another noun (房产 → 房产税, 养老 → 养老院). */
const NOUN_SUFFIXES = new Set([...'税费院站所局馆店']);

/** Characters that carry no meaning on their own in a request (pronouns, particles, light verbs). */
const LIGHT_CHARACTERS = new Set([...'我你他她它们的了要办能吗呢啊吧得在把去给有是还都就也和与或个一这那哪怎么想用会可让被从到对为该请帮下上过着没不很多少啥']);

/**
 * Words of a stretch no phrase covered, fillers removed. Runs of single
 * characters the dictionary does not know (燃 气 费) are kept together as one
 * word, so that an unknown word is not lost and its query is not mistaken for a match.
 */
function restWords(rest: string, segment: (text: string) => string[]): string[] {
  let text = rest;
  for (const filler of [...FILLERS].sort((a, b) => b.length - a.length)) if (filler.length >= 2) text = text.split(filler).join(' ');
  const words: string[] = [];
  for (const token of text.split(' ').filter(Boolean)) {
    if (!HAN.test(token)) {
      words.push(token);
      continue;
    }
    let run = '';
    let last = '';
    for (const w of [...segment(token), '']) {
      // A document or fee character right after a word belongs to it (居住 + 证 → 居住证).
      if (DOCUMENT_SUFFIXES.has(w) && run === '' && last !== '' && token.includes(`${last}${w}`)) {
        words[words.length - 1] = last = `${last}${w}`;
        continue;
      }
      if ([...w].length === 1 && !LIGHT_CHARACTERS.has(w)) {
        run += w;
        continue;
      }
      if ([...run].length >= 2) words.push(run);
      run = '';
      last = '';
      if (w !== '' && !LIGHT_CHARACTERS.has(w)) words.push((last = w));
    }
  }
  return words;
}

/** A stretch of three or more characters that is a known everyday word with one character mistyped (公基金). */
function typoIn(rest: string, book: ReturnType<typeof phrasebook>): Found | undefined {
  for (let length = Math.min(rest.length, 6); length >= 3; length--) {
    for (let at = 0; at + length <= rest.length; at++) {
      const window = rest.slice(at, at + length);
      if (!HAN.test(window) || [...window].some((ch) => LIGHT_CHARACTERS.has(ch))) continue;
      const known = mistyped(window, book);
      if (known) return { at, length, concept: known };
    }
  }
  return undefined;
}

/** The lexicon entry a stretch is a one-character typo of, compared with its everyday and its official words. */
function mistyped(window: string, book: ReturnType<typeof phrasebook>): Concept | undefined {
  // A known wording is no typo (探矿权 is not 采矿权 mistyped).
  if (book.some((p) => p.concept.source === 'lexicon' && (p.say === window || p.concept.means.includes(window)))) return undefined;
  // Only the lexicon's words: they name services; groups and purposes are too short and similar (老年人, 老年卡).
  for (const p of book) {
    if (p.concept.source !== 'lexicon') continue;
    const readAs = oneCharOff(window, p.say) ? p.say : p.concept.means.find((m) => oneCharOff(window, m));
    if (readAs) return { say: window, ...p.concept, means: [p.say, ...p.concept.means], related: [...p.concept.related], readAs };
  }
  return undefined;
}

/**
 * A known word mistyped so that part of it was read as a verb (结昏登记: the
 * verb 登记 took the end of 结婚登记). Only when what is left is not a word of its
 * own (结昏 is not; 离婚 is, and 离婚登记 is not a typo of 结婚登记).
 */
function typoAcrossVerb(
  part: string,
  start: number,
  end: number,
  local: readonly Found[],
  book: ReturnType<typeof phrasebook>,
  segment: (text: string) => string[],
): { found: Found; drop: Found } | undefined {
  const rest = part.slice(start, end);
  const known = (w: string) => book.some((p) => p.concept.source === 'lexicon' && (p.say.includes(w) || p.concept.means.some((m) => m.includes(w))));
  if (segment(rest).length < 2 || known(rest)) return undefined;
  for (const verb of local) {
    if (verb.concept.kind !== 'action' || (verb.at !== end && verb.at + verb.length !== start)) continue;
    const from = Math.min(start, verb.at);
    const to = Math.max(end, verb.at + verb.length);
    const concept = mistyped(part.slice(from, to), book);
    if (concept) return { found: { at: from, length: to - from, concept }, drop: verb };
  }
  return undefined;
}

/** At most this many lexicon entries may contain a word for it to borrow their meaning: more, and the word is too vague. */
const PART_OF_ENTRIES = 2;

/**
 * A word no phrase covered. Latin words are pinyin candidates. A Chinese word
 * that is part of a known everyday word (产假 in 产假工资, 津贴 in 生育津贴) also
 * stands for what that word means, since the index holds whole words and would
 * not find the part alone.
 */
function wordConcept(word: string, common: ReadonlySet<string>, lexicon: readonly QueryLexiconEntry[]): Concept | undefined {
  if (LATIN.test(word)) return word.length >= 2 ? { say: word, means: [], related: [], kind: 'thing', source: 'pinyin' } : undefined;
  if (!HAN.test(word) || [...word].length < 2 || FILLERS.includes(word) || common.has(word)) return undefined;
  const containing = lexicon.filter((e) => e.means.length > 0 && e.say.some((s) => s !== word && s.includes(word)));
  const means = containing.length <= PART_OF_ENTRIES ? [...new Set(containing.flatMap((e) => e.means))] : [];
  return { say: word, means, related: [], kind: 'thing', source: 'word' };
}
