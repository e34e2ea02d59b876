/**
 * Writes a buildable copy of the project whose table has N synthetic items
 * across M fictional cities, so that anyone can reproduce the scale figures of
 * `npm run bench`. The copy's site name says it is synthetic on every page.
 * Usage: npm run synth -- N DIR [--cities M], then: cd DIR && npm run build
 * DIR shares this project's node_modules by symlink, so run `npm ci` here first.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { INPUT_PATHS, readCatalogInputs, readFirstVersionInputs, readSeed, seedFiles } from '../src/build/load-catalog.ts';
import { buildCatalog } from '../src/lib/catalog/catalog.ts';
import { synthesizeTable, SYNTHETIC_SITE_NAME } from '../src/lib/catalog/synthetic-table.ts';
import { copyProject, PROJECT_ROOT } from '../tests/harness/build.ts';

/**
 * Copies the project into `dir` (a fresh temporary directory if omitted) and,
 * unless `size` is the real table's, replaces its table with a synthetic one
 * of `size` items over `cities` fictional cities (default one per copy of the
 * table), with their bureaus, related groups and topics, and renames the site
 * as synthetic. Returns the directory.
 */
export function synthesizeProject(size: number, dir?: string, cities?: number): string {
  // The base is the first recorded table: the curated files key its rows by the positions the synthetic copies keep.
  const catalog = buildCatalog(readFirstVersionInputs(PROJECT_ROOT));
  const out = copyProject(dir);
  if (size !== catalog.items.length) {
    const header = readFileSync(join(PROJECT_ROOT, INPUT_PATHS.topics), 'utf8').split('\nitems:')[0]!;
    const synthetic = synthesizeTable(catalog, size, header, readCatalogInputs(PROJECT_ROOT).related, { cities });
    // A synthetic table is another table, not a new version of the real one: it is the copy's only seed,
    // recorded as its first version, so that its ids are its positions as the synthetic topics expect.
    for (const file of seedFiles(out)) rmSync(join(out, file));
    const seedFile = `${INPUT_PATHS.seeds}/999_synthetic.txt`;
    writeFileSync(join(out, seedFile), synthetic.seed);
    const { sha256 } = readSeed(out, seedFile);
    const identities = readFileSync(join(out, INPUT_PATHS.identities), 'utf8').split('\nversions:')[0]!;
    const source = join(out, INPUT_PATHS.source);
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^( {2}received:) .*$/m, `$1 ${catalog.info.received}`));
    writeFileSync(
      join(out, INPUT_PATHS.identities),
      `${identities}\nversions:\n  - seed: ${seedFile}\n    sha256: ${sha256}\n    received: ${catalog.info.received}\n`,
    );
    writeFileSync(join(out, INPUT_PATHS.topics), synthetic.topics);
    writeFileSync(join(out, INPUT_PATHS.facets), synthetic.facets);
    appendFileSync(join(out, INPUT_PATHS.bureaus), synthetic.bureaus);
    appendFileSync(join(out, INPUT_PATHS.related), synthetic.related);
    const site = join(out, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^name: .*$/m, `name: ${SYNTHETIC_SITE_NAME}`));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { cities: { type: 'string' } } });
  const [count, target] = positionals;
  const size = Number(count);
  const cities = values.cities === undefined ? undefined : Number(values.cities);
  if (!Number.isInteger(size) || size < 1 || !target || (cities !== undefined && !(Number.isInteger(cities) && cities >= 1))) {
    console.error('usage: npm run synth -- N DIR [--cities M]   (N items over M fictional cities, DIR new or empty)');
    process.exit(2);
  }
  const dir = resolve(target);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} is not empty; give a new or empty directory`);
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  synthesizeProject(size, dir, cities);
  console.log(`wrote a ${size}-item synthetic copy of the project to ${dir}; build it with: cd ${target} && npm run build`);
}
