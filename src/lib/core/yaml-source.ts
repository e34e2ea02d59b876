import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { SourceError } from './source-error.ts';

/** A YAML list entry with the line it starts on, for error messages. */
export interface LocatedEntry {
  line: number;
  value: unknown;
}

/** A parsed YAML document with a way to find any node's line. */
interface LocatedDocument {
  doc: Document;
  lineOf(node: unknown): number;
}

function parseLocated(text: string, file: string): LocatedDocument {
  const lineCounter = new LineCounter();
  // The library's own duplicate-key check compares every key with every other
  // one, which takes seconds on a 10,000-item topics file; the check below is linear.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const [error] = doc.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new SourceError(file, line, `invalid YAML: ${error.message.split('\n')[0]}`, text.split('\n')[line - 1] ?? '');
  }
  const lineOf = (node: unknown) => lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0).line;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (keys.has(value))
          throw new SourceError(file, lineOf(key), `invalid YAML: duplicate key "${String(value)}"`, text.split('\n')[lineOf(key) - 1] ?? '');
        keys.add(value);
      }
    },
  });
  return { doc, lineOf };
}

/**
 * Parses a YAML file whose top level is a mapping, keeping the line of each
 * top-level key's entries: for a list value, each item's line; for a mapping
 * value, each key's line.
 *
 * @throws {SourceError} on a YAML syntax error or a top level that is not a mapping.
 */
export function parseYamlSections(text: string, file: string): Map<string, LocatedEntry[] | Map<string, LocatedEntry>> {
  const { doc, lineOf } = parseLocated(text, file);
  if (!isMap(doc.contents)) throw new SourceError(file, 1, 'the file must be a YAML mapping', text.split('\n')[0] ?? '');
  const js = doc.toJS() as Record<string, unknown>;
  const sections = new Map<string, LocatedEntry[] | Map<string, LocatedEntry>>();
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = js[key];
    if (isSeq(pair.value)) {
      sections.set(
        key,
        pair.value.items.map((node, i) => ({ line: lineOf(node), value: (value as unknown[])[i] })),
      );
    } else if (isMap(pair.value)) {
      sections.set(
        key,
        new Map(
          pair.value.items.map((p) => {
            const k = String((p.key as { value?: unknown } | null)?.value ?? p.key);
            return [k, { line: lineOf(p.key), value: (value as Record<string, unknown>)[k] }] as const;
          }),
        ),
      );
    } else {
      throw new SourceError(file, lineOf(pair.key), `"${key}" must be a list or a mapping`, key);
    }
  }
  return sections;
}

/**
 * Parses a YAML file whose top level is a list, keeping each entry's line so
 * that later validation errors can point into the file.
 *
 * @throws {SourceError} on a YAML syntax error or a top level that is not a list.
 */
export function parseYamlList(text: string, file: string): LocatedEntry[] {
  const { doc, lineOf } = parseLocated(text, file);
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new SourceError(file, 1, 'the file must be a YAML list', text.split('\n')[0] ?? '');
  // toJS resolves anchors and aliases; the nodes keep the source offsets.
  const values = doc.toJS() as unknown[];
  return doc.contents.items.map((node, i) => ({ line: lineOf(node), value: values[i] }));
}

/**
 * Parses a YAML file whose top level is a mapping of plain values, keeping each
 * key's line so that validation errors can point into the file. An empty file
 * is an empty mapping.
 *
 * @throws {SourceError} on a YAML syntax error or a top level that is not a mapping.
 */
export function parseYamlMapping(text: string, file: string): Map<string, LocatedEntry> {
  const { doc, lineOf } = parseLocated(text, file);
  if (doc.contents === null) return new Map();
  if (!isMap(doc.contents)) throw new SourceError(file, 1, 'the file must be a YAML mapping', text.split('\n')[0] ?? '');
  const js = doc.toJS() as Record<string, unknown>;
  return new Map(
    doc.contents.items.map((pair) => {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      return [key, { line: lineOf(pair.key), value: js[key] }] as const;
    }),
  );
}
