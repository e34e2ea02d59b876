/**
 * A cold, timed build for `npm run bench`: wall time per phase from the build
 * log, and CPU time and peak resident memory of every process of the build
 * (Astro, the search indexer, Pagefind), polled from /proc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The kinds of process a build runs. */
export type ProcessKind = 'astro' | 'indexer' | 'pagefind';

export interface Build {
  outDir: string;
  /** Wall time, seconds. */
  total: number;
  /** Content sync and build set-up, as Astro reports it. */
  setup: number;
  /** Rendering the pages. */
  render: number;
  /** The search index, from the start of the build (NaN for the peer, whose log does not say). */
  index: number;
  /** How long the build waited for the index after the last page. */
  waited: number;
  /** CPU time (s) by kind of process. */
  cpu: Record<ProcessKind, number>;
  /** Peak resident memory (MiB) of the largest process of each kind. */
  rss: Record<ProcessKind, number>;
}

/** Resident memory (MiB), CPU time so far (s) and command line of a live process, from /proc. */
function usage(pid: number): { rss: number; cpu: number; cmd: string } | undefined {
  try {
    // Fields after the command name: utime is the 14th, stime the 15th, rss the 24th (pages).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, rss: (Number(fields[21]) * 4096) / 1048576, cmd };
  } catch {
    return undefined; // the process has just ended
  }
}

/** A process and all its descendants (a child may have been started by any of its threads). */
function tree(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    }
  } catch {
    // ended
  }
  return [pid, ...children.flatMap(tree)];
}

/** Which part of the build a command line is. */
function kindOf(cmd: string): ProcessKind {
  if (cmd.includes('search-index')) return 'indexer';
  if (/pagefind/.test(cmd) && !cmd.includes('astro.mjs')) return 'pagefind';
  return 'astro';
}

/** Polls a process tree until stopped: peak RSS and last CPU time of every process, by kind. */
export function watch(root: number) {
  const seen = new Map<number, { kind: ProcessKind; rss: number; cpu: number }>();
  const timer = setInterval(() => {
    for (const pid of tree(root)) {
      const u = usage(pid);
      if (!u) continue;
      const before = seen.get(pid);
      // Read the kind again each time: just after a fork the child still shows its parent's command line,
      // and an ended process not yet reaped shows none (then the last kind read stands).
      const kind = u.cmd.trim() === '' && before ? before.kind : kindOf(u.cmd);
      seen.set(pid, { kind, rss: Math.max(before?.rss ?? 0, u.rss), cpu: u.cpu });
    }
  }, 100);
  return () => {
    clearInterval(timer);
    // A kind of process never seen (the peer has no indexer) counts as zero.
    const cpu: Record<ProcessKind, number> = { astro: 0, indexer: 0, pagefind: 0 };
    const rss: Record<ProcessKind, number> = { astro: 0, indexer: 0, pagefind: 0 };
    for (const p of seen.values()) {
      cpu[p.kind] += p.cpu;
      rss[p.kind] = Math.max(rss[p.kind], p.rss);
    }
    return { cpu, rss };
  };
}

/** Seconds of an Astro duration such as "262ms", "20.54s" or "1m 5s". */
function seconds(text: string | undefined): number {
  if (!text) return NaN;
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?$/.exec(text.trim());
  if (text.endsWith('ms')) return Number(text.slice(0, -2)) / 1000;
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
}

/**
 * Builds the project in `dir` from cold (no dist, no Astro cache) with `node`
 * running astro.mjs directly, as `npm run build` does.
 */
export async function timedBuild(dir: string, node: string, flags: string[]): Promise<Build> {
  const outDir = join(dir, 'dist');
  for (const cache of ['dist', '.astro', 'node_modules/.astro']) rmSync(join(dir, cache), { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(node, [...flags, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const stop = watch(child.pid!);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const { cpu, rss } = stop();
  if (status !== 0) throw new Error(`build of ${dir} failed:\n${output.slice(-3000)}`);
  const indexed = /indexed \d+ pages in (\d+) ms(?:.*waited (\d+) ms)?/.exec(output);
  return {
    outDir,
    total: (performance.now() - started) / 1000,
    setup: seconds(/Collecting build info\.\.\.\s*\n.*Completed in (.+?)\.?\n/.exec(output)?.[1]),
    render: seconds(/generating static routes[\s\S]*?\n\S+ +✓ Completed in (.+?)\.?\n/.exec(output)?.[1]),
    index: Number(indexed?.[1] ?? NaN) / 1000,
    // Before the index was built alongside the pages, the build waited for all of it.
    waited: Number(indexed?.[2] ?? indexed?.[1] ?? NaN) / 1000,
    cpu,
    rss,
  };
}
