/** How figures read in the panel: percentages, hours, dates and counts as a person says them. */
import type { Rag } from '../src/core/attainment/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A share 0..1 as a percentage with one decimal when it is not whole ("97.2%", "100%"); "—" when there is none. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** A target given as 0..100. */
export const targetPercent = (pct: number | null | undefined): string => (pct === null || pct === undefined ? '—' : `${pct}%`);

/**
 * Working hours as people say them: "30 min", "4 h" (working days are not known here, so hours above 24
 * stay hours). The space is a no-break space, so a line never ends between the figure and its unit.
 */
export function hours(h: number): string {
  if (h < 1) return `${Math.round(h * 60)}\u00a0min`;
  const r = Math.round(h * 10) / 10;
  return `${r}\u00a0h`;
}

/** "2026-11-06" → "6 Nov 2026"; other text is returned as it is. */
export function dateText(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** The local date a day after "YYYY-MM-DD" (an inclusive "to" date as the exclusive end the server wants). */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

/** The day before "YYYY-MM-DD" (an exclusive end shown as the last day included). */
export function previousDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** A period's dates as the last day included: "3 Sep 2026 to 18 Dec 2026". */
export function spanText(start: string, end: string): string {
  const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  if (!isDay(start) || !isDay(end)) return `${start} to ${end}`;
  return `${dateText(start)} to ${dateText(previousDay(end))}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The CSS class of a status badge. */
export const ragClass = (rag: Rag | null): string =>
  rag === 'Met' ? 'badge met' : rag === 'At risk' ? 'badge at-risk' : rag === 'Breached' ? 'badge breached' : 'badge none';

/** A status in words, for screen readers and for people who cannot tell the colours apart. */
export const ragText = (rag: Rag | null): string => rag ?? 'Not measured';
