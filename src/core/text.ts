/**
 * How figures and dates read wherever a person sees them: documents, findings, the dialog and the panel
 * (which imports this module too), so a figure reads the same everywhere.
 */
import { localDateKey } from './time/zone';

type Figure = number | null | undefined;
const NONE = '—';
const known = (x: Figure): x is number => x !== null && x !== undefined && Number.isFinite(x);
const numberFormats = new Map<number, Intl.NumberFormat>();
/** `x` with thousands separators and at most `digits` decimals. */
function grouped(x: number, digits: number): string {
  let f = numberFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f.format(x);
}

/** A whole number with thousands separators: "1,250". */
export const countText = (n: number): string => grouped(n, 0);

/** "1 finding", "3 findings"; `many` when the plural is not the word with an "s". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Durations as people say them, the one way every surface writes them: under an hour in minutes ("30 min"),
 * else hours to about three figures ("1.75 h", "31.5 h", "142 h", "3,043 h"); a dash when there are none.
 * A target typed as 1.75 h is never shown as another figure; a measured 141.92 h is not shown to the minute.
 */
export function hoursText(h: Figure): string {
  if (!known(h)) return NONE;
  if (h > 0 && Math.round(h * 60) < 60) return `${Math.round(h * 60)} min`;
  const size = Math.abs(h);
  return `${grouped(h, size < 10 ? 2 : size < 100 ? 1 : 0)} h`;
}

/** A 0..1 share as "97.5%" or "100%"; a dash when nothing was measured. */
export const shareText = (x: Figure): string => (known(x) ? `${grouped(x * 100, 1)}%` : NONE);

/** A 0..100 figure, such as a target, as "95%". */
export const percentText = (x: Figure): string => (known(x) ? `${grouped(x, 2)}%` : NONE);

/** "£1,200" for whole pounds, "£1,200.50" otherwise. */
export function moneyText(x: Figure): string {
  if (!known(x)) return NONE;
  const pounds = grouped(x, 2);
  return `£${/\.\d$/.test(pounds) ? `${pounds}0` : pounds}`;
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** "18 November 2026" in the workbook's zone. */
export function longDate(ms: number, timeZone: string): string {
  let f = longDates.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    longDates.set(timeZone, f);
  }
  return f.format(ms);
}

/** "2026-11-18", for document names that sort by date. */
export const isoDate = (ms: number, timeZone: string): string => localDateKey(ms, timeZone);

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-06" (or an ISO date and time) as "6 Nov 2026"; other text as it is. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${SHORT_MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
