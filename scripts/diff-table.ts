/**
 * Shows what a new version of the source table changes, item by item.
 * Usage: npm run diff-table [-- OLD.txt NEW.txt]
 * Without arguments it compares the two newest files in seeds/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { FIELD_LABELS } from '../src/lib/views/format.ts';
import { parseSourceTable } from '../src/lib/source/parse-table.ts';
import { SourceError } from '../src/lib/core/source-error.ts';
import { diffTables } from '../src/lib/source/table-diff.ts';

const seeds = readdirSync('seeds')
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => `seeds/${n}`);
const [oldFile, newFile] = process.argv.length >= 4 ? process.argv.slice(2, 4) : seeds.slice(-2);
if (!oldFile || !newFile) {
  console.error('Need two tables: put the new version in seeds/ beside the old one, or pass OLD.txt NEW.txt.');
  process.exit(2);
}
try {
  const diff = diffTables(parseSourceTable(readFileSync(oldFile, 'utf8'), oldFile), parseSourceTable(readFileSync(newFile, 'utf8'), newFile));
  console.log(`${oldFile} → ${newFile}`);
  console.log(`added: ${diff.added.join(', ') || 'none'}`);
  console.log(`removed: ${diff.removed.join(', ') || 'none'}`);
  console.log(`changed cells: ${diff.changed.length}`);
  for (const c of diff.changed) console.log(`  ${c.id} ${FIELD_LABELS[c.field]}:\n    - ${c.before}\n    + ${c.after}`);
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(error.message);
  process.exit(1);
}
