import { inferredCountMark, withMark } from './item-view.ts';
/** One row of a bar chart: its label above a bar, and the page it links to. */
export interface Bar {
  label: string;
  value: number;
  /** Site-relative path of the page the bar opens. */
  path: string;
  /** Top of the row. */
  y: number;
  /** Bar length in chart units. */
  width: number;
}

/** The geometry of a horizontal bar chart, computed at build time. */
export interface BarChartLayout {
  width: number;
  height: number;
  rowHeight: number;
  barHeight: number;
  fontSize: number;
  bars: Bar[];
}

/**
 * Lays out a horizontal bar chart for a narrow screen: each label sits above
 * its bar, so labels never squeeze the bars, and the chart is drawn at about
 * phone width (360 units) so that its text stays at least 12 px when scaled to
 * a 320 px screen. Bars are scaled to the largest value, leaving room for the number.
 */
export function barChartLayout(
  data: readonly { label: string; value: number; path: string }[],
  options: { width?: number; fontSize?: number } = {},
): BarChartLayout {
  const { width = 360, fontSize = 16 } = options;
  const barHeight = 16;
  const rowHeight = fontSize + barHeight + 16;
  const numberWidth = 64;
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    width,
    height: data.length * rowHeight,
    rowHeight,
    barHeight,
    fontSize,
    bars: data.map((d, i) => ({ ...d, y: i * rowHeight, width: Math.round((d.value / max) * (width - numberWidth) * 10) / 10 })),
  };
}

/** The overview's three series: items per batch (in order), per lead bureau and per topic (biggest first), each bar linking to its page. */
export function overviewSeries(input: {
  batches: readonly { batch: number; label: string; deadline: string }[];
  bureaus: readonly { slug: string; name: string }[];
  topics: readonly { slug: string; name: string }[];
  views: {
    byBatch: readonly { batch: number; items: readonly unknown[] }[];
    bureauCounts: ReadonlyMap<string, { lead: number; inferred?: { lead: number } }>;
    topicCounts: ReadonlyMap<string, number>;
  };
  paths: { batch(n: number): string; bureau(slug: string): string; topic(slug: string): string };
}): Record<'byBatch' | 'byLead' | 'byTopic', { label: string; value: number; path: string }[]> {
  const { views, paths } = input;
  const biggestFirst = (a: { value: number }, b: { value: number }) => b.value - a.value;
  return {
    byBatch: input.batches.map((b) => ({
      label: `${b.label}（${b.deadline}）`,
      value: views.byBatch.find((g) => g.batch === b.batch)?.items.length ?? 0,
      path: paths.batch(b.batch),
    })),
    byLead: input.bureaus
      .map((b) => {
        const counts = views.bureauCounts.get(b.slug);
        // A bar that counts inferred leads says so, as every count on the site does.
        return { label: withMark(b.name, inferredCountMark(counts?.inferred?.lead ?? 0)), value: counts?.lead ?? 0, path: paths.bureau(b.slug) };
      })
      .filter((bar) => bar.value > 0)
      .sort(biggestFirst),
    byTopic: input.topics.map((t) => ({ label: t.name, value: views.topicCounts.get(t.slug) ?? 0, path: paths.topic(t.slug) })).sort(biggestFirst),
  };
}
