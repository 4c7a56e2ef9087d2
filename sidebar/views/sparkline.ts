/**
 * A 12-month sparkline per service, drawn as plain SVG (no chart library). The figures are the picture's
 * accessible name (aria-label), not a sentence beside it: a card that repeats its own chart in words is read
 * twice. A month without data is a gap in the line; the month still running is partial, a hollow point
 * reached by a dashed segment, so a few days' figure never reads as a collapse.
 */
import type { TrendsView } from '../../src/api';
import { el } from '../dom';
import { shareText } from '../../src/core/text';

const NS = 'http://www.w3.org/2000/svg';
/** The card's width, so twelve months are far enough apart to read; 100% at the top. */
const W = 240;
const H = 30;
/** The trend charts' first two colours (Okabe–Ito, src/core/monitor/trendChart.ts): items met, availability. */
const SPARK_COLOURS = { met: '#0072B2', availability: '#E69F00' } as const;

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const isPartial = (month: string | undefined): boolean => /\(to date\)$/.test(month ?? '');

/**
 * One measure's line: path segments through the known whole months (a null breaks the line, a lone month is
 * a dot), and the running month apart, dashed from the month before and a hollow point. Values lo..1.
 */
function line(values: ReadonlyArray<number | null>, lo: number, partialAt: number, colour: string, width: number): SVGElement[] {
  const x = (i: number) => 2 + (i * (W - 4)) / Math.max(1, values.length - 1);
  const y = (v: number) => 3 + (H - 6) * (1 - (Math.max(lo, Math.min(1, v)) - lo) / (1 - lo));
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || i === partialAt) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    if (!pen && (i + 1 >= values.length || values[i + 1] === null || i + 1 === partialAt)) d += 'h0.1';
    pen = true;
  });
  const out: SVGElement[] = [svgEl('path', { d, fill: 'none', stroke: colour, 'stroke-width': width, 'stroke-linecap': 'round' })];
  const last = partialAt >= 0 ? values[partialAt] : null;
  if (last !== null && last !== undefined) {
    const before = values[partialAt - 1];
    if (before !== null && before !== undefined) {
      out.push(
        svgEl('line', {
          class: 'partial',
          x1: x(partialAt - 1).toFixed(1),
          y1: y(before).toFixed(1),
          x2: x(partialAt).toFixed(1),
          y2: y(last).toFixed(1),
          stroke: colour,
          'stroke-width': width,
          'stroke-dasharray': '3 2',
        }),
      );
    }
    out.push(
      svgEl('circle', { class: 'partial', cx: x(partialAt).toFixed(1), cy: y(last).toFixed(1), r: 2.5, fill: '#fff', stroke: colour, 'stroke-width': 1.5 }),
    );
  }
  return out;
}

/** "Items met over 12 months: 100% in Dec 2025 to 75% in Nov 2026, lowest 50% in Mar 2026; 4 months with no items." */
export function trendWords(what: string, months: readonly string[], values: ReadonlyArray<number | null>): string {
  const known = values.map((v, i) => [v, i] as const).filter((p): p is readonly [number, number] => p[0] !== null);
  if (known.length === 0) return `${what}: no data in the last 12 months.`;
  const [first, last] = [known[0], known[known.length - 1]];
  const low = known.reduce((a, b) => (b[0] < a[0] ? b : a));
  const gaps = values.length - known.length;
  return (
    `${what} over 12 months: ${shareText(first[0])} in ${months[first[1]]}${known.length > 1 ? ` to ${shareText(last[0])} in ${months[last[1]]}` : ''}` +
    `, lowest ${shareText(low[0])} in ${months[low[1]]}${gaps ? `; ${gaps} month${gaps === 1 ? '' : 's'} without data` : ''}.`
  );
}

/**
 * The sparkline figure for one service: share of items met and availability, each in its colour, with a
 * key; the trend in words is the picture's accessible name.
 */
export function sparkline(t: TrendsView, serviceId: string): HTMLElement | null {
  const s = t.services.find((x) => x.serviceId === serviceId);
  if (!s) return null;
  const words = `${trendWords('Items met', t.months, s.met)} ${trendWords('Availability', t.months, s.availability)}`;
  const svg = svgEl('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': words, class: 'spark' });
  // The foot is the lowest figure's ten points (0% at most, 90% at least), said in the key, so a dip shows.
  const known = [...s.met, ...s.availability].filter((v): v is number => v !== null);
  const lo = known.length ? Math.min(0.9, Math.floor(Math.min(...known) * 10) / 10) : 0;
  const partialAt = isPartial(t.months[t.months.length - 1]) ? t.months.length - 1 : -1;
  for (const y of [3, H - 3]) svg.appendChild(svgEl('line', { x1: 0, x2: W, y1: y, y2: y, stroke: '#e8eaed', 'stroke-width': 1 }));
  for (const node of [...line(s.availability, lo, partialAt, SPARK_COLOURS.availability, 1.2), ...line(s.met, lo, partialAt, SPARK_COLOURS.met, 1.5)])
    svg.appendChild(node);
  const hasPartial = partialAt >= 0 && (s.met[partialAt] !== null || s.availability[partialAt] !== null);
  const key = el(
    'div',
    { class: 'key small', 'aria-hidden': 'true' },
    el('span', { class: 'met' }, 'met'),
    el('span', { class: 'avail' }, 'availability'),
    hasPartial ? el('span', { class: 'part' }, el('i', { class: 'dot' }), 'to date') : null,
    el('span', { class: 'scale' }, `${Math.round(lo * 100)}–100%`),
  );
  return el('div', { class: 'trend' }, svg as unknown as Node, key);
}
