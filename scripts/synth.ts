/**
 * Writes a buildable copy of the project whose table has N synthetic items, so
 * that anyone can reproduce the scale figures of `npm run bench`.
 * Usage: npm run synth -- N DIR, then: cd DIR && npm run build
 * DIR shares this project's node_modules by symlink, so run `npm ci` here first.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/build/load-catalog.ts';
import { synthesizeTable } from '../src/lib/source/synthetic-table.ts';
import { copyProject, PROJECT_ROOT } from '../tests/harness/build.ts';

/**
 * Copies the project into `dir` (a fresh temporary directory if omitted) and,
 * unless `size` is the real table's, replaces its table with a synthetic one
 * of `size` items and the matching topics file. Returns the directory.
 */
export function synthesizeProject(size: number, dir?: string): string {
  const catalog = loadCatalog(PROJECT_ROOT);
  const out = copyProject(dir);
  if (size !== catalog.items.length) {
    const header = readFileSync(join(PROJECT_ROOT, 'content/topics.yaml'), 'utf8').split('\nitems:')[0]!;
    const { seed, topics } = synthesizeTable(catalog, size, header);
    // Sorts after the real seed, so the catalog picks it (pickSeedFile takes the last by name).
    writeFileSync(join(out, 'seeds/999_synthetic.txt'), seed);
    writeFileSync(join(out, 'content/topics.yaml'), topics);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, target] = process.argv.slice(2);
  const size = Number(count);
  if (!Number.isInteger(size) || size < 1 || !target) {
    console.error('usage: npm run synth -- N DIR   (N items, DIR new or empty)');
    process.exit(2);
  }
  const dir = resolve(target);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} is not empty; give a new or empty directory`);
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  synthesizeProject(size, dir);
  console.log(`wrote a ${size}-item copy of the project to ${dir}; build it with: cd ${target} && npm run build`);
}
