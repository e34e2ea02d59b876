/**
 * What the search page's main thread does on a slow phone: opens
 * /search/?q=社保卡 in Chromium with 4× CPU throttling, then types a second
 * query key by key, while recording a JavaScript CPU profile and a trace.
 * Prints the main thread's time by kind of work (script, style and layout,
 * parsing, GC), its long tasks and their blocking time, and the script time by
 * origin: Pagefind's JavaScript and WebAssembly, and the site's own functions
 * mapped back to their source files through source maps (the site is built
 * for this with source maps, into a temporary folder).
 * Usage: npm run bench:trace [-- QUERY]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { closeBrowser, launch, newPage } from '../tests/harness/driver.ts';
import { buildSite, copyProject } from '../tests/harness/build.ts';
import { serveStatic } from '../tests/harness/static-server.ts';

const QUERY = process.argv[2] ?? '社保卡';
const TYPED = '结婚登记';
const THROTTLE = 4;

// A copy of the project whose Vite build writes source maps: the profile can then name our functions.
const project = copyProject();
const outDir = join(mkdtempSync(join(tmpdir(), 'kstb-trace-')), 'dist');
const config = join(project, 'astro.config.mjs');
writeFileSync(config, readFileSync(config, 'utf8').replace('cssCodeSplit: false', 'cssCodeSplit: false, sourcemap: true'));
const built = buildSite({ root: project, outDir });
if (built.status !== 0) throw new Error(`the build failed:\n${built.output}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Source maps of the built scripts, by URL path. */
const maps = new Map<string, SourceMapConsumer | null>();
function mapFor(url: string): SourceMapConsumer | null {
  const path = new URL(url).pathname;
  if (!maps.has(path)) {
    try {
      maps.set(path, new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${path}.map`), 'utf8'))));
    } catch {
      maps.set(path, null);
    }
  }
  return maps.get(path)!;
}

/** Where a profiled function comes from: our source file and function, Pagefind, the browser, or another script. */
function origin(frame: ProfileNode['callFrame']): { group: string; name: string } {
  const { url, functionName } = frame;
  if (url === '') return { group: functionName.startsWith('(') ? functionName : 'browser built-ins', name: functionName || '(anonymous)' };
  if (url.startsWith('wasm://')) return { group: 'Pagefind WebAssembly', name: functionName };
  if (url.includes('/pagefind/')) return { group: 'Pagefind JavaScript', name: functionName || '(anonymous)' };
  const map = mapFor(url);
  const pos = map?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (pos?.source) {
    const file = pos.source.replace(/^.*\/(src\/)/, '$1').replace(/^.*node_modules\//, '');
    return { group: file, name: `${pos.name ?? functionName ?? '(anonymous)'} ${file}:${pos.line}` };
  }
  return { group: new URL(url).pathname, name: functionName || '(anonymous)' };
}

/** Self and inclusive milliseconds by group and by function. */
function attribute(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const o = origin(byId.get(id)!.callFrame);
    add(self, o.group, ms);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const { name } = origin(byId.get(x)!.callFrame);
      if (!seen.has(name)) add(inclusive, name, ms);
      seen.add(name);
    }
  });
  return { self, inclusive };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: unknown };
}

/** Main-thread tasks and time by kind of work, from the trace. */
function mainThread(events: TraceEvent[]) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 0);
  const kinds = new Map<string, number>();
  const kindOf: Record<string, string> = {
    EvaluateScript: 'script',
    FunctionCall: 'script',
    TimerFire: 'script',
    EventDispatch: 'script',
    'v8.compile': 'compile',
    'v8.compileModule': 'compile',
    'v8.evaluateModule': 'script',
    ParseHTML: 'HTML parsing',
    ParseAuthorStyleSheet: 'style',
    UpdateLayoutTree: 'style',
    Layout: 'layout',
    Paint: 'paint',
    MinorGC: 'GC',
    MajorGC: 'GC',
    'V8.GC_SCAVENGER': 'GC',
  };
  for (const e of onMain) {
    const kind = kindOf[e.name];
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + (e.dur ?? 0) / 1000);
  }
  // What each long task spent its time on: the work events inside it (scripts by URL), largest first.
  const long = tasks
    .filter((t) => t.dur! > 50_000)
    .map((t) => {
      const inside = new Map<string, number>();
      for (const e of onMain) {
        if (e === t || e.ts < t.ts || e.ts + (e.dur ?? 0) > t.ts + t.dur! || e.name === 'RunTask' || e.name.startsWith('ThreadControllerImpl')) continue;
        const data = (e.args as { data?: { url?: string; functionName?: string } } | undefined)?.data;
        const what = data?.url ? `${e.name} ${new URL(data.url).pathname.replace(/.*\//, '')}${data.functionName ? ` ${data.functionName}` : ''}` : e.name;
        inside.set(what, (inside.get(what) ?? 0) + (e.dur ?? 0) / 1000);
      }
      const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 4);
      return { start: t.ts, ms: t.dur! / 1000, top: top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ') };
    });
  return { kinds, long, busy: tasks.reduce((n, t) => n + t.dur! / 1000, 0) };
}

const server = await serveStatic(outDir);
const browser = await launch('chromium');
try {
  const page = await newPage(browser);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] });
  await cdp.send('Profiler.start');
  const started = performance.now();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(QUERY)}`);
  await page.waitForFunction(() => document.getElementById('search-app')?.dataset.state === 'done');
  const firstResults = performance.now() - started;
  await page.waitForNetworkIdle({ idleTime: 500 });
  const { profile: loadProfile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const loadTrace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString()).traceEvents as TraceEvent[];

  // Typing a new query, key by key, as a person would.
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await cdp.send('Profiler.start');
  await page.$eval('#q', (el) => ((el as HTMLInputElement).value = ''));
  await page.type('#q', TYPED, { delay: 150 });
  await page.waitForFunction(
    (q) => document.getElementById('search-app')?.dataset.state === 'done' && location.search.includes(encodeURIComponent(q)),
    {},
    TYPED,
  );
  const { profile: typeProfile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const typeTrace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString()).traceEvents as TraceEvent[];

  const report = (label: string, profile: Profile, trace: TraceEvent[]) => {
    const m = mainThread(trace);
    const blocking = m.long.reduce((n, t) => n + t.ms - 50, 0);
    console.log(`\n== ${label} (4× CPU throttling)`);
    console.log(
      `main thread busy ${m.busy.toFixed(0)} ms; ${m.long.length} long tasks (${m.long.map((t) => t.ms.toFixed(0)).join(', ')} ms), blocking ${blocking.toFixed(0)} ms`,
    );
    for (const t of m.long) console.log(`  ${t.ms.toFixed(0)} ms task: ${t.top}`);
    console.log(
      `by kind: ${[...m.kinds]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
        .join(', ')}`,
    );
    const { self, inclusive } = attribute(profile);
    console.log('script self time by origin:');
    for (const [k, v] of [...self]
      .sort((a, b) => b[1] - a[1])
      .filter(([k]) => k !== '(idle)')
      .slice(0, 14))
      console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
    console.log("the site's functions, inclusive:");
    for (const [k, v] of [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .filter(([k]) => k.includes('src/'))
      .slice(0, 18))
      console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  };
  console.log(`first results of /search/?q=${QUERY} after ${firstResults.toFixed(0)} ms`);
  report(`opening /search/?q=${QUERY}`, loadProfile, loadTrace);
  report(`typing ${TYPED}`, typeProfile, typeTrace);
} finally {
  await closeBrowser(browser);
  await server.close();
  rmSync(project, { recursive: true, force: true });
  rmSync(join(outDir, '..'), { recursive: true, force: true });
}
