/**
 * A trend table (a header row, then a label and a share per series per month, blank where there is no figure)
 * drawn as a line chart in SVG text, and said in words. The review document's charts and the Dashboard's
 * charts as the offline pages show them are both drawn here, from the same table the Trends tab holds.
 * A blank is a gap in the line, never a zero; a month with a figure between two gaps is a dot. A month still
 * running ("Dec 2026 (to date)") is drawn as partial: a hollow point reached by a dashed segment, so a few
 * days' figure never reads as a collapse.
 */
import { escapeHtml } from '../html';
import { shareText } from '../text';
import { FULL_EVERY_MONTH } from './trends';

/** A trend table as trendTable makes it and a sheet range holds it: '' (or null) where there is no figure. */
export type ChartTable = ReadonlyArray<ReadonlyArray<string | number | null>>;

interface Series {
  readonly name: string;
  readonly values: ReadonlyArray<number | undefined>;
}

/**
 * The lines' colours, in order: Okabe and Ito's palette for colour-blind readers ("Color Universal Design"),
 * the most distinct first and yellow (faint on white) last. The native Sheets charts and the documents' PNG
 * charts are given the same list, so a service has the same colour wherever its line is drawn. A ninth line
 * takes the first colour again with square points.
 */
export const TREND_COLOURS: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

const figure = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The month labels and the series with a name and a figure in some month (a line with nothing to draw has
 * no place in the legend); rows past the data (no label, no figure) are left out.
 */
function seriesOf(table: ChartTable): { labels: string[]; series: Series[] } {
  const [header = [], ...body] = table;
  const rows = body.filter((r) => String(r[0] ?? '').trim() !== '' || r.slice(1).some((v) => figure(v) !== undefined));
  const series = header.slice(1).flatMap((h, k) => {
    const name = String(h ?? '').trim();
    const values = rows.map((r) => figure(r[k + 1]));
    return name && values.some((v) => v !== undefined) ? [{ name, values }] : [];
  });
  return { labels: rows.map((r) => String(r[0] ?? '')), series };
}

/** A month still running, as the trend table labels it ("Dec 2026 (to date)"): its figure is partial. */
const isPartialMonth = (label: string): boolean => /\(to date\)$/.test(label);

/**
 * A readable axis: whole steps of 0.1 to 10 points, up to 100% for shares, its foot a little below the lowest
 * figure (a point on the foot reads as a fall to nothing).
 */
function axisOf(values: number[]): { lo: number; hi: number; step: number } {
  if (values.length === 0) return { lo: 0, hi: 1, step: 0.25 };
  const max = Math.max(...values);
  const hi = Math.max(max, 1);
  const min = Math.min(...values);
  const lo = Math.min(min - (hi - min) * 0.15, hi - 0.01);
  const step = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1].find((s) => (hi - lo) / s <= 5) ?? Math.ceil((hi - lo) / 5);
  return { lo: Math.max(min >= 0 ? 0 : -Infinity, Math.floor(lo / step + 1e-9) * step), hi: Math.ceil(hi / step - 1e-9) * step, step };
}

/** "99.5%" on a fine axis, "100%" where the figure is whole. */
const tickText = (v: number, step: number): string => `${Number((v * 100).toFixed(step < 0.01 ? 1 : 0))}%`;
const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * "Dec" and, under each January, the year; under the first month too unless a January follows at once (a
 * narrow chart has no room for two years side by side, and "Dec" before "Jan 2026" says its year).
 */
function monthLabel(labels: readonly string[], j: number): [string, string] {
  const m = /^(\w{3}) (\d{4})( \(to date\))?$/.exec(labels[j]);
  if (!m) return [labels[j], ''];
  // A running month's tick says "to date" under it (its year shows only when it is January or the first).
  return [m[1], m[1] === 'Jan' || (j === 0 && !/^Jan /.test(labels[1] ?? '')) ? m[2] : m[3] ? 'to date' : ''];
}

/** A series' own target when its name says one ("Email (target 99%)"); a range ("85–95%") is not one figure. */
const ownTarget = (name: string): number | undefined => {
  const m = /\(target (\d+(?:\.\d+)?)%\)$/.exec(name);
  return m ? Number(m[1]) / 100 : undefined;
};

/** Lines at 100% in every month they have a figure: drawn on top of one another, so the words must say so. */
const alwaysFull = (series: readonly Series[]): Series[] =>
  series.filter((s) => s.values.some((v) => v !== undefined) && s.values.every((v) => v === undefined || v >= 1));

/**
 * What the chart shows, in words: the span, and per line its latest figure, its lowest, the months under its
 * own target and its gaps; and which lines lie on one another at 100%.
 */
