/**
 * Working time and due instants over weekly hours, closures and a time zone.
 *
 * The calendar keeps, for every local day of the span it has been asked about, the UTC instant of the
 * day's start, its working windows as UTC instants, and the working time before it (a prefix sum). Working
 * time between two instants is then the difference of two look-ups, each O(1); the span grows in chunks of
 * at least a year, in either direction, when an instant falls outside it, and starts afresh around an instant
 * far from it. A span longer than about two years is not tabled day by day: its whole days are summed by the
 * week, less closed days, plus the exact difference made on each day next to a clock change (found a month
 * at a time, in blocks of about eleven years kept for later questions). So no question takes more than a few
 * milliseconds, whatever its dates.
 */
import type { WeeklyHours } from './hours';
import {
  DAY_MS,
  MAX_SUPPORTED_MS,
  MIN_SUPPORTED_MS,
  checkSupported,
  dayOfKey,
  daysFromCivil,
  localDayNumber,
  segmentIndex,
  transitionsBetween,
  zoneAround,
  zoneOf,
  type ZoneTable,
} from './zone';

export type { WeeklyHours } from './hours';

/** Local dates "YYYY-MM-DD", inclusive, on which the calendar is closed all day. */
export interface Closure {
  from: string;
  to: string;
}

export interface ServiceCalendar {
  /** Milliseconds of [a, b) inside the hours and outside closures; 0 when b <= a. */
  workingMs(a: number, b: number): number;
  /**
   * First instant t >= a with workingMs(a, t) = durationMs. `a` itself for 0; Infinity when the calendar has
   * no working time left before 2400; NaN for a negative or non-numeric duration.
   */
  dueMs(a: number, durationMs: number): number;
}

const MIN_DAY = daysFromCivil(1800, 1, 1);
const MAX_DAY = daysFromCivil(2400, 1, 1);
const CHUNK_DAYS = 366;
/** Spans longer than this are summed by the week rather than tabled day by day. */
const LONG_DAYS = 2 * CHUNK_DAYS;
const LONG_MS = LONG_DAYS * DAY_MS;
/** A due instant further than this many days past the tables built is found by the week. */
const DUE_TABLE_DAYS = CHUNK_DAYS;
/** Days per block of clock-change corrections. */
const BLOCK_DAYS = 4096;
const MINUS_INFINITY = -1 / 0;
/** A module constant: the global `Infinity` is a slow look-up in a vm realm. */
const INFINITY = 1 / 0;

/**
 * The first instant at which the wall clock shows `minute` of `day` or later. A time shown twice gives its first
 * showing; a time the clocks skip gives the instant of the change (the first showing of a later time).
 */
function wallInstant(day: number, minute: number, z: ZoneTable): number {
  const local = day * DAY_MS + minute * 60_000;
  if (z.fixed) return local;
  const kBefore = segmentIndex(z, local - 1.5 * DAY_MS);
  const kAfter = segmentIndex(z, local + 1.5 * DAY_MS);
  const at = z.at;
  const offs = z.offs;
  for (let k = kBefore; k <= kAfter; k++) {
    const u = local - offs[k];
    if (u >= at[k] && (k + 1 >= at.length || u < at[k + 1])) return u;
    if (k < kAfter && u >= at[k + 1] && local - offs[k + 1] < at[k + 1]) return at[k + 1];
  }
  return local - offs[kBefore];
}

/**
 * The instants of [dayStart, next) whose wall-clock time lies in the ranges, as sorted, merged [start, end)
 * pairs. Worked out per stretch of constant offset, so a range the clocks go back through counts twice and
 * a range they skip counts only what the clock actually showed.
 */
