/**
 * Makes the Starlight peer that `npm run bench -- --peer DIR` builds alternately
 * with ours: the generator in scripts/peer/ run on the project's table, the
 * peer's astro pinned to the exact version installed here, then `npm install`.
 * Usage: npm run bench:peer -- DIR [--items N]   (default 2000 items; keep DIR outside the repository)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { INPUT_PATHS, pickSeedFile } from '../src/build/load-catalog.ts';
import { PROJECT_ROOT } from '../tests/harness/build.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { items: { type: 'string', default: '2000' } } });
const [target] = positionals;
if (!target || !/^[1-9]\d*$/.test(values.items)) {
  console.error('usage: npm run bench:peer -- DIR [--items N]');
  process.exit(2);
}
const dir = resolve(target);
const seed = join(PROJECT_ROOT, INPUT_PATHS.seeds, pickSeedFile(readdirSync(join(PROJECT_ROOT, INPUT_PATHS.seeds)))!);
const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
};

run(process.execPath, [join(PROJECT_ROOT, 'scripts/peer/starlight-gen.mjs'), seed, dir, '--items', values.items], PROJECT_ROOT);
// The same Astro on both sides: a ratio across Astro versions would measure Astro, not this project.
const astro = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
const manifest = join(dir, 'package.json');
const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> };
pkg.dependencies.astro = astro;
writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
run('npm', ['install', '--no-audit', '--no-fund'], dir);
console.log(`peer of ${values.items} items on astro ${astro} in ${dir}; compare with: npm run bench -- --peer ${target} --rounds 3`);
