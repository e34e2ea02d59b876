/**
 * An error in one of the build's input files, located precisely enough for a
 * maintainer to open the file at the offending line.
 */
export class SourceError extends Error {
  /** Path of the input file, relative to the project root. */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
  /** The offending text, as it stands in the file. */
  readonly text: string;

  constructor(file: string, line: number, problem: string, text: string) {
    super(`${file}:${line}: ${problem}\n    ${JSON.stringify(text)}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.text = text;
  }

  /**
   * The one way to report a schema failure: the first Zod issue's path and
   * message, at the entry's line, with the entry's value.
   */
  static fromZod(
    file: string,
    line: number,
    what: string,
    error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
    value: unknown,
  ): SourceError {
    const issue = error.issues[0];
    const path = issue?.path.map(String).join('.') || 'entry';
    return new SourceError(file, line, `${what}: ${path}: ${issue?.message ?? 'invalid'}`, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/**
 * A problem in an input that does not stop the build but that a maintainer must
 * act on (a new item without topics, a table version not yet recorded): printed
 * by the build, naming the file and line to edit.
 */
export interface SourceWarning {
  /** Path of the file to edit, relative to the project root. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** What to do, in one sentence or a block to paste. */
  message: string;
}

/** A warning as the build prints it, located like a {@link SourceError}. */
export function formatWarning(warning: SourceWarning): string {
  return `warning: ${warning.file}:${warning.line}: ${warning.message}`;
}
