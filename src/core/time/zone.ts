/**
 * IANA time zones without a date library: offsets come from Intl.DateTimeFormat (available in Apps Script V8
 * and Node), read once per day of the span asked about and kept as a table of transitions per zone, so that
 * every later question is a binary search, never an Intl call.
 */

/** Taken once: a global look-up per call is slow when the bundle runs in a vm realm. */
const { floor } = Math;
const utc = Date.UTC;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Instants the engine accepts: local dates from 1800 to 2399. Beyond that a date is a typing slip. */
export const MIN_SUPPORTED_MS = Date.UTC(1800, 0, 1);
export const MAX_SUPPORTED_MS = Date.UTC(2400, 0, 1);

export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2399;

/**
 * True when a date read from a cell lies inside the supported years, a day's margin from each end so that
 * any time zone's local date of it, and the day after it, are still inside.
 */
export const isSupportedCellInstant = (ms: number): boolean => ms >= MIN_SUPPORTED_MS + DAY_MS && ms < MAX_SUPPORTED_MS - DAY_MS;

/** The end of the message for an instant outside them. */
export const OUTSIDE_YEARS = 'is outside the years 1800 to 2399';

/** Throws a RangeError unless `ms` lies within the supported instants, widened by `margin` each side. */
export function checkSupported(ms: number, margin = 0): void {
  if (!(ms >= MIN_SUPPORTED_MS - margin && ms < MAX_SUPPORTED_MS + margin)) {
    throw new RangeError(`Date ${Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : String(ms)} ${OUTSIDE_YEARS}`);
  }
}

const YEAR_MS = 365.25 * DAY_MS;
const SECOND_MS = 1000;

/** Transitions of one zone over the span [lo, hi): offset offs[k] applies from at[k] (at[0] = lo). */
interface ZoneTable {
  readonly name: string;
  readonly fixed: boolean;
  readonly read: (ms: number) => number;
  at: number[];
  offs: number[];
  lo: number;
  hi: number;
  /** Index of the last answer: repeated questions about nearby instants skip the search. */
  last: number;
}

const zones = new Map<string, ZoneTable | null>();

const FIXED_UTC = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'etc/uct', 'uct', 'etc/zulu', 'zulu', 'etc/universal', 'universal']);

const PARTS = /(\d+)\/(\d+)\/(\d+),?\s+(\d+):(\d+):(\d+)/;

function offsetReader(tz: string): (ms: number) => number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (ms: number): number => {
    const whole = floor(ms / SECOND_MS) * SECOND_MS;
    const m = PARTS.exec(fmt.format(whole));
    let y: number, mo: number, d: number, h: number, mi: number, s: number;
    if (m) {
      // Unary plus, not Number(): a global look-up per part is slow in a vm realm, and this runs thousands of times.
      mo = +m[1];
      d = +m[2];
      y = +m[3];
      h = +m[4];
      mi = +m[5];
      s = +m[6];
    } else {
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      [y, mo, d, h, mi, s] = [p.year, p.month, p.day, p.hour, p.minute, p.second];
    }
    const local = utc(y, mo - 1, d, h === 24 ? 0 : h, mi, s) + (h === 24 ? DAY_MS : 0);
    // Date.UTC maps years 0..99 to 1900..1999; outside the supported span anyway, but keep it exact.
    return local - whole;
  };
}

let lastName = '';
let lastTable: ZoneTable | undefined;

function table(tz: string): ZoneTable {
  // Most callers ask about one zone over and over: skip normalising the name and the map look-up.
  if (tz === lastName && lastTable) return lastTable;
  const key = String(tz).trim().toLowerCase();
  let z = zones.get(key);
  if (z === undefined) {
    if (FIXED_UTC.has(key)) {
      z = { name: tz, fixed: true, read: () => 0, at: [-Infinity], offs: [0], lo: -Infinity, hi: Infinity, last: 0 };
    } else {
      try {
        const read = offsetReader(tz.trim());
        z = { name: tz, fixed: false, read, at: [], offs: [], lo: NaN, hi: NaN, last: 0 };
      } catch {
        z = null;
      }
    }
    zones.set(key, z);
  }
  if (z === null) throw new RangeError(`Unknown time zone "${tz}": expected an IANA name such as "Europe/London"`);
  lastName = tz;
  lastTable = z;
  return z;
}

