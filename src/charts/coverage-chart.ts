/**
 * The geometry of a coverage chart (articles per month, a line per language), drawn at build
 * time: d3-scale places months and counts and picks the count ticks, d3-shape writes the
 * paths and marker shapes. The page turns it into inline SVG; nothing runs in the browser.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { Lang } from '../schemas/article.ts';
import type { CoverageFacts } from '../lib/coverage.ts';

/**
 * The SVG's own units. A viewBox this narrow keeps its 11-unit text at about 11 px on a 360 px
 * phone, where the chart fills the width; the stylesheet caps its width on a desktop (30rem,
 * text about 16 px there).
 */
export const CHART = { width: 320, height: 170, top: 8, right: 50, bottom: 30, left: 26, fontSize: 11 } as const;

/** At most this many month labels fit under the plot at 11 units. */
const MAX_MONTH_LABELS = 6;
/** Months between labels: the first that keeps to MAX_MONTH_LABELS; quarters and years line up with the calendar. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;
/** Direct labels at a line's end stay this far apart, so two close lines keep legible names. */
const LABEL_GAP = 12;

/**
 * How a language's line looks besides its colour, so series stay apart in print, in greyscale
 * and for readers who do not tell the colours apart: a dash pattern and a marker shape.
 */
export const SERIES_STYLE: Record<Lang, { dash?: string; marker: SymbolType }> = {
  fr: { marker: symbolCircle },
  ru: { dash: '6 3', marker: symbolSquare },
  el: { dash: '2 2', marker: symbolTriangle },
};

/** Marker area, in square units (d3-shape's size). */
const MARKER_SIZE = 22;

export interface ChartGeometry {
  /** One column per month, the full plot height: the link target of months with articles. */
  columns: { month: string; x: number; width: number; total: number }[];
  /** Count gridlines, whole numbers only. */
  yTicks: { value: number; y: number }[];
  /** Months labelled under the plot; `year` when the label should name its year too. */
  xTicks: { month: string; x: number; year: boolean }[];
  series: { lang: Lang; d: string; marker: string; dash?: string }[];
  /** Where each line's name is written, beside its last point, kept apart from the others. */
  labels: { lang: Lang; x: number; y: number }[];
  plot: { top: number; bottom: number; left: number; right: number };
}

const round = (n: number): number => Math.round(n * 10) / 10;

export function chartGeometry(facts: CoverageFacts): ChartGeometry {
  const plot = { top: CHART.top, bottom: CHART.height - CHART.bottom, left: CHART.left, right: CHART.width - CHART.right };
  const months = facts.months.map((m) => m.month);
  const x = scaleBand<string>().domain(months).range([plot.left, plot.right]);
  const max = Math.max(1, ...facts.months.flatMap((m) => facts.langs.map((lang) => m.byLang[lang] ?? 0)));
  const y = scaleLinear().domain([0, max]).nice(4).range([plot.bottom, plot.top]);
  const centre = (month: string): number => (x(month) ?? 0) + x.bandwidth() / 2;

  const step: number = MONTH_STEPS.find((k) => Math.ceil(months.length / k) <= MAX_MONTH_LABELS) ?? Math.max(...MONTH_STEPS);
  const onStep = (month: string): boolean => {
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    return step < 12 ? (m - 1) % step === 0 : m === 1 && year % (step / 12) === 0;
  };
  let ticked = months.filter(onStep);
  // A short range can miss every step (Feb to Mar with quarterly steps): label its first month.
  if (ticked.length === 0 && months[0] !== undefined) ticked = [months[0]];

  const path = line<number>()
    .x((_, i) => centre(months[i] as string))
    .y((n) => y(n))
    .digits(1);
  const series = facts.langs.map((lang) => {
    const counts = facts.months.map((m) => m.byLang[lang] ?? 0);
    const style = SERIES_STYLE[lang];
    return {
      lang,
      d: path(counts) ?? '',
      marker: symbol(style.marker, MARKER_SIZE)() ?? '',
      ...(style.dash ? { dash: style.dash } : {}),
    };
  });

  const ends = facts.langs
    .map((lang) => ({ lang, x: round(plot.right + 6), y: y(facts.months[facts.months.length - 1]?.byLang[lang] ?? 0) + CHART.fontSize / 3 }))
    .sort((a, b) => a.y - b.y);
  // Push each name below the one above it, then the whole stack up if it ran past the plot.
  ends.forEach((end, i) => {
    const above = ends[i - 1];
    if (above) end.y = Math.max(end.y, above.y + LABEL_GAP);
  });
  const overflow = (ends[ends.length - 1]?.y ?? 0) - (plot.bottom + CHART.fontSize / 3);
  if (overflow > 0) for (const end of ends) end.y -= overflow;

  return {
    columns: facts.months.map((m) => ({ month: m.month, x: round(x(m.month) ?? 0), width: round(x.bandwidth()), total: m.total })),
    yTicks: y
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ value, y: round(y(value)) })),
    xTicks: ticked.map((month, i) => ({ month, x: round(centre(month)), year: i === 0 || month.endsWith('-01') })),
    series,
    labels: ends.map((end) => ({ ...end, y: round(end.y) })),
    plot,
  };
}
