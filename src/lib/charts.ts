/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** Vertical position of the bar's top edge. */
  y: number;
  /** Bar length in chart units. */
  width: number;
}

/** The geometry of a horizontal bar chart, computed at build time. */
export interface BarChartLayout {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  bars: Bar[];
}

/**
 * Lays out a horizontal bar chart: one row per value, bars scaled to the
 * largest value, room on the left for labels (measured in characters, as the
 * labels are Chinese) and on the right for the number.
 */
export function barChartLayout(data: readonly { label: string; value: number }[], options: { width?: number; barHeight?: number; gap?: number; charWidth?: number } = {}): BarChartLayout {
  const { width = 640, barHeight = 24, gap = 10, charWidth = 16 } = options;
  const labelWidth = Math.max(4, ...data.map((d) => [...d.label].length)) * charWidth + 12;
  const numberWidth = 48;
  const max = Math.max(1, ...data.map((d) => d.value));
  const span = width - labelWidth - numberWidth;
  return {
    width,
    height: data.length * (barHeight + gap) + gap,
    labelWidth,
    barHeight,
    bars: data.map((d, i) => ({ label: d.label, value: d.value, y: gap + i * (barHeight + gap), width: Math.round((d.value / max) * span * 10) / 10 })),
  };
}
