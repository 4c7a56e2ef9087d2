/**
 * A 12-month sparkline per service, drawn as plain SVG (no chart library), with the same trend said in words
 * beside it for screen readers and anyone who would rather read. A month without data is a gap in the line.
 */
import type { TrendsView } from '../../src/api';
import { el } from '../dom';
import { shareText } from '../../src/core/text';

const NS = 'http://www.w3.org/2000/svg';
/** The card's width, so twelve months are far enough apart to read; 100% at the top. */
const W = 240;
const H = 30;

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Path segments through the known points; a null breaks the line, and a lone month is a dot. Values lo..1, lo at the foot. */
function pathOf(values: ReadonlyArray<number | null>, lo: number): string {
  const x = (i: number) => 2 + (i * (W - 4)) / Math.max(1, values.length - 1);
  const y = (v: number) => 2 + (H - 4) * (1 - (Math.max(lo, Math.min(1, v)) - lo) / (1 - lo));
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    if (!pen && (i + 1 >= values.length || values[i + 1] === null)) d += 'h0.1';
    pen = true;
  });
  return d;
}

/** "Items met over 12 months: 100% in Dec 2025 to 75% in Nov 2026, lowest 50% in Mar 2026; 4 months with no items." */
export function trendWords(what: string, months: readonly string[], values: ReadonlyArray<number | null>): string {
  const known = values.map((v, i) => [v, i] as const).filter((p): p is readonly [number, number] => p[0] !== null);
  if (known.length === 0) return `${what}: no data in the last 12 months.`;
  const [first, last] = [known[0], known[known.length - 1]];
  const low = known.reduce((a, b) => (b[0] < a[0] ? b : a));
  const gaps = values.length - known.length;
  return `${what} over 12 months: ${shareText(first[0])} in ${months[first[1]]}${known.length > 1 ? ` to ${shareText(last[0])} in ${months[last[1]]}` : ''}`
    + `, lowest ${shareText(low[0])} in ${months[low[1]]}${gaps ? `; ${gaps} month${gaps === 1 ? '' : 's'} without data` : ''}.`;
}

/** The sparkline figure for one service: share of items met (solid) and availability (dashed). */
export function sparkline(t: TrendsView, serviceId: string): HTMLElement | null {
  const s = t.services.find((x) => x.serviceId === serviceId);
  if (!s) return null;
  const svg = svgEl('svg', { width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'aria-hidden': 'true', class: 'spark' });
  // The foot is the lowest figure's ten points (0% at most, 90% at least), said in the key, so a dip shows.
  const known = [...s.met, ...s.availability].filter((v): v is number => v !== null);
  const lo = known.length ? Math.min(0.9, Math.floor(Math.min(...known) * 10) / 10) : 0;
  for (const y of [2, H - 2]) svg.appendChild(svgEl('line', { x1: 0, x2: W, y1: y, y2: y, stroke: '#e8eaed', 'stroke-width': 1 }));
  svg.appendChild(svgEl('path', { d: pathOf(s.met, lo), fill: 'none', stroke: '#1a73e8', 'stroke-width': 1.5, 'stroke-linecap': 'round' }));
  svg.appendChild(svgEl('path', { d: pathOf(s.availability, lo), fill: 'none', stroke: '#188038', 'stroke-width': 1.2, 'stroke-dasharray': '3 2', 'stroke-linecap': 'round' }));
  const key = el('div', { class: 'key small', 'aria-hidden': 'true' }, el('span', { class: 'met' }, 'items met'), el('span', { class: 'avail' }, 'availability'),
    el('span', { class: 'scale' }, `${Math.round(lo * 100)}–100%`));
  return el('div', { class: 'trend' }, svg as unknown as Node, key,
    el('span', { class: 'gray small' }, trendWords('Items met', t.months, s.met), ' ', trendWords('Availability', t.months, s.availability)));
}
