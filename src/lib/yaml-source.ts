import { isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { SourceError } from './source-error.ts';

/** A YAML list entry with the line it starts on, for error messages. */
export interface LocatedEntry {
  line: number;
  value: unknown;
}

/**
 * Parses a YAML file whose top level is a list, keeping each entry's line so
 * that later validation errors can point into the file.
 *
 * @throws {SourceError} on a YAML syntax error or a top level that is not a list.
 */
export function parseYamlList(text: string, file: string): LocatedEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const [error] = doc.errors;
  if (error) {
    const line = lineOf(error.pos[0]);
    throw new SourceError(file, line, `invalid YAML: ${error.message.split('\n')[0]}`, text.split('\n')[line - 1] ?? '');
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new SourceError(file, 1, 'the file must be a YAML list', text.split('\n')[0] ?? '');
  // toJS resolves anchors and aliases; the nodes keep the source offsets.
  const values = doc.toJS() as unknown[];
  return doc.contents.items.map((node, i) => ({
    line: lineOf((node as Node | null)?.range?.[0] ?? 0),
    value: values[i],
  }));
}
