/**
 * A deliberately simple working-time reference for tests: steps minute by minute and asks Intl for the wall
 * clock of each minute. Slow, and independent of the engine's day tables and offset cache.
 */
import type { Closure } from '../../../src/core/time/calendar';
import type { WeeklyHours } from '../../../src/core/time/hours';

const MIN = 60_000;
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

interface Wall {
  date: string;
  weekday: number;
  minute: number;
}

const walls = new Map<string, Map<number, Wall>>();
const formats = new Map<string, Intl.DateTimeFormat>();

function wallOf(ms: number, tz: string): Wall {
  let cache = walls.get(tz);
  if (!cache) {
    cache = new Map();
    walls.set(tz, cache);
  }
  let w = cache.get(ms);
  if (w) return w;
  let fmt = formats.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(tz, fmt);
  }
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(ms)) p[part.type] = part.value;
  w = { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAY[p.weekday], minute: Number(p.hour) * 60 + Number(p.minute) };
  cache.set(ms, w);
  return w;
}

function inside(ms: number, hours: WeeklyHours, closures: Closure[], tz: string): boolean {
  const w = wallOf(ms, tz);
  if (closures.some((c) => c.from <= w.date && w.date <= c.to)) return false;
  return hours.days[w.weekday].some(([s, e]) => s <= w.minute && w.minute < e);
}

/** Working ms of [a, b): every whole-minute cell of the wall clock is either all in the hours or all out. */
export function referenceWorkingMs(hours: WeeklyHours, closures: Closure[], tz: string, a: number, b: number): number {
  let total = 0;
  for (let m = Math.floor(a / MIN) * MIN; m < b; m += MIN) {
    if (inside(m, hours, closures, tz)) total += Math.min(m + MIN, b) - Math.max(m, a);
  }
  return total;
}
