import { isDate } from '../values';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2025-03-04 09:15" in the given zone, for messages. */
export function formatLocal(ms: number, timeZone: string, withTime = true): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
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
