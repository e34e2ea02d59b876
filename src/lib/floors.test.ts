/**
 * The floors of src/lib, enforced. A module may import modules of its own floor
 * and of the floors below, never of a floor above; src/lib imports nothing that
 * is bound to Astro or to Node, so that the search page's scripts (src/client)
 * can import any of it. docs/architecture.md quotes FLOORS and describes these rules.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The floors of src/lib, bottom first: the folders on each. */
const FLOORS: readonly (readonly string[])[] = [
  // The shared vocabulary: the source error, YAML with line numbers, batches, remarks, cities.
  ['core'],
  // Reading the inputs (the table, corrections, related items, lexicon) and the statements register.
  ['source', 'facts'],
  // The model (buildCatalog) and what pages show of it.
  ['catalog', 'views'],
  // Search and the files beyond pages.
  ['search', 'publish'],
];

const NODE_BUILTINS = new Set(builtinModules);

/** The floor of a path under src/lib/ (0 is the bottom), or undefined when it is on none. */
function floorOf(path: string): number | undefined {
  const match = /^src\/lib\/([^/]+)\//.exec(path);
  if (!match) return undefined;
  const floor = FLOORS.findIndex((folders) => folders.includes(match[1]!));
  return floor < 0 ? undefined : floor;
}

/** Why an import of a file under src/lib or src/client is not allowed, or undefined when it is. */
function forbidden(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!)) return 'Node-bound';
  if (specifier.startsWith('astro:') || specifier.startsWith('@astrojs/') || (/^astro(\/|$)/.test(specifier) && specifier !== 'astro/zod'))
    return 'Astro-bound';
  if (specifier.includes('?')) return 'bound to Vite (an import with a query)';
  if (!specifier.startsWith('.')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  if (from.startsWith('src/client/')) {
    return target.startsWith('src/lib/') || target.startsWith('src/client/') ? undefined : `outside src/lib and src/client (${target})`;
  }
  if (!target.startsWith('src/lib/')) return `outside src/lib (${target})`;
  const [own, theirs] = [floorOf(from)!, floorOf(target)];
  if (theirs === undefined) return `on no floor (${target})`;
  return theirs > own ? `a floor up (${target})` : undefined;
}

/**
 * Every forbidden import among the modules given (project paths to source text), as
 * `file: specifier (reason)`. Checked: modules of src/lib and src/client, tests aside (a
 * test beside a module runs in Node and may read files); every static import, `export …
 * from`, `import type` and `import()`; and `import.meta.env`, which only Vite defines.
 */
function floorViolations(modules: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of modules) {
    if (file.endsWith('.test.ts') || !/^src\/(lib|client)\//.test(file)) continue;
    if (file.startsWith('src/lib/') && floorOf(file) === undefined) problems.push(`${file}: on no floor of src/lib`);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const reason = forbidden(file, fileName);
      if (reason) problems.push(`${file}: ${fileName} (${reason})`);
    }
    if (file.startsWith('src/lib/') && /\bimport\.meta\.env\b/.test(text)) problems.push(`${file}: import.meta.env (bound to Vite)`);
  }
  return problems;
}

/** The project's modules under src/lib and src/client, by project path. */
function projectModules(): Map<string, string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const modules = new Map<string, string>();
  for (const dir of ['src/lib', 'src/client'])
    for (const path of readdirSync(root + dir, { recursive: true, encoding: 'utf8' }))
      if (path.endsWith('.ts')) modules.set(`${dir}/${path}`, readFileSync(`${root}${dir}/${path}`, 'utf8'));
  return modules;
}

describe('the floors of src/lib', () => {
  it('holds in the tree: no import goes up a floor, or from src/lib or src/client into Astro- or Node-bound code', () => {
    const modules = projectModules();
    assert.ok(modules.has('src/lib/core/source-error.ts') && modules.has('src/client/search-worker.ts'), 'reads the real tree');
    assert.deepEqual(floorViolations(modules), []);
  });

  it('fails on a module graph with an upward import, and names the file, the import and why', () => {
    const fixture = new Map([
      ['src/lib/core/ok.ts', "import { z } from 'astro/zod';\nimport { parse } from 'yaml';\n"],
      ['src/lib/source/reads.ts', "import { ok } from '../core/ok.ts';\nimport { references } from '../facts/references.ts';\n"],
      ['src/lib/catalog/model.ts', "import type { Entry } from '../search/lexicon.ts';\n"],
      ['src/lib/views/late.ts', "export async function terms() {\n  return import('../search/terms.ts');\n}\n"],
      ['src/lib/core/reexport.ts', "export { buildCatalog } from '../catalog/catalog.ts';\n"],
      ['src/lib/facts/reads-files.ts', "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\n"],
      ['src/lib/publish/astro.ts', "import { getCollection } from 'astro:content';\nimport { getSiteData } from '../../astro/site-data.ts';\n"],
      ['src/lib/search/built.ts', "import { loadCatalog } from '../../build/load-catalog.ts';\nimport text from '../../../content/site.yaml?raw';\n"],
      ['src/lib/search/env.ts', 'export const base = import.meta.env.BASE_URL;\n'],
      ['src/lib/misc.ts', "import { ok } from './core/ok.ts';\n"],
      ['src/lib/views/off-floor.ts', "import { misc } from '../misc.ts';\n"],
      ['src/lib/core/ok.test.ts', "import { readFileSync } from 'node:fs';\nimport { realInputs } from '../../../tests/harness/inputs.ts';\n"],
      ['src/client/page.ts', "import { engine } from '../lib/search/engine.ts';\nimport { fonts } from '../build/share-fonts.ts';\n"],
    ]);
    assert.deepEqual(floorViolations(fixture), [
      'src/lib/catalog/model.ts: ../search/lexicon.ts (a floor up (src/lib/search/lexicon.ts))',
      'src/lib/views/late.ts: ../search/terms.ts (a floor up (src/lib/search/terms.ts))',
      'src/lib/core/reexport.ts: ../catalog/catalog.ts (a floor up (src/lib/catalog/catalog.ts))',
      'src/lib/facts/reads-files.ts: node:fs (Node-bound)',
      'src/lib/facts/reads-files.ts: path (Node-bound)',
      'src/lib/publish/astro.ts: astro:content (Astro-bound)',
      'src/lib/publish/astro.ts: ../../astro/site-data.ts (outside src/lib (src/astro/site-data.ts))',
      'src/lib/search/built.ts: ../../build/load-catalog.ts (outside src/lib (src/build/load-catalog.ts))',
      'src/lib/search/built.ts: ../../../content/site.yaml?raw (bound to Vite (an import with a query))',
      'src/lib/search/env.ts: import.meta.env (bound to Vite)',
      'src/lib/misc.ts: on no floor of src/lib',
      'src/lib/views/off-floor.ts: ../misc.ts (on no floor (src/lib/misc.ts))',
      'src/client/page.ts: ../build/share-fonts.ts (outside src/lib and src/client (src/build/share-fonts.ts))',
    ]);
  });
});
