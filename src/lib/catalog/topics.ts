import { z } from 'astro/zod';
import { NEW_ITEM_ID_RE, PERMANENT_ID_RE } from '../core/item-id.ts';
import { SourceError, type SourceWarning } from '../core/source-error.ts';
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
    if (!PERMANENT_ID_RE.test(id)) fail(file, entry, `"${id}" is not an item id like 2-15 or n1`);
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
 * has topics, and no entry names an item no version of the table has. An item
 * a later version added (n1 …) may lack topics for a while: it builds, shown
 * as 未归类, with a warning naming the entry to write.
 *
 * @param knownIds every id any version listed (current and dropped); defaults to the current ones.
 * @returns a warning for each new item without topics.
 * @throws {SourceError} naming the first first-version item without an entry, or the line of a stray entry.
 */
export function checkTopicCoverage(
  data: TopicData,
  itemIds: readonly string[],
  seedFile: string,
  lineOfItem: (id: string) => number,
  knownIds: ReadonlySet<string> = new Set(itemIds),
): SourceWarning[] {
  const warnings: SourceWarning[] = [];
  for (const id of itemIds) {
    if (data.items.has(id)) continue;
    if (!NEW_ITEM_ID_RE.test(id)) throw new SourceError(seedFile, lineOfItem(id), `item ${id} has no topics; add it to ${data.file}`, id);
    warnings.push({
      file: data.file,
      line: 1,
      message: `new item ${id} (${seedFile}:${lineOfItem(id)}) has no topics yet and shows as 未归类: add "${id}: { topics: [...], audience: [...] }" under items:`,
    });
  }
  for (const [id, entry] of data.items) {
    if (!knownIds.has(id)) throw new SourceError(data.file, entry.line, `topics for item ${id}, which no version of the table has`, id);
  }
  return warnings;
}