/** True when `tz` is an IANA zone name this runtime knows ("Europe/London", "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    table(tz);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR_MS = 900_000;

/** First whole second in (lo, hi] whose offset is not `before`; the offset at lo is `before`. */
function findTransition(z: ZoneTable, lo: number, hi: number, before: number): number {
  let a = lo;
  let b = hi;
  // Clocks change on a quarter hour of UTC almost always: halve on that grid first, then check the grid point.
  for (;;) {
    const mid = floor((a + b) / 2 / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
    if (mid <= a || mid >= b) break;
    if (z.read(mid) === before) a = mid;
    else b = mid;
  }
  if (b % QUARTER_HOUR_MS === 0 && b - SECOND_MS > a) {
    if (z.read(b - SECOND_MS) === before) return b;
    b -= SECOND_MS;
  }
  while (b - a > SECOND_MS) {
    const mid = floor((a + b) / 2 / SECOND_MS) * SECOND_MS;
    if (mid <= a) break;
    if (z.read(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** Samples [from, to) a day apart and lists each change of offset found. */
function scan(z: ZoneTable, from: number, to: number): { at: number[]; offs: number[] } {
  let prev = z.read(from);
  const at = [from];
  const offs = [prev];
  for (let t = from; t < to; ) {
    const next = Math.min(t + DAY_MS, to);
    const o = next < to ? z.read(next) : z.read(to - SECOND_MS);
    if (o !== prev) {
      const limit = next < to ? next : to - SECOND_MS;
      const when = findTransition(z, t, limit, prev);
      at.push(when);
      offs.push(z.read(when));
      prev = offs[offs.length - 1];
      t = when;
    } else {
      t = next;
    }
  }
  return { at, offs };
}

/** How far past its span the table grows year by year; an instant further away starts a new span around it. */
const REACH_MS = 3 * YEAR_MS;

function cover(z: ZoneTable, ms: number): void {
  checkSupported(ms, 2 * DAY_MS);
  // A year far away (a typing slip, a long span's far end) is scanned on its own, not every year in between.
  if (ms >= z.hi + REACH_MS || ms < z.lo - REACH_MS) z.lo = NaN;
  if (Number.isNaN(z.lo)) {
    const start = floor(ms / YEAR_MS) * YEAR_MS;
    const s = scan(z, start, start + YEAR_MS);
    z.at = s.at;
    z.offs = s.offs;
    z.lo = start;
    z.hi = start + YEAR_MS;
    z.last = 0;
  }
  while (ms >= z.hi) {
    const s = scan(z, z.hi, z.hi + YEAR_MS);
    const join = s.offs[0] === z.offs[z.offs.length - 1] ? 1 : 0;
    for (let k = join; k < s.at.length; k++) {
      z.at.push(s.at[k]);
      z.offs.push(s.offs[k]);
    }
    z.hi += YEAR_MS;
  }
  while (ms < z.lo) {
    const s = scan(z, z.lo - YEAR_MS, z.lo);
    if (s.offs[s.offs.length - 1] === z.offs[0]) {
      z.at.shift();
      z.offs.shift();
    }
    z.at = s.at.concat(z.at);
    z.offs = s.offs.concat(z.offs);
    z.lo -= YEAR_MS;
    z.last = 0;
  }
}

function offsetIn(z: ZoneTable, ms: number): number {
  if (z.fixed) return 0;
  if (!(ms >= z.lo && ms < z.hi)) cover(z, ms);
  const at = z.at;
  let k = z.last;
  if (at[k] <= ms && (k + 1 === at.length || ms < at[k + 1])) return z.offs[k];
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  k = lo;
  z.last = k;
  return z.offs[k];
}

/** Clock changes of a zone over a span: at[k] is the first instant of offset after[k]; before[k] the offset until then. */
export interface Transitions {
  readonly at: number[];
  readonly before: number[];
  readonly after: number[];
}

/** Samples a month apart when looking for clock changes over a long span; three months apart in quiet years. */
const SAMPLE_MS = 30 * DAY_MS;
const STEADY_SAMPLE_MS = 91 * DAY_MS;
/** Two years without a change: the offsets are read three months apart too. */
const QUIET_MS = 2 * YEAR_MS;
/** A rule such as "last Sunday in March" falls 52 or 53 weeks after its last use; a fixed date 365 or 366 days. */
const NEXT_USE_DAYS = [364, 371, 365, 366];

/**
 * The clock changes of `tz` in [from, to), found without the day-by-day scan of the offset table: offsets are
 * read a month apart (three months apart after two years without a change), and a change between two readings
 * is looked for first where the same change fell a year before, then by bisection. While the changes keep to
 * last year's rule, the next one is read where the rule puts it, with one reading half-way. A change undone
 * before the next reading would be missed: no rule in use undoes one within a month (Morocco's Ramadan hour,
 * the shortest, lasts about 35 days, and its dates move every year). Empty for a fixed zone.
 */
export function transitionsBetween(tz: string, from: number, to: number): Transitions {
  const z = table(tz);
  const out: Transitions = { at: [], before: [], after: [] };
  if (z.fixed || !(to > from)) return out;
  checkSupported(from, 2 * DAY_MS);
  checkSupported(to, 2 * DAY_MS);
  const read = z.read;
  const lastUse = new Map<string, number>();
  let t = from;
  let off = read(from);
  /** Changes in a row found where last year's fell. */
  let steady = 0;
  let lastChange = from;
  /** The last change away from each offset: where the next change away from it is looked for first. */
  const lastFrom = new Map<number, { at: number; to: number }>();
  const record = (when: number, after: number): void => {
    out.at.push(when);
    out.before.push(off);
    out.after.push(after);
    lastUse.set(`${off}>${after}`, when);
    lastFrom.set(off, { at: when, to: after });
    lastChange = when;
    off = after;
    t = when;
  };
  while (t < to) {
    if (steady >= 2) {
      // Keeping to last year's rule: go straight to where the next change should fall, and read once between.
      const prev = lastFrom.get(off);
      let when = NaN;
      if (prev) {
        for (const days of NEXT_USE_DAYS) {
          const c = prev.at + days * DAY_MS;
          if (c > t && c < to && read(c) === prev.to && read(c - SECOND_MS) === off) {
            when = c;
            break;
          }
        }
      }
      if (when === when && read(floor((t + when) / 2 / SECOND_MS) * SECOND_MS) === off) {
        record(when, prev!.to);
        continue;
      }
      steady = 0;
    }
    const step = t - lastChange > QUIET_MS ? STEADY_SAMPLE_MS : SAMPLE_MS;
    const next = t + step < to ? t + step : to;
    const o = read(next);
    if (o === off) {
      t = next;
      continue;
    }
    let when = NaN;
    const prev = lastUse.get(`${off}>${o}`);
    if (prev !== undefined) {
      for (const days of NEXT_USE_DAYS) {
        const c = prev + days * DAY_MS;
        if (c > t && c <= next && read(c) === o && read(c - SECOND_MS) === off) {
          when = c;
          break;
        }
      }
    }
    if (when === when) steady++;
    else {
      steady = 0;
      when = findTransition(z, t, next, off);
    }
    record(when, read(when));
  }
  return out;
}

/**
 * A zone table for the few days around `at` only, built from known clock changes instead of a scan, so a
 * long span's days with a clock change are worked out exactly without scanning the years around them.
 */
export function zoneAround(tz: string, around: number, marginMs: number, known: Transitions): ZoneTable {
  const z = table(tz);
  const lo = around - marginMs;
  const hi = around + marginMs;
  // The first known change after lo.
  let k = 0;
  let top = known.at.length;
  while (k < top) {
    const mid = (k + top) >> 1;
    if (known.at[mid] <= lo) k = mid + 1;
    else top = mid;
  }
  const at = [lo];
  const offs = [k < known.at.length ? known.before[k] : k > 0 ? known.after[k - 1] : z.read(lo)];
  for (; k < known.at.length && known.at[k] < hi; k++) {
    at.push(known.at[k]);
    offs.push(known.after[k]);
  }
  return { name: z.name, fixed: false, read: z.read, at, offs, lo, hi, last: 0 };
}

/** Index into z.at / z.offs of the stretch of constant offset holding instant `ms` (fixed zones: 0). */
export function segmentIndex(z: ZoneTable, ms: number): number {
  if (z.fixed) return 0;
  offsetIn(z, ms);
  return z.last;
}

/** Offset of local wall-clock time from UTC at instant `ms`, in ms (Europe/London in summer: 3,600,000). */
export function utcOffsetMs(ms: number, tz: string): number {
  return offsetIn(table(tz), ms);
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function daysFromCivil(y: number, month1: number, d: number): number {
  const yy = month1 <= 2 ? y - 1 : y;
  const era = floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (month1 + 9) % 12;
  const doy = floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** "YYYY-MM-DD" of a day number. */
export function dayKey(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" key, or undefined when the text is not a real date. */
export function dayOfKey(key: string): number | undefined {
  const m = KEY.exec(key.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = daysFromCivil(y, mo, d);
  const back = civilFromDays(day);
  return back.y === y && back.m === mo && back.d === d ? day : undefined;
}

/** Local day number (days since 1970-01-01 on the wall calendar of `tz`) of instant `ms`. */
export function localDayNumber(ms: number, tz: string): number {
  return floor((ms + offsetIn(table(tz), ms)) / DAY_MS);
}

/** "YYYY-MM-DD": the local date of instant `ms` in zone `tz`. */
export function localDateKey(ms: number, tz: string): string {
  if (ms !== ms) throw new RangeError('No date to read: the instant is not a number');
  return dayKey(localDayNumber(ms, tz));
}

/**
 * The instant at which the wall clock of `tz` shows `minuteOfDay` (0..1440, may be fractional) on y-month1-d.
 * A time the clock skips (spring forward) maps to the same distance past the change, so 01:30 on the
 * London spring day is 02:30 BST; a time shown twice (fall back) maps to its first showing.
 */
export function localToUtc(y: number, month1: number, d: number, minuteOfDay: number, tz: string): number {
  return localDayToUtc(daysFromCivil(y, month1, d), minuteOfDay, table(tz));
}

/** As localToUtc, for a day number, with the zone's table already found. */
export function localDayToUtc(day: number, minuteOfDay: number, z: ZoneTable): number {
  const local = day * DAY_MS + minuteOfDay * MINUTE_MS;
  if (z.fixed) return local;
  const oBefore = offsetIn(z, local - 1.5 * DAY_MS);
  const oAfter = offsetIn(z, local + 1.5 * DAY_MS);
  let best = Infinity;
  for (const o of oBefore === oAfter ? [oBefore] : [oBefore, oAfter, offsetIn(z, local)]) {
    const u = local - o;
    if (u < best && offsetIn(z, u) === o) best = u;
  }
  if (best !== Infinity) return best;
  // In a gap: keep the offset from before the change, which lands as far past the change as the time was.
  return local - oBefore;
}

/** The zone table behind `tz` (throws RangeError for an unknown zone); for the calendar's bulk work. */
export function zoneOf(tz: string): ZoneTable {
  return table(tz);
}

export type { ZoneTable };
