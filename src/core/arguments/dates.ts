/**
 * Dates in custom-function arguments: instants from date cells of any realm or date text (read in the
 * spreadsheet's locale), closures as dates, from/to pairs or the Closures tab itself, and a period from two
 * cells. Every date argument is read here, so each is refused in the same words.
 */
import { tabDef } from '../schema/workbook';
import { idKey, isAll } from '../schema/ids';
import type { Closure } from '../time/calendar';
import { DAY_MS, MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, OUTSIDE_YEARS, localDateKey, localToUtc, utcOffsetMs } from '../time/zone';
import { localeOrder } from '../import/dates';
import { locateColumns } from '../workbook/columns';
import { parseLocalDateTime } from '../workbook/localTime';
import { isBlank, isDate } from '../values';
import { ArgumentError, isGrid } from './grid';
import type { Zones } from './zone';

/** "11/02/2026": a date written with slashes, read day or month first by the spreadsheet's locale. */
const SLASHED = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4,5})/;

/** Whether the spreadsheet's locale writes the month first (en_US and its neighbours), as Sheets reads typed dates. */
const monthFirst = (zones: Zones): boolean => localeOrder(zones.locale() ?? 'en_GB') === 'mdy';

/** The date Sheets gives a cell that holds only a time: 30 December 1899, its day zero. */
const TIME_ONLY_DAY = '1899-12-30';

