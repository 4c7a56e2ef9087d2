/** Wording of dates, hours and shares in documents. */
import { localDateKey } from '../time/zone';

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

const trim = (x: number, digits: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

/** Working hours as people say them: "30 min", "4 h", "1.5 h". */
export function hoursText(h: number | undefined): string {
  if (h === undefined) return '—';
  if (h > 0 && h < 1) return `${trim(h * 60, 0)} min`;
  return `${trim(h, 2)} h`;
}

/** A 0..1 share as "97.5%"; a dash when nothing was measured. */
export const shareText = (x: number | undefined): string => (x === undefined ? '—' : `${trim(x * 100, 1)}%`);

/** A 0..100 figure as "95%". */
export const percentText = (x: number | undefined): string => (x === undefined ? '—' : `${trim(x, 2)}%`);

export const moneyText = (x: number | undefined): string =>
  x === undefined ? '—' : `£${x.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;

export { plural } from '../values';

/** "a, b and c". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Compares versions such as "1.10" and "1.9" part by part; text parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-]/);
  const pb = b.split(/[.\-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}
