/**
 * Weekly hours compared as patterns and day by day over real dates, so closures count: a term-time
 * contract leaves holiday weeks uncovered when a service needs them, a 24x7 one covers everything.
 */
import type { Closure } from './calendar';
import { mergeRanges as merge, subtractRanges as subtract, type WeeklyHours } from './hours';
import { dayOfKey, localDayNumber, MINUTE_MS, utcOffsetMs } from './zone';

type Ranges = Array<[number, number]>;

/** Weekly hours in a zone with their closed dates (a Services hours cell once resolved). */
export interface ZonedHours {
  readonly hours: WeeklyHours;
  readonly timeZone: string;
  readonly closures: readonly Closure[];
}

const DAY_MIN = 1440;
const WEEK_MIN = 7 * DAY_MIN;

/** Monday = 0 for a day number (days since 1970-01-01, a Thursday). */
const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7;

const minutes = (ranges: Ranges): number => ranges.reduce((t, [s, e]) => t + e - s, 0);

/** A pattern moved later by `deltaMin` minutes, wrapping round the week. */
function shiftPattern(h: WeeklyHours, deltaMin: number): WeeklyHours {
  const d = ((Math.round(deltaMin) % WEEK_MIN) + WEEK_MIN) % WEEK_MIN;
  if (d === 0) return h;
  const days: Ranges[] = h.days.map(() => []);
  h.days.forEach((ranges, i) => {
    for (const [s, e] of ranges) {
      let a = (i * DAY_MIN + s + d) % WEEK_MIN;
      let len = e - s;
      while (len > 0) {
        const day = Math.floor(a / DAY_MIN);
        const start = a - day * DAY_MIN;
        const take = Math.min(len, DAY_MIN - start);
        days[day].push([start, start + take]);
        len -= take;
        a = (a + take) % WEEK_MIN;
      }
    }
  });
  return { spec: h.spec, days: days.map(merge) };
}

/** The union of several patterns. */
export function unionPatterns(list: readonly WeeklyHours[]): WeeklyHours {
  const days: Ranges[] = [0, 1, 2, 3, 4, 5, 6].map((i) => merge(list.flatMap((h) => h.days[i].map(([s, e]) => [s, e] as [number, number]))));
  return { spec: list.map((h) => h.spec).join(' + '), days };
}

/** Closed local day numbers of resolved hours. */
function closedDays(h: ZonedHours): Set<number> {
  const out = new Set<number>();
  for (const c of h.closures) {
    let a = dayOfKey(c.from);
    let b = dayOfKey(c.to);
    if (a === undefined || b === undefined) continue;
    if (b < a) [a, b] = [b, a];
    for (let d = a; d <= b; d++) out.add(d);
  }
  return out;
}

/** Hours as seen from another zone: the pattern shifted by the difference in UTC offsets at `at`. */
export function patternIn(h: ZonedHours, timeZone: string, at: number): WeeklyHours {
  if (h.timeZone === timeZone) return h.hours;
  return shiftPattern(h.hours, (utcOffsetMs(at, timeZone) - utcOffsetMs(at, h.timeZone)) / MINUTE_MS);
}

export interface DayByDay {
  /** Hours of need left uncovered over the days compared. */
  readonly uncoveredHours: number;
  /** Days the need had hours but the cover was closed all day. */
  readonly closedDays: number;
  /** Hours of need on those days. */
  readonly closedHours: number;
  /** First such day, as a day number. */
  readonly firstClosedDay: number | undefined;
}

/**
 * `need` against `have` over `days` local dates from `from` (in the need's zone), closures applied to each:
 * what is left uncovered, and how much of that falls on days the cover is closed while the need is not.
 */
export function compareDayByDay(need: readonly ZonedHours[], have: ZonedHours | undefined, timeZone: string, from: number, days: number): DayByDay {
  const needs = need.map((h) => ({ pattern: patternIn(h, timeZone, from), closed: closedDays(h) }));
  const cover = have && { pattern: patternIn(have, timeZone, from), closed: closedDays(have) };
  const first = localDayNumber(from, timeZone);
  let uncovered = 0;
  let closedCount = 0;
  let closedMin = 0;
  let firstClosed: number | undefined;
  for (let d = first; d < first + days; d++) {
    const wd = weekdayOf(d);
    const needToday = merge(needs.flatMap((n) => (n.closed.has(d) ? [] : n.pattern.days[wd].map(([s, e]) => [s, e] as [number, number]))));
    if (needToday.length === 0) continue;
    const coverClosed = !cover || cover.closed.has(d);
    const haveToday = coverClosed ? [] : cover.pattern.days[wd];
    uncovered += minutes(subtract(needToday, haveToday));
    if (coverClosed && cover && cover.pattern.days[wd].length > 0) {
      closedCount++;
      closedMin += minutes(needToday);
      firstClosed ??= d;
    }
  }
  return { uncoveredHours: uncovered / 60, closedDays: closedCount, closedHours: closedMin / 60, firstClosedDay: firstClosed };
}
