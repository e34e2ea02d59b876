import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the test run keeps its builds. */
export const TEST_OUTPUT = join(PROJECT_ROOT, '.test-output');

/** The two deployments every site test checks: at the root and under a sub-path. */
export const SITES = {
  root: { dir: join(TEST_OUTPUT, 'root'), base: '/', siteUrl: 'https://kstb.example.org' },
  kstb: { dir: join(TEST_OUTPUT, 'kstb'), base: '/kstb/', siteUrl: 'https://www.example.gov.cn' },
} as const;

export type SiteName = keyof typeof SITES;

/**
 * A default build without SITE_URL, as the README's quick start makes it: a
 * preview. It is built from a copy of the project whose content/site.yaml is
 * tests/fixtures/site.partial.yaml, so that the same build also shows which
 * identity fields appear when set and which stay hidden when empty.
 */
export const PREVIEW_SITE = {
  dir: join(TEST_OUTPUT, 'preview'),
  base: '/',
  siteYaml: join(PROJECT_ROOT, 'tests/fixtures/site.partial.yaml'),
  log: join(TEST_OUTPUT, 'preview-build.log'),
} as const;

/**
 * Node flags of `npm run build`, read from package.json so that tests and
 * benches build exactly as a maintainer does. The heap cap (512 MiB) makes V8
 * collect garbage before the process grows past its targets: 1 GiB at 10,000
 * items and 1.5 GiB at 50,000 (docs/performance.md).
 */
export const BUILD_NODE_FLAGS: string[] = (() => {
  const script = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
  const flags = /^node ((?:--\S+ )*)node_modules\/astro\/bin\/astro\.mjs build$/.exec(script);
  if (!flags) throw new Error(`package.json's build script is not "node [flags] node_modules/astro/bin/astro.mjs build": ${script}`);
  return flags[1]!.split(' ').filter(Boolean);
})();

export interface BuildResult {
  status: number | null;
  output: string;
}

/** What `astro build` for the project at `root` into `outDir` runs: the command, its arguments and its options. */
function buildCommand(options: BuildOptions) {
  const root = options.root ?? PROJECT_ROOT;
  return {
    args: [...BUILD_NODE_FLAGS, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', options.outDir],
    cwd: root,
    env: { ...process.env, BASE_PATH: options.base ?? '/', SITE_URL: options.siteUrl ?? '', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  };
}

/** Where and how to build: the project root (default this project), the output directory, the base path and the public origin. */
export interface BuildOptions {
  root?: string;
  outDir: string;
  base?: string;
  siteUrl?: string;
}

/** Runs `astro build` for the project at `root` into `outDir`, with the site's environment. */
export function buildSite(options: BuildOptions): BuildResult {
  const { args, cwd, env } = buildCommand(options);
  const result = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Like `buildSite`, without blocking, so that several builds can run at once. */
export function buildSiteAsync(options: BuildOptions): Promise<BuildResult> {
  const { args, cwd, env } = buildCommand(options);
  const child = spawn(process.execPath, args, { cwd, env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

/**
 * Copies the project's sources into `dir` (by default a fresh temporary
 * directory), sharing node_modules by symlink, so that a test can change an
 * input and build.
 */
export function copyProject(dir = mkdtempSync(join(tmpdir(), 'kstb-project-'))): string {
  for (const entry of ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  }
  // A node_modules of its own whose entries link to the project's packages: the
  // copy then shares the packages but not Astro's and Vite's caches (the content
  // data store lives in node_modules/.astro), so builds of copies cannot clash.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

/** Every file below `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads a built file as text. */
export function readBuilt(site: SiteName, path: string): string {
  return readFileSync(join(SITES[site].dir, path), 'utf8');
}
