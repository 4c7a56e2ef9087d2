/**
 * A trend table (a header row, then a label and a share per series per month, blank where there is no figure)
 * drawn as a line chart in SVG text, and said in words. The review document's charts and the Dashboard's
 * charts as the offline pages show them are both drawn here, from the same table the Trends tab holds.
 * A blank is a gap in the line, never a zero; a month with a figure between two gaps is a dot.
 */
import { escapeHtml } from '../html';
import { shareText } from '../text';

/** A trend table as trendTable makes it and a sheet range holds it: '' (or null) where there is no figure. */
export type ChartTable = ReadonlyArray<ReadonlyArray<string | number | null>>;

interface Series { readonly name: string; readonly values: ReadonlyArray<number | undefined> }

/** Sheets' own series colours, so the pictures look alike wherever they are drawn. */
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24', '#5c6bc0', '#f06292', '#00796b', '#c2185b'];
const FONT = 'font-family="Arial, Helvetica, sans-serif"';

const figure = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The month labels and the series with a name; rows past the data (no label, no figure) are left out. */
function seriesOf(table: ChartTable): { labels: string[]; series: Series[] } {
  const [header = [], ...body] = table;
  const rows = body.filter((r) => String(r[0] ?? '').trim() !== '' || r.slice(1).some((v) => figure(v) !== undefined));
  const series = header.slice(1).flatMap((h, k) => {
    const name = String(h ?? '').trim();
    return name ? [{ name, values: rows.map((r) => figure(r[k + 1])) }] : [];
  });
  return { labels: rows.map((r) => String(r[0] ?? '')), series };
}

/** A readable axis: whole steps of 0.1 to 10 points, up to 100% for shares, never below the lowest figure. */
function axisOf(values: number[]): { lo: number; hi: number; step: number } {
  if (values.length === 0) return { lo: 0, hi: 1, step: 0.25 };
  const max = Math.max(...values);
  const hi = max <= 1 ? 1 : max;
  const min = Math.min(...values);
  const lo = Math.min(min, hi - 0.01);
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
    const last = known[known.length - 1];
    const low = known.reduce((a, b) => (b.v < a.v ? b : a));
    const target = ownTarget(s.name);
    const under = target === undefined ? [] : known.filter((p) => p.v < target - 1e-9);
    return `${s.name}: ${shareText(last.v)} in ${labels[last.j]}${low.v < last.v ? `, lowest ${shareText(low.v)} in ${labels[low.j]}` : ''}`
      + `${target === undefined ? '' : under.length ? `, under its target in ${under.map((p) => labels[p.j]).join(', ')}` : ', never under its target'}`
      + `${known.length < labels.length ? ` (figures in ${known.length} of ${labels.length} months)` : ''}`;
  });
  const full = alwaysFull(series);
  const overlap = full.length > 1 ? ` At 100% in every month with a figure, so their lines lie on one another: ${full.map((s) => s.name.replace(/ \(target [^)]*\)$/, '')).join(', ')}.` : '';
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

/**
 * The table as an SVG line chart `width` × `height` px: title, y axis in %, a line and dots per series, and
 * the legend under the plot in up to two columns (so the plot keeps the chart's width). Every text is escaped;
 * the title and the description are the picture's accessible name and description.
 */
export function lineChartSvg(title: string, table: ChartTable, width = 600, height = 320): string {
  const { labels, series } = seriesOf(table);
  const columns = series.length > 1 ? 2 : 1;
  const columnWidth = (width - 24) / columns;
  const chars = Math.floor((columnWidth - 30) / 5.8);
  const legendRows = Math.ceil(series.length / columns);
  const plot = { left: 52, top: 42, right: width - 16, bottom: height - 40 - legendRows * LEGEND_ROW };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const { lo, hi, step } = axisOf(values);
  const x = (j: number) => round(plot.left + ((j + 0.5) * (plot.right - plot.left)) / Math.max(1, labels.length));
  const y = (v: number) => round(plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<title>${escapeHtml(title)}</title>`, `<desc>${escapeHtml(chartDescription(table))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${plot.left}" y="24" font-size="15" fill="#202124">${escapeHtml(title)}</text>`,
  ];
  for (let k = 0; lo + k * step <= hi + 1e-9; k++) {
    const v = lo + k * step;
    out.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(v)}" y2="${y(v)}" stroke="${k === 0 ? '#9aa0a6' : '#e8eaed'}"/>`,
      `<text x="${plot.left - 6}" y="${y(v) + 4}" font-size="11" fill="#5f6368" text-anchor="end">${tickText(v, step)}</text>`);
  }
  labels.forEach((label, j) => {
    const [month, year] = monthLabel(labels, j);
    out.push(`<text x="${x(j)}" y="${plot.bottom + 16}" font-size="11" fill="#5f6368" text-anchor="middle">${escapeHtml(month)}</text>`);
    if (year) out.push(`<text x="${x(j)}" y="${plot.bottom + 30}" font-size="11" fill="#5f6368" text-anchor="middle">${escapeHtml(year)}</text>`);
  });
  if (values.length === 0) {
    out.push(`<text x="${round((plot.left + plot.right) / 2)}" y="${round((plot.top + plot.bottom) / 2)}" font-size="13" fill="#5f6368" text-anchor="middle">No month has a figure yet</text>`);
  }
  series.forEach((s, k) => {
    const stroke = PALETTE[k % PALETTE.length];
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
      if (run.length > 1) out.push(`<polyline fill="none" stroke="${stroke}" stroke-width="2" points="${run.map((p) => `${x(p.j)},${y(p.v)}`).join(' ')}"/>`);
      for (const p of run) out.push(`<circle cx="${x(p.j)}" cy="${y(p.v)}" r="3" fill="${stroke}"><title>${escapeHtml(`${s.name}, ${labels[p.j]}: ${shareText(p.v)}`)}</title></circle>`);
    }
    out.push('</g>');
    const ly = round(plot.bottom + 46 + Math.floor(k / columns) * LEGEND_ROW);
    const lx = round(12 + (k % columns) * columnWidth);
    out.push(`<line x1="${lx}" x2="${lx + 16}" y1="${ly}" y2="${ly}" stroke="${stroke}" stroke-width="2"/>`,
      `<text x="${lx + 22}" y="${ly + 4}" font-size="11" fill="#202124">${escapeHtml(fitName(s.name, chars))}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
