/** The figures `npm run bench` keeps for one catalog size, and the SVG chart drawn from them. */

export interface BenchRow {
  items: number;
  /** When it was measured (ISO). */
  measured: string;
  /** Wall time, seconds: total, Astro set-up, rendering, search index (from the build's start), waited for the index. */
  build: { total: number; setup: number; render: number; index: number; waited: number };
  /** CPU seconds by process. */
  cpu: { astro: number; indexer: number; pagefind: number };
  /** Peak resident MiB by process. */
  rss: { astro: number; indexer: number; pagefind: number };
  output: { files: number; pages: number; bytes: number };
  /** Gzipped bytes of the search page and of its first search; first results and query times (ms, 4× CPU throttling). */
  search: { pageBytes: number; searchBytes: number; searchRequests: number; firstResults: number; p50: number; p95: number };
}

interface Series {
  label: string;
  values: (r: BenchRow) => number;
  dash?: string;
}

interface Panel {
  title: string;
  unit: string;
  series: Series[];
  /** A target line, if the issue sets one. */
  limit?: { value: number; label: string };
}

const PANELS: Panel[] = [
  {
    title: 'Build time (wall)',
    unit: 's',
    series: [
      { label: 'total', values: (r) => r.build.total },
      { label: 'rendering', values: (r) => r.build.render, dash: '4 3' },
    ],
  },
  {
    title: 'CPU time',
    unit: 's',
    series: [
      { label: 'Astro', values: (r) => r.cpu.astro },
      { label: 'indexer + Pagefind', values: (r) => r.cpu.indexer + r.cpu.pagefind, dash: '4 3' },
    ],
  },
  {
    title: 'Peak memory per process',
    unit: 'MiB',
    series: [
      { label: 'Astro', values: (r) => r.rss.astro },
      // Zero where the poll missed a short-lived process.
      { label: 'Pagefind', values: (r) => r.rss.pagefind || NaN, dash: '4 3' },
    ],
    limit: { value: 1536, label: '1.5 GiB' },
  },
  {
    title: 'Output size',
    unit: 'MiB',
    series: [{ label: 'all files', values: (r) => r.output.bytes / 1048576 }],
  },
  {
    title: 'Search page + first search (gzip)',
    unit: 'KiB',
    series: [
      { label: 'total', values: (r) => (r.search.pageBytes + r.search.searchBytes) / 1024 },
      { label: 'first search', values: (r) => r.search.searchBytes / 1024, dash: '4 3' },
    ],
    limit: { value: 250, label: '250 KiB' },
  },
  {
    title: 'Query time, 4× CPU throttling',
    unit: 'ms',
    series: [
      { label: 'p95', values: (r) => r.search.p95 },
      { label: 'p50', values: (r) => r.search.p50, dash: '4 3' },
    ],
    limit: { value: 1000, label: '1 s' },
  },
];

const W = 320;
const H = 210;
const M = { left: 52, right: 30, top: 28, bottom: 40 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** One panel: log-scaled item count across, its figures up (from zero). */
function panel(p: Panel, rows: BenchRow[], x0: number, y0: number): string {
  const finite = (v: number) => Number.isFinite(v);
  const xs = rows.map((r) => r.items);
  const lo = Math.log10(Math.min(...xs));
  const hi = Math.log10(Math.max(...xs));
  const all = p.series.flatMap((s) => rows.map(s.values)).filter(finite);
  const top = Math.max(...all, p.limit && p.limit.value <= Math.max(...all) * 1.5 ? p.limit.value : 0) * 1.1 || 1;
  const px = (n: number) => x0 + M.left + ((Math.log10(n) - lo) / (hi - lo || 1)) * (W - M.left - M.right);
  const py = (v: number) => y0 + H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const out = [`<text x="${x0 + M.left}" y="${y0 + 16}" class="title">${esc(p.title)} (${p.unit})</text>`];
  out.push(`<line x1="${px(xs[0]!)}" x2="${px(xs.at(-1)!)}" y1="${py(0)}" y2="${py(0)}" class="axis"/>`);
  // The largest size's label ends at its point, so that the right-hand panels do not clip it.
  for (const n of xs)
    out.push(`<text x="${px(n)}" y="${py(0) + 16}" class="tick" text-anchor="${n === xs.at(-1) ? 'end' : 'middle'}">${n.toLocaleString('en')}</text>`);
  for (const v of [0, top / 2, top]) out.push(`<text x="${x0 + M.left - 6}" y="${py(v) + 4}" class="tick" text-anchor="end">${fmt(v)}</text>`);
  if (p.limit && p.limit.value <= top) {
    out.push(`<line x1="${px(xs[0]!)}" x2="${px(xs.at(-1)!)}" y1="${py(p.limit.value)}" y2="${py(p.limit.value)}" class="limit"/>`);
    out.push(`<text x="${px(xs.at(-1)!)}" y="${py(p.limit.value) - 4}" class="tick" text-anchor="end">target ${esc(p.limit.label)}</text>`);
  }
  p.series.forEach((s, i) => {
    const points = rows.map((r) => [r.items, s.values(r)] as const).filter(([, v]) => finite(v));
    const d = points.map(([n, v], j) => `${j === 0 ? 'M' : 'L'}${px(n).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" class="line"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [n, v] of points)
      out.push(`<circle cx="${px(n).toFixed(1)}" cy="${py(v).toFixed(1)}" r="2.5"><title>${esc(s.label)}: ${fmt(v)} ${p.unit} at ${n} items</title></circle>`);
    const [ln, lv] = points.at(-1) ?? [xs.at(-1)!, 0];
    out.push(`<text x="${px(ln) - 4}" y="${py(lv) + (i === 0 ? -6 : 14)}" class="label" text-anchor="end">${esc(s.label)} ${fmt(lv)}</text>`);
  });
  return out.join('\n');
}

/** The chart of every kept size: six panels, item count (log scale) across. */
export function benchChart(rows: BenchRow[]): string {
  const cols = 3;
  const width = W * cols;
  const height = H * Math.ceil(PANELS.length / cols) + 24;
  const sizes = rows.map((r) => r.items.toLocaleString('en')).join(', ');
  const body = PANELS.map((p, i) => panel(p, rows, (i % cols) * W, Math.floor(i / cols) * H)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d">
<title id="t">npm run bench: cost against catalog size</title>
<desc id="d">Build time, CPU time, peak memory, output size, search bytes and query time for catalogs of ${sizes} items.</desc>
<style>
text { font: 11px system-ui, sans-serif; fill: #222; }
.title { font-weight: 600; font-size: 12px; }
.tick { fill: #555; font-size: 10px; }
.axis { stroke: #888; }
.limit { stroke: #b00; stroke-dasharray: 2 3; }
.line { fill: none; stroke: #1a5fb4; stroke-width: 1.8; }
circle { fill: #1a5fb4; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
${body}
<text x="8" y="${height - 8}" class="tick">Items on a log scale. Measured on a shared 2-core machine: compare shapes and ratios, not absolute times.</text>
</svg>
`;
}