const hhmm = (ms: number, timeZone: string): string => {
  const min = Math.floor(((((ms + utcOffsetMs(ms, timeZone)) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
};

/**
 * An instant from a date cell or date text (`allowTime`: with a time of day), read in `timeZone`; undefined
 * when it is not a date, for the caller to word. A date outside the engine's years, and a cell holding only
 * a time, are refused here, where the argument and the value as typed are known.
 */
function readInstant(v: unknown, zones: Zones, timeZone: string, argument: string, allowTime: boolean): number | undefined {
  let ms: number | undefined;
  try {
    ms = isDate(v) ? v.getTime() : typeof v === 'string' ? parseLocalDateTime(v, timeZone, allowTime, SLASHED.test(v) && monthFirst(zones)) : undefined;
  } catch {
    ms = NaN; // a year the zone tables do not reach
  }
  if (ms === undefined) return undefined;
  if (!(ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS)) {
    const typed = isDate(v) ? new Date(ms).toLocaleDateString('en-GB', { timeZone: zones.dateZone, dateStyle: 'long' }) : String(v);
    throw new ArgumentError(argument, `"${typed}" ${OUTSIDE_YEARS}`);
  }
  if (isDate(v) && ms < PAST_TIME_ONLY_MS && localDateKey(ms, zones.dateZone) === TIME_ONLY_DAY) {
    throw new ArgumentError(argument, `a time without a date (${hhmm(ms, zones.dateZone)}): give a date and time`);
  }
  return ms;
}

/** Why date text could not be read, with the locale's order and the way to type it that always works. */
function notADate(v: unknown, zones: Zones, what: string): string {
  const text = String(v);
  const m = typeof v === 'string' ? SLASHED.exec(v) : null;
  if (!m) return `"${text}" is not a ${what}`;
  const locale = zones.locale() ?? 'en_GB';
  const first = monthFirst(zones);
  // The way it was probably meant: the other order, when that is a date.
  const [mo, d] = first ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
  const iso = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : '2026-11-02';
  return `"${text}" is not a ${what} in this spreadsheet's locale (${locale}, ${first ? 'month' : 'day'} first): type ${iso} or use a date cell`;
}

/** From 2 January 1900 (UTC) on, an instant is past the time-only day 30 December 1899 in every zone. */
const PAST_TIME_ONLY_MS = Date.UTC(1900, 0, 2);

/**
 * The instant of a date cell that needs no further check (in the engine's years and clear of the time-only
 * day), or NaN for anything else (text, blank, a date instantOf must read or refuse). The per-cell fast path of
 * the vectorised functions: it builds no argument name and reads no zone.
 */
export function dateCellMs(v: unknown): number {
  if (!isDate(v)) return NaN;
  const ms = v.getTime();
  return ms >= PAST_TIME_ONLY_MS && ms < MAX_SUPPORTED_MS ? ms : NaN;
}

/**
 * An instant from a date cell or date text ("2026-11-02 09:00", or "02/11/2026" read in the spreadsheet's
 * locale); undefined when blank. Text is read in the working zone `zones.tz`.
 */
export function instantOf(v: unknown, zones: Zones, argument: string): number | undefined {
  const fast = dateCellMs(v);
  if (fast === fast) return fast;
  if (isBlank(v)) return undefined;
  const ms = readInstant(v, zones, zones.tz, argument, true);
  if (ms === undefined) throw new ArgumentError(argument, notADate(v, zones, 'date and time'));
  return ms;
}

/** The local date key of a date cell (Sheets hands date cells over as midnight in the spreadsheet's zone). */
function dateKeyOf(v: unknown, zones: Zones, argument: string): string {
  const ms = readInstant(v, zones, zones.dateZone, argument, false);
  if (ms === undefined) throw new ArgumentError(argument, notADate(v, zones, 'date'));
  return localDateKey(ms, zones.dateZone);
}

/**
 * Closed dates from a single date, a column of dates, a range of from/to pairs, or the Closures tab
 * (header row first; only rows for ALL or for `calendar` apply). Blank rows and a header row are skipped.
 */
export function closuresOf(v: unknown, zones: Zones, calendar?: string): Closure[] {
  if (isBlank(v)) return [];
  if (!isGrid(v)) {
    const key = dateKeyOf(v, zones, 'closures');
    return [{ from: key, to: key }];
  }
  let fromCol = 0;
  let toCol = 1;
  let calendarCol = -1;
  const cols = locateColumns(v[0] ?? [], tabDef('closures'));
  const headed = cols.index.from !== undefined;
  if (headed) {
    fromCol = cols.index.from;
    toCol = cols.index.to ?? -1;
    calendarCol = cols.index.calendar ?? -1;
  }
  const out: Closure[] = [];
  v.forEach((row, r) => {
    if (row.every(isBlank)) return;
    // Without the Closures header only two columns mean anything: say so rather than ignore a third.
    if (!headed && row.slice(2).some((c) => !isBlank(c))) {
      throw new ArgumentError('closures', `row ${r + 1} has more than two cells: give a column of dates, or from/to pairs`);
    }
    if (calendarCol >= 0) {
      const name = String(row[calendarCol] ?? '');
      if (!isAll(name) && idKey(name) !== idKey(calendar ?? '')) return;
    }
    const where = `closures: row ${r + 1}`;
    // A header row (text that is no date) is skipped.
    if (r === 0 && !isDate(row[fromCol]) && readInstant(row[fromCol], zones, zones.dateZone, where, false) === undefined) return;
    const from = dateKeyOf(row[fromCol], zones, where);
    const to = toCol >= 0 && toCol < row.length && !isBlank(row[toCol]) ? dateKeyOf(row[toCol], zones, where) : from;
    out.push({ from, to });
  });
  return out;
}

/** Local midnight at the start of the day after the one holding `ms`. */
function nextLocalMidnight(ms: number, timeZone: string): number {
  const [y, m, d] = localDateKey(ms, timeZone).split('-').map(Number);
  return localToUtc(y, m, d + 1, 0, timeZone);
}

/**
 * A period from two cells. The end is the last day included when it is a plain date (local midnight),
 * so "1 Nov" to "30 Nov" is the whole of November; a date with a time is the exact end.
 */
export function periodOf(startArg: unknown, endArg: unknown, zones: Zones): { start: number; end: number; label: string } {
  const timeZone = zones.tz;
  const given = (v: unknown, argument: string): number => {
    const ms = instantOf(v, zones, argument);
    if (ms === undefined) throw new ArgumentError(argument, 'no date given');
    return ms;
  };
  const start = given(startArg, 'period_start');
  const endAt = given(endArg, 'period_end');
  const [y, m, d] = localDateKey(endAt, timeZone).split('-').map(Number);
  // The engine's last instant caps the day after a last day of 31 December 2399 west of Greenwich.
  const end = localToUtc(y, m, d, 0, timeZone) === endAt ? Math.min(nextLocalMidnight(endAt, timeZone), MAX_SUPPORTED_MS - 1) : endAt;
  if (end <= start) throw new ArgumentError('period_end', 'is before period_start');
  return { start, end, label: `${localDateKey(start, timeZone)} to ${localDateKey(endAt, timeZone)}` };
}