export function chartDescription(table: ChartTable): string {
  const { labels, series } = seriesOf(table);
  if (labels.length === 0) return 'No months to show.';
  const span = `${labels[0]} to ${labels[labels.length - 1]}`;
  if (!series.some((s) => s.values.some((v) => v !== undefined))) return `${span}: no month has a figure yet.`;
  const said = series.map((s) => {
    const known = s.values.flatMap((v, j) => (v === undefined ? [] : [{ v, j }]));
    if (known.length === 0) return `${s.name}: no figures`;
    const some = known.length < labels.length ? ` (figures in ${known.length} of ${labels.length} months)` : '';
    if (s.name.endsWith(FULL_EVERY_MONTH)) return `${s.name}${some}`;
    const last = known[known.length - 1];
    const low = known.reduce((a, b) => (b.v < a.v ? b : a));
    const target = ownTarget(s.name);
    const under = target === undefined ? [] : known.filter((p) => p.v < target - 1e-9);
    return (
      `${s.name}: ${shareText(last.v)} in ${labels[last.j]}${low.v < last.v ? `, lowest ${shareText(low.v)} in ${labels[low.j]}` : ''}` +
      `${target === undefined ? '' : under.length ? `, under its target in ${under.map((p) => labels[p.j]).join(', ')}` : ', never under its target'}` +
      some
    );
  });
  const full = alwaysFull(series);
  const overlap =
    full.length > 1
      ? ` At 100% in every month with a figure, so their lines lie on one another: ${full.map((s) => s.name.replace(/ \(target [^)]*\)$/, '')).join(', ')}.`
      : '';
  return `${span}, one line per service, each named with its own target; a month without figures is a gap. ${said.join('; ')}.${overlap}`;
}

/** A legend entry that fits `chars` characters: the service name is shortened, never its target. */
function fitName(name: string, chars: number): string {
  if (name.length <= chars) return name;
  const m = /^(.*?)( \(target [^)]*\))$/.exec(name);
  const [head, tail] = m ? [m[1], m[2]] : [name, ''];
  return `${head.slice(0, Math.max(4, chars - tail.length - 1)).trimEnd()}…${tail}`;
}

const LEGEND_ROW = 16;

/** A legend entry in one column: up to two lines, broken between words, the second shortened if need be. */
function legendLines(name: string, chars: number): string[] {
  if (name.length <= chars) return [name];
  const cut = name.lastIndexOf(' ', chars);
  if (cut <= 0) return [fitName(name, chars)];
  const rest = name.slice(cut + 1);
  return [name.slice(0, cut), fitName(rest, chars)];
}

/** A point: a dot, hollow for a running month; a ninth line and on take squares. */
function point(cx: number, cy: number, colour: string, square: boolean, partial: boolean, title: string): string {
  const paint = partial ? `fill="#fff" stroke="${colour}" stroke-width="2"` : `fill="${colour}"`;
  const shape = square
    ? `<rect x="${round(cx - 3)}" y="${round(cy - 3)}" width="6" height="6" ${paint}>`
    : `<circle cx="${cx}" cy="${cy}" r="${partial ? 3.5 : 3}" ${paint}>`;
  return `${shape}<title>${escapeHtml(title)}</title></${square ? 'rect' : 'circle'}>`;
}

/**
 * The table as an SVG line chart `width` × `height` px: title, y axis in %, a line and dots per series, and
 * the legend under the plot in up to two columns (one when a name would not fit half the width), so the plot
 * keeps the chart's width. A running month's point is hollow and reached by a dashed segment, and the legend
 * says what that means. Every text is escaped; the title and the description are the picture's accessible
 * name and description.
 */