function windowsOf(day: number, dayStart: number, next: number, ranges: Array<[number, number]>, z: ZoneTable): number[] {
  const local0 = day * DAY_MS;
  const kFirst = segmentIndex(z, dayStart);
  const kLast = z.fixed ? kFirst : segmentIndex(z, next - 1);
  const out: number[] = [];
  if (kFirst === kLast) {
    // One offset all day (every day but a clock change's): the ranges, already sorted and apart, shifted.
    const off = z.fixed ? 0 : z.offs[kFirst];
    for (let i = 0; i < ranges.length; i++) {
      const lo = local0 + ranges[i][0] * 60_000 - off;
      const hi = local0 + ranges[i][1] * 60_000 - off;
      const a = lo > dayStart ? lo : dayStart;
      const b = hi < next ? hi : next;
      if (b > a) out.push(a, b);
    }
    return out;
  }
  const raw: Array<[number, number]> = [];
  for (let k = kFirst; k <= kLast; k++) {
    const off = z.offs[k];
    const segLo = z.at[k] > dayStart ? z.at[k] : dayStart;
    const segHi = k + 1 >= z.at.length || z.at[k + 1] > next ? next : z.at[k + 1];
    for (const [s, e] of ranges) {
      const lo = local0 + s * 60_000 - off;
      const hi = local0 + e * 60_000 - off;
      const a = lo > segLo ? lo : segLo;
      const b = hi < segHi ? hi : segHi;
      if (b > a) raw.push([a, b]);
    }
  }
  if (raw.length > 1) raw.sort((x, y) => x[0] - y[0]);
  for (const [lo, hi] of raw) {
    if (out.length > 0 && lo <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}

/** Clock-change corrections of a block of days: the days (sorted), and the running sum of their corrections before each. */
interface Block {
  readonly days: Int32Array;
  readonly before: Float64Array;
}

class Calendar implements ServiceCalendar {
  private firstDay = 0;
  private n = 0;
  private start = new Float64Array(1);
  private cum = new Float64Array(1);
  private wIdx = new Int32Array(1);
  private ws = new Float64Array(0);
  private we = new Float64Array(0);
  private lo = Infinity;
  private hi = -Infinity;
  private readonly zone: ZoneTable;
  private readonly days: WeeklyHours['days'];
  /** Working ms of each weekday (0 = Monday) while the clocks do not change, and of a week. */
  private readonly dayMs = new Float64Array(7);
  private readonly weekMs: number;
  private readonly blocks = new Map<number, Block>();

  constructor(
    hours: WeeklyHours,
    private readonly closedFrom: number[],
    private readonly closedTo: number[],
    timeZone: string,
  ) {
    this.zone = zoneOf(timeZone);
    this.days = hours.days.map((d) => d.map(([s, e]) => [s, e] as [number, number]));
    let week = 0;
    this.days.forEach((ranges, w) => {
      for (const [s, e] of ranges) this.dayMs[w] += (e - s) * 60_000;
      week += this.dayMs[w];
    });
    this.weekMs = week;
  }

  workingMs(a: number, b: number): number {
    if (b <= a) return 0;
    if (!(a >= this.lo && b < this.hi)) {
      if (a !== a || b !== b) return NaN;
      if (b - a > LONG_MS) return this.longWorkingMs(a, b);
      this.ensure(a);
      this.ensure(b);
    }
    return this.cumAt(b) - this.cumAt(a);
  }

  dueMs(a: number, durationMs: number): number {
    if (!(durationMs >= 0) || a !== a) return NaN;
    if (durationMs === 0) return a;
    if (durationMs === INFINITY) return INFINITY;
    this.ensure(a);
    let target = this.cumAt(a) + durationMs;
    while (this.cum[this.n] < target) {
      if (this.firstDay + this.n >= MAX_DAY) return INFINITY;
      if (this.n - this.dayIndex(a) >= DUE_TABLE_DAYS) return this.longDueMs(a, durationMs);
      this.build(this.firstDay, Math.min(MAX_DAY, this.firstDay + this.n + Math.max(CHUNK_DAYS, this.n)));
      target = this.cumAt(a) + durationMs;
    }
    const cum = this.cum;
    let lo = this.dayIndex(a);
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    let run = cum[lo];
    for (let k = this.wIdx[lo], end = this.wIdx[lo + 1]; k < end; k++) {
      const len = this.we[k] - this.ws[k];
      if (run + len >= target) {
        const t = this.ws[k] + (target - run);
        return t > a ? t : a;
      }
      run += len;
    }
    return this.start[lo + 1];
  }

  /** Working ms of [a, b) over a long span: the two end days exactly, the whole days between by the week. */
  private longWorkingMs(a: number, b: number): number {
    checkSupported(a);
    checkSupported(b);
    const za = this.zoneNear(a);
    const zb = this.zoneNear(b);
    const dA = localDay(a, za);
    const dB = localDay(b, zb);
    return this.dayPart(dA, a, INFINITY, za) + this.wholeDays(dA + 1, dB) + this.dayPart(dB, MINUS_INFINITY, b, zb);
  }

  /** The zone's offsets for the few days around t only (an end of a long span): no year is scanned for them. */
  private zoneNear(t: number): ZoneTable {
    if (this.zone.fixed) return this.zone;
    const margin = 4 * DAY_MS;
    const lo = t - margin > MIN_SUPPORTED_MS - DAY_MS ? t - margin : MIN_SUPPORTED_MS - DAY_MS;
    const hi = t + margin < MAX_SUPPORTED_MS + DAY_MS ? t + margin : MAX_SUPPORTED_MS + DAY_MS;
    return zoneAround(this.zone.name, t, margin, transitionsBetween(this.zone.name, lo, hi));
  }

  /** dueMs past the day tables' reach: whole days by the week until the day the time runs out in, then its tables. */
  private longDueMs(a: number, durationMs: number): number {
    const za = this.zoneNear(a);
    const dA = localDay(a, za);
    const rest = durationMs - this.dayPart(dA, a, INFINITY, za);
    const x = dA + 1;
    // Gallop to a day by which the time has run out, then halve down to the first such day.
    let lo = x;
    let hi = x + CHUNK_DAYS;
    while (this.wholeDays(x, Math.min(hi, MAX_DAY)) < rest) {
      if (hi >= MAX_DAY) return INFINITY;
      lo = hi;
      hi = x + 2 * (hi - x);
    }
    hi = Math.min(hi, MAX_DAY);
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1);
      if (this.wholeDays(x, mid) >= rest) hi = mid;
      else lo = mid;
    }
    // The time runs out on day hi - 1: walk its windows.
    const day = hi - 1;
    let left = rest - this.wholeDays(x, day);
    const z = this.zoneNear(day * DAY_MS);
    const dayStart = wallInstant(day, 0, z);
    const next = wallInstant(day + 1, 0, z);
    const pieces = windowsOf(day, dayStart, next, this.days[this.weekday(day)], z);
    for (let k = 0; k < pieces.length; k += 2) {
      const len = pieces[k + 1] - pieces[k];
      if (len >= left) return pieces[k] + left;
      left -= len;
    }
    return next;
  }

  private weekday(day: number): number {
    // Day 0 (1970-01-01) was a Thursday; index 0 is Monday.
    return (((day + 3) % 7) + 7) % 7;
  }

  private isClosed(day: number): boolean {
    const to = this.closedTo;
    let lo = 0;
    let hi = to.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (to[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo < to.length && this.closedFrom[lo] <= day;
  }

  /** Working ms of local day `day` inside [from, to), with the offsets of zone table `z`. */
  private dayPart(day: number, from: number, to: number, z: ZoneTable): number {
    const ranges = this.days[this.weekday(day)];
    if (ranges.length === 0 || this.isClosed(day)) return 0;
    const dayStart = wallInstant(day, 0, z);
    const next = wallInstant(day + 1, 0, z);
    if (!(next > dayStart)) return 0;
    const pieces = windowsOf(day, dayStart, next, ranges, z);
    let w = 0;
    for (let k = 0; k < pieces.length; k += 2) {
      const lo = pieces[k] > from ? pieces[k] : from;
      const hi = pieces[k + 1] < to ? pieces[k + 1] : to;
      if (hi > lo) w += hi - lo;
    }
    return w;
  }

  /** Working ms of days [x, y) as if the clocks never changed, closures ignored. */
  private nominal(x: number, y: number): number {
    if (y <= x) return 0;
    const weeks = Math.floor((y - x) / 7);
    let total = weeks * this.weekMs;
    for (let d = x + weeks * 7; d < y; d++) total += this.dayMs[this.weekday(d)];
    return total;
  }

  /** Working ms of the whole local days [x, y): by the week, less closed days, plus each clock change's difference. */
  private wholeDays(x: number, y: number): number {
    if (y <= x) return 0;
    let total = this.nominal(x, y);
    const from = this.closedFrom;
    const to = this.closedTo;
    for (let c = 0; c < from.length; c++) {
      const f = from[c] > x ? from[c] : x;
      const t = to[c] + 1 < y ? to[c] + 1 : y;
      if (t > f) total -= this.nominal(f, t);
    }
    if (this.zone.fixed) return total;
    const kFirst = Math.floor(x / BLOCK_DAYS);
    const kLast = Math.floor((y - 1) / BLOCK_DAYS);
    this.fillBlocks(kFirst, kLast);
    for (let k = kFirst; k <= kLast; k++) {
      const b = this.blocks.get(k)!;
      const n = b.days.length;
      const i = x > k * BLOCK_DAYS ? lowerBound(b.days, x) : 0;
      const j = y < (k + 1) * BLOCK_DAYS ? lowerBound(b.days, y) : n;
      total += b.before[j] - b.before[i];
    }
    return total;
  }

  /**
   * Blocks kFirst..kLast of clock-change corrections, those not made yet: for each open day with a clock change,
   * its exact working time less its working time by the week. Each run of missing blocks is searched for clock
   * changes in one go, so last year's rule carries from one block into the next.
   */
  private fillBlocks(kFirst: number, kLast: number): void {
    for (let k = kFirst; k <= kLast; k++) {
      if (this.blocks.has(k)) continue;
      let e = k;
      while (e < kLast && !this.blocks.has(e + 1)) e++;
      const first = Math.max(k * BLOCK_DAYS, MIN_DAY);
      const end = Math.min((e + 1) * BLOCK_DAYS, MAX_DAY);
      const lo = Math.max(first * DAY_MS - 2 * DAY_MS, MIN_SUPPORTED_MS);
      const hi = Math.min(end * DAY_MS + 2 * DAY_MS, MAX_SUPPORTED_MS);
      const known = transitionsBetween(this.zone.name, lo, hi);
      // Only the day a clock change falls in differs from its working time by the week: the local day of the
      // change read with the offset before it and with the offset after it (the same day, unless at midnight).
      const near = new Set<number>();
      for (let t = 0; t < known.at.length; t++) {
        for (const off of [known.before[t], known.after[t]]) {
          const d = Math.floor((known.at[t] + off) / DAY_MS);
          if (d >= first && d < end) near.add(d);
        }
      }
      const days: number[] = [];
      const corrections: number[] = [];
      for (const day of [...near].sort((p, q) => p - q)) {
        if (this.isClosed(day) || this.days[this.weekday(day)].length === 0) continue;
        const z = zoneAround(this.zone.name, day * DAY_MS, 4 * DAY_MS, known);
        const diff = this.dayPart(day, MINUS_INFINITY, INFINITY, z) - this.dayMs[this.weekday(day)];
        if (diff !== 0) {
          days.push(day);
          corrections.push(diff);
        }
      }
      // Split into the blocks of the run.
      let i = 0;
      for (let b = k; b <= e; b++) {
        const blockEnd = (b + 1) * BLOCK_DAYS;
        const j0 = i;
        while (i < days.length && days[i] < blockEnd) i++;
        const before = new Float64Array(i - j0 + 1);
        for (let q = j0; q < i; q++) before[q - j0 + 1] = before[q - j0] + corrections[q];
        this.blocks.set(b, { days: Int32Array.from(days.slice(j0, i)), before });
      }
      k = e;
    }
  }

  /** Index of the local day holding t; t must be inside the built span. */
  private dayIndex(t: number): number {
    const start = this.start;
    let i = ((t - this.lo) / DAY_MS) | 0; // t >= lo, so truncating is flooring (and no global look-up, slow in a vm realm)
    if (i >= this.n) i = this.n - 1;
    while (t < start[i]) i--;
    while (t >= start[i + 1]) i++;
    return i;
  }

  /** Working ms from the start of the built span to t. */
  private cumAt(t: number): number {
    const start = this.start;
    let i = ((t - this.lo) / DAY_MS) | 0; // t >= lo, so truncating is flooring (and no global look-up, slow in a vm realm)
    if (i >= this.n) i = this.n - 1;
    while (t < start[i]) i--;
    while (t >= start[i + 1]) i++;
    let w = this.cum[i];
    const ws = this.ws;
    const we = this.we;
    for (let k = this.wIdx[i], end = this.wIdx[i + 1]; k < end; k++) {
      const s = ws[k];
      if (t <= s) break;
      const e = we[k];
      w += (t < e ? t : e) - s;
    }
    return w;
  }

  private ensure(t: number): void {
    if (t >= this.lo && t < this.hi) return;
    checkSupported(t);
    const day = localDayNumber(t, this.zone.name);
    let from: number;
    let to: number;
    // Far from the days built (a typing slip, the far end of a long span): start afresh around it.
    if (this.n === 0 || day < this.firstDay - LONG_DAYS || day >= this.firstDay + this.n + LONG_DAYS) {
      from = day - CHUNK_DAYS;
      to = day + CHUNK_DAYS;
    } else if (t < this.lo) {
      from = Math.min(day - 1, this.firstDay - Math.max(CHUNK_DAYS, this.n));
      to = this.firstDay + this.n;
    } else {
      from = this.firstDay;
      to = Math.max(day + 2, this.firstDay + this.n + Math.max(CHUNK_DAYS, this.n));
    }
    this.build(Math.max(MIN_DAY, from), Math.min(MAX_DAY, to));
  }

  /** (Re)builds the day tables for local days [from, to). */
  private build(from: number, to: number): void {
    const n = to - from;
    const z = this.zone;
    const start = new Float64Array(n + 1);
    const cum = new Float64Array(n + 1);
    const wIdx = new Int32Array(n + 1);
    const ws: number[] = [];
    const we: number[] = [];
    let c = 0;
    while (c < this.closedTo.length && this.closedTo[c] < from) c++;
    let dayStart = wallInstant(from, 0, z);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const day = from + i;
      let next = wallInstant(day + 1, 0, z);
      if (next < dayStart) next = dayStart;
      start[i] = dayStart;
      cum[i] = total;
      wIdx[i] = ws.length;
      while (c < this.closedTo.length && this.closedTo[c] < day) c++;
      const closed = c < this.closedTo.length && this.closedFrom[c] <= day;
      if (!closed && next > dayStart) {
        // Day 0 (1970-01-01) was a Thursday; index 0 is Monday.
        const ranges = this.days[(((day + 3) % 7) + 7) % 7];
        if (ranges.length > 0) {
          const pieces = windowsOf(day, dayStart, next, ranges, z);
          for (let k = 0; k < pieces.length; k += 2) {
            ws.push(pieces[k]);
            we.push(pieces[k + 1]);
            total += pieces[k + 1] - pieces[k];
          }
        }
      }
      dayStart = next;
    }
    start[n] = dayStart;
    cum[n] = total;
    wIdx[n] = ws.length;
    this.firstDay = from;
    this.n = n;
    this.start = start;
    this.cum = cum;
    this.wIdx = wIdx;
    this.ws = Float64Array.from(ws);
    this.we = Float64Array.from(we);
    this.lo = start[0];
    this.hi = start[n];
  }
}

/** Local day number of instant t in zone table z. */
function localDay(t: number, z: ZoneTable): number {
  return Math.floor((t + (z.fixed ? 0 : z.offs[segmentIndex(z, t)])) / DAY_MS);
}

/** Index of the first of the sorted `xs` that is >= v. */
function lowerBound(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function closureDays(closures: Closure[]): { from: number[]; to: number[] } {
  const spans: Array<[number, number]> = [];
  for (const c of closures) {
    const a = dayOfKey(String(c.from ?? ''));
    const b = c.to === undefined || c.to === null || String(c.to).trim() === '' ? a : dayOfKey(String(c.to));
    if (a === undefined) throw new RangeError(`Closure date "${c.from}" is not a date like "2025-04-18"`);
    if (b === undefined) throw new RangeError(`Closure date "${c.to}" is not a date like "2025-04-18"`);
    spans.push(a <= b ? [a, b] : [b, a]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of spans) {
    if (to.length > 0 && a <= to[to.length - 1] + 1) to[to.length - 1] = Math.max(to[to.length - 1], b);
    else {
      from.push(a);
      to.push(b);
    }
  }
  return { from, to };
}

const made = new Map<string, Calendar>();
const MADE_LIMIT = 256;

/**
 * A calendar over weekly hours, closed dates (a `to` before its `from` is read the other way round) and an
 * IANA zone. Throws RangeError for an unknown zone or a closure date that is not "YYYY-MM-DD". Calendars are
 * shared: the same hours, closures and zone give the same calendar, with the day tables it has built.
 */
export function makeCalendar(hours: WeeklyHours, closures: Closure[], timeZone: string): ServiceCalendar {
  const closed = closureDays(closures);
  const key = `${timeZone}|${JSON.stringify(hours.days)}|${closed.from.join(',')}|${closed.to.join(',')}`;
  let cal = made.get(key);
  if (!cal) {
    cal = new Calendar(hours, closed.from, closed.to, timeZone);
    if (made.size >= MADE_LIMIT) made.delete(made.keys().next().value as string);
    made.set(key, cal);
  }
  return cal;
}
