import { z } from 'astro/zod';
import { ITEM_ID_RE } from '../source/corrections.ts';
import { SourceError } from '../core/source-error.ts';
import { parseYamlSections, type LocatedEntry } from '../core/yaml-source.ts';

/** Who an item serves: citizens (个人) or businesses and organisations (法人). */
export const AUDIENCES = ['个人', '法人'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Zod schema of one topic in content/topics.yaml. */
export const topicSchema = z
  .object({
    /** Stable ASCII part of the topic page URL. */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The life topic in citizens' words, e.g. 户籍与身份证明. */
    name: z.string().min(1),
    /** One line on what the topic covers. */
    summary: z.string().min(1),
  })
  .strict();

export type Topic = z.infer<typeof topicSchema>;

/** Zod schema of one item's entry in content/topics.yaml. */
export const itemTopicsSchema = z
  .object({
    /** Topic slugs; at least one. */
    topics: z.array(z.string()).min(1),
    /** Who the item serves; at least one. */
    audience: z.array(z.enum(AUDIENCES)).min(1),
  })
  .strict();

export interface TopicData {
  file: string;
  topics: Topic[];
  items: Map<string, { line: number; topics: string[]; audience: Audience[] }>;
}

function fail(file: string, entry: LocatedEntry, problem: string): never {
  throw new SourceError(file, entry.line, problem, JSON.stringify(entry.value));
}

/**
 * Parses the topics file: the topic list and every item's topics and audience.
 * Unknown topics and duplicates stop the build; whether every item of the
 * table has an entry is checked against the catalog ({@link checkTopicCoverage}).
 *
 * @throws {SourceError} naming the file, line and value.
 */
export function parseTopics(text: string, file: string): TopicData {
  const sections = parseYamlSections(text, file);
  const topicEntries = sections.get('topics');
  const itemEntries = sections.get('items');
  if (!Array.isArray(topicEntries)) throw new SourceError(file, 1, 'a "topics" list is required', '');
  if (!(itemEntries instanceof Map)) throw new SourceError(file, 1, 'an "items" mapping is required', '');
  const topics = topicEntries.map((entry) => {
    const parsed = topicSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, 'invalid topic', parsed.error, entry.value);
    return parsed.data;
  });
  const slugs = new Set<string>();
  topics.forEach((t, i) => {
    if (slugs.has(t.slug)) fail(file, topicEntries[i]!, `duplicate topic slug "${t.slug}"`);
    slugs.add(t.slug);
  });
  const items = new Map<string, { line: number; topics: string[]; audience: Audience[] }>();
  for (const [id, entry] of itemEntries) {
    if (!ITEM_ID_RE.test(id)) fail(file, entry, `"${id}" is not an item id like 2-15`);
    const parsed = itemTopicsSchema.safeParse(entry.value);
    if (!parsed.success) throw SourceError.fromZod(file, entry.line, `item ${id}`, parsed.error, entry.value);
    const unknown = parsed.data.topics.find((t) => !slugs.has(t));
    if (unknown) fail(file, entry, `item ${id}: unknown topic "${unknown}"`);
    items.set(id, { line: entry.line, ...parsed.data });
  }
  return { file, topics, items };
}

/**
 * Checks that the topics file and the table name the same items: every item
 * has topics, and no entry names an item the table lacks.
 *
 * @throws {SourceError} naming the first item without an entry, or the line of a stray entry.
 */
export function checkTopicCoverage(data: TopicData, itemIds: readonly string[], seedFile: string, lineOfItem: (id: string) => number): void {
  const missing = itemIds.find((id) => !data.items.has(id));
  if (missing) throw new SourceError(seedFile, lineOfItem(missing), `item ${missing} has no topics; add it to ${data.file}`, missing);
  const known = new Set(itemIds);
  for (const [id, entry] of data.items) {
    if (!known.has(id)) throw new SourceError(data.file, entry.line, `topics for item ${id}, which the table does not have`, id);
  }
}