export function lineChartSvg(title: string, table: ChartTable, width = 600, height = 320): string {
  const { labels, series } = seriesOf(table);
  const partialAt = labels.findIndex(isPartialMonth);
  const drawsPartial = partialAt >= 0 && series.some((s) => s.values[partialAt] !== undefined);
  const entries = series.length + (drawsPartial ? 1 : 0);
  const halfChars = Math.floor(((width - 24) / 2 - 30) / 5.8);
  const columns = entries > 1 && series.every((s) => s.name.length <= halfChars) ? 2 : 1;
  const columnWidth = (width - 24) / columns;
  const chars = Math.floor((columnWidth - 30) / 5.8);
  // Each entry's text lines and its first legend row: two columns of one line each, or one column whose long
  // names take two lines (a name is never cut while a second line can hold it).
  const texts = series.map((s) => (columns === 1 ? legendLines(s.name, chars) : [fitName(s.name, chars)]));
  const rowOf: number[] = [];
  texts.forEach((_, k) => {
    rowOf.push(columns === 2 ? Math.floor(k / 2) : k === 0 ? 0 : rowOf[k - 1] + texts[k - 1].length);
  });
  const partialRow = columns === 2 ? Math.floor(series.length / 2) : series.length === 0 ? 0 : rowOf[series.length - 1] + texts[series.length - 1].length;
  const legendRows = drawsPartial ? partialRow + 1 : series.length === 0 ? 0 : columns === 2 ? Math.ceil(series.length / 2) : partialRow;
  const plot = { left: 52, top: 42, right: width - 16, bottom: height - 40 - legendRows * LEGEND_ROW };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const { lo, hi, step } = axisOf(values);
  const x = (j: number) => round(plot.left + ((j + 0.5) * (plot.right - plot.left)) / Math.max(1, labels.length));
  const y = (v: number) => round(plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<title>${escapeHtml(title)}</title>`,
    `<desc>${escapeHtml(chartDescription(table))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${plot.left}" y="24" font-size="15" fill="#202124">${escapeHtml(title)}</text>`,
  ];
  for (let k = 0; lo + k * step <= hi + 1e-9; k++) {
    const v = lo + k * step;
    out.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${y(v)}" y2="${y(v)}" stroke="${k === 0 ? '#9aa0a6' : '#e8eaed'}"/>`,
      `<text x="${plot.left - 6}" y="${y(v) + 4}" font-size="11" fill="#5f6368" text-anchor="end">${tickText(v, step)}</text>`,
    );
  }
  labels.forEach((_, j) => {
    const [month, year] = monthLabel(labels, j);
    out.push(`<text x="${x(j)}" y="${plot.bottom + 16}" font-size="11" fill="#5f6368" text-anchor="middle">${escapeHtml(month)}</text>`);
    if (year) out.push(`<text x="${x(j)}" y="${plot.bottom + 30}" font-size="11" fill="#5f6368" text-anchor="middle">${escapeHtml(year)}</text>`);
  });
  if (values.length === 0) {
    out.push(
      `<text x="${round((plot.left + plot.right) / 2)}" y="${round((plot.top + plot.bottom) / 2)}" font-size="13" fill="#5f6368" text-anchor="middle">No month has a figure yet</text>`,
    );
  }
  const legendAt = (k: number) => ({
    lx: round(12 + (k < series.length ? k % columns : columns === 2 ? series.length % 2 : 0) * columnWidth),
    ly: round(plot.bottom + 46 + (k < series.length ? rowOf[k] : partialRow) * LEGEND_ROW),
  });
  series.forEach((s, k) => {
    const stroke = TREND_COLOURS[k % TREND_COLOURS.length];
    const square = k >= TREND_COLOURS.length;
    // Runs of consecutive months with figures: each is a line, a run of one a dot.
    const runs: Array<Array<{ j: number; v: number }>> = [];
    s.values.forEach((v, j) => {
      if (v === undefined) return;
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1].j === j - 1) run.push({ j, v });
      else runs.push([{ j, v }]);
    });
    out.push(`<g class="series" data-series="${escapeHtml(s.name)}">`);
    for (const run of runs) {
      // The segment into a running month is dashed: its figure is of the days so far.
      const whole = run[run.length - 1].j === partialAt ? run.slice(0, -1) : run;
      if (whole.length > 1)
        out.push(`<polyline fill="none" stroke="${stroke}" stroke-width="2" points="${whole.map((p) => `${x(p.j)},${y(p.v)}`).join(' ')}"/>`);
      if (whole.length < run.length && whole.length > 0) {
        const [a, b] = run.slice(-2);
        out.push(
          `<line class="partial" x1="${x(a.j)}" y1="${y(a.v)}" x2="${x(b.j)}" y2="${y(b.v)}" stroke="${stroke}" stroke-width="2" stroke-dasharray="4 3"/>`,
        );
      }
      for (const p of run) out.push(point(x(p.j), y(p.v), stroke, square, p.j === partialAt, `${s.name}, ${labels[p.j]}: ${shareText(p.v)}`));
    }
    out.push('</g>');
    const { lx, ly } = legendAt(k);
    out.push(
      `<line x1="${lx}" x2="${lx + 16}" y1="${ly}" y2="${ly}" stroke="${stroke}" stroke-width="2"/>`,
      ...texts[k].map((line, i) => `<text x="${lx + 22}" y="${ly + 4 + i * LEGEND_ROW}" font-size="11" fill="#202124">${escapeHtml(line)}</text>`),
    );
  });
  if (drawsPartial) {
    const { lx, ly } = legendAt(series.length);
    const [month] = labels[partialAt].split(' ');
    out.push(
      `<line x1="${lx}" x2="${lx + 12}" y1="${ly}" y2="${ly}" stroke="#5f6368" stroke-width="2" stroke-dasharray="4 3"/>`,
      `<circle cx="${lx + 14}" cy="${ly}" r="3.5" fill="#fff" stroke="#5f6368" stroke-width="2"/>`,
      `<text x="${lx + 22}" y="${ly + 4}" font-size="11" fill="#5f6368">${escapeHtml(fitName(`${month} to date: may still change`, chars))}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}
