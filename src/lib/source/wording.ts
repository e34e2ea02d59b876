/**
 * The words shared by the phrasing data (content/lexicon.yaml, content/phrasing.yaml;
 * read in lexicon.ts) and the search that uses it: the classes of phrasing, and
 * when an official wording occurs in an item. The lexicon's checks and the engine
 * read wordings the same way because both use these. No Zod, no YAML: the search
 * page's script and its worker import this module.
 */

/** The classes of phrasing data (content/phrasing.yaml); `service` entries are content/lexicon.yaml's. */
export const PHRASE_CLASSES = ['service', 'verb', 'group', 'purpose', 'filler', 'place', 'pinyin-filler', 'pinyin-verb', 'foreign', 'facet'] as const;

/** One class of phrasing. */
export type PhraseClass = (typeof PHRASE_CLASSES)[number];

/**
 * Classes whose words are Latin (pinyin verbs and fillers, English words): only a query with
 * Latin letters can meet them, so they travel with the pinyin map (search/pinyin.ts), not with the page.
 */
export const LATIN_CLASSES: readonly PhraseClass[] = ['pinyin-filler', 'pinyin-verb', 'foreign'];

/** Whether a cleaned query has Latin letters: only then does the engine load the Latin data. */
export const hasLatin = (query: string) => /[a-z]/.test(query);

/** True when every space-separated word of an official wording occurs in the text. */
export function wordingOccursIn(wording: string, text: string): boolean {
  return wording.split(/\s+/).every((word) => text.includes(word));
}

/**
 * The part of a scenario that says what the service is: the closing
 * “不受…限制” clause names places (户籍地, 缴存地) that every item mentions and
 * would tie everyday words to unrelated items.
 */
export function meaningfulScenario(scenario: string): string {
  return scenario.replace(/[，,；;]?\s*不受[^，。；]*限制[^。]*。?/g, '');
}
