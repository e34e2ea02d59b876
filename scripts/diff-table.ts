/**
 * Shows what the newest version of the source table changes, by permanent item id:
 * added, dropped, renamed and moved items, and each cell that really changed.
 * Usage: npm run diff-table [-- OLD.txt NEW.txt]
 * Without arguments it compares the two newest files in seeds/, with the decisions
 * recorded in content/identities.yaml; with two files, as if OLD were the first version.
 */
import { readFileSync } from 'node:fs';
import { INPUT_PATHS, readSeed, seedFiles } from '../src/build/load-catalog.ts';
import { FIELD_LABELS, itemPosition } from '../src/lib/views/format.ts';
import { parseIdentities, type IdentityRecord } from '../src/lib/source/identities.ts';
import { parseSourceTable } from '../src/lib/source/parse-table.ts';
import { formatWarning, SourceError } from '../src/lib/core/source-error.ts';
import { changeCount, type VersionChanges } from '../src/lib/source/table-diff.ts';
import { tableHistory } from '../src/lib/source/version-match.ts';

const BASIS = { recorded: 'recorded in content/identities.yaml', position: 'same position and scenario', lead: 'same scenario and lead' } as const;

/** The changes as the maintainer reviews them: one line per change, cells with before and after. */
function report(c: VersionChanges): string[] {
  const at = (r: { batch: 1 | 2 | 3; number: number }) => itemPosition(r.batch, r.number);
  return [
    `added: ${c.added.length}`,
    ...c.added.map((r) => `  + ${r.id} ${at(r)} ${r.cells.name}`),
    `dropped: ${c.dropped.length}`,
    ...c.dropped.map((r) => `  - ${r.id} (was ${at(r)}) ${r.cells.name}`),
    `renamed: ${c.renamed.length}`,
    ...c.renamed.map((r) => `  ~ ${r.id} ${r.before} → ${r.after} (${BASIS[r.basis]})`),
    `moved: ${c.moved.length}`,
    ...c.moved.map((m) => `  > ${m.id} ${m.name}: ${at(m.from)} → ${at(m.to)}`),
    `changed cells: ${c.changed.length}`,
    ...c.changed.flatMap((x) => [`  ${x.id} ${x.name} ${FIELD_LABELS[x.field]}:`, `    - ${x.before}`, `    + ${x.after}`]),
    `${changeCount(c)} changes` + (c.renumbered ? `; ${c.renumbered} other items keep their ids and order, only their numbers shift` : ''),
  ];
}

const explicit = process.argv.length >= 4 ? process.argv.slice(2, 4) : undefined;
const files = explicit ?? seedFiles('.').slice(-2);
if (files.length < 2) {
  console.error('Need two tables: put the new version in seeds/ beside the old one, or pass OLD.txt NEW.txt.');
  process.exit(2);
}
try {
  // The whole history, so that ids match what the build gives; two explicit files stand alone.
  const chain = explicit ? explicit.map((file) => ({ ...readSeed('.', file) })) : seedFiles('.').map((file) => readSeed('.', file));
  const record: IdentityRecord = explicit
    ? { file: INPUT_PATHS.identities, versions: [] }
    : parseIdentities(readFileSync(INPUT_PATHS.identities, 'utf8'), INPUT_PATHS.identities);
  const history = tableHistory(
    chain.map((s) => ({ file: s.file, sha256: s.sha256, table: parseSourceTable(s.text, s.file) })),
    record,
  );
  const newest = history.versions.at(-1)!;
  console.log(`${files[0]} → ${files[1]} (by permanent id)`);
  for (const line of report(newest.changes!)) console.log(line);
  if (!explicit) for (const w of history.warnings.filter((w) => w.message.startsWith(newest.seed))) console.log(`\n${formatWarning(w)}`);
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(error.message);
  process.exit(1);
}
