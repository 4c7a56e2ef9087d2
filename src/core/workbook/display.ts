import { isDate } from '../values';
import { DAY_MS, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, isValidTimeZone, utcOffsetMs } from '../time/zone';

const formatters = new Map<string, Intl.DateTimeFormat>();

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date outside the supported years as Sheets shows it (proleptic Gregorian; Intl switches to the Julian
 * calendar before 1582), at the zone's offset of the nearest supported year.
 */
function formatFar(ms: number, timeZone: string, withTime: boolean): string {
  const near = ms < MIN_SUPPORTED_MS ? MIN_SUPPORTED_MS + DAY_MS : MAX_SUPPORTED_MS - DAY_MS;
  // To the nearest minute: local mean time offsets hold seconds that no typed date has.
  const d = new Date(Math.round((ms + (isValidTimeZone(timeZone) ? utcOffsetMs(near, timeZone) : 0)) / 60_000) * 60_000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** "2025-03-04 09:15" in the given zone, for messages. */
export function formatLocal(ms: number, timeZone: string, withTime = true): string {
  if (!(ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS) || !isValidTimeZone(timeZone)) return formatFar(ms, timeZone, withTime);
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  return withTime ? `${date} ${p.hour}:${p.minute}` : date;
}

/** A raw cell value as the user would recognise it. */
export const displayValue = (v: unknown, timeZone: string): string =>
  isDate(v) ? formatLocal(v.getTime(), timeZone) : v === null || v === undefined ? '' : String(v);
