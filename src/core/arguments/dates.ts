/**
 * Dates in custom-function arguments: instants from date cells of any realm or date text, closures as
 * dates, from/to pairs or the Closures tab itself, and a period from two cells.
 */
import { tabDef } from '../schema/workbook';
import { idKey, isAll } from '../schema/ids';
import type { Closure } from '../time/calendar';
import { MAX_SUPPORTED_MS, MIN_SUPPORTED_MS, OUTSIDE_YEARS, localDateKey, localToUtc } from '../time/zone';
import { locateColumns } from '../workbook/columns';
import { parseLocalDateTime } from '../workbook/localTime';
import { isBlank, isDate } from '../values';
import { ArgumentError, isGrid } from './grid';

/**
 * An instant from a date cell or date text ("2026-11-02 09:00", "02/11/2026"); undefined when blank. A date
 * outside the engine's years is refused here, where the argument and the date as typed are known.
 */
export function instantOf(v: unknown, timeZone: string, argument: string): number | undefined {
  if (isBlank(v)) return undefined;
  let ms: number | undefined;
  try {
    ms = isDate(v) ? v.getTime() : typeof v === 'string' ? parseLocalDateTime(v, timeZone, true) : undefined;
  } catch {
    ms = NaN; // a year the zone tables do not reach
  }
  if (ms === undefined) throw new ArgumentError(argument, `"${String(v)}" is not a date and time`);
  if (!(ms >= MIN_SUPPORTED_MS && ms < MAX_SUPPORTED_MS)) {
    const typed = isDate(v) ? new Date(ms).toLocaleDateString('en-GB', { timeZone, dateStyle: 'long' }) : String(v);
    throw new ArgumentError(argument, `"${typed}" ${OUTSIDE_YEARS}`);
  }
  return ms;
}

/** The local date key of a date cell (Sheets hands date cells over as midnight in the spreadsheet's zone). */
function dateKeyOf(v: unknown, timeZone: string): string | undefined {
  if (isDate(v)) return localDateKey(v.getTime(), timeZone);
  if (typeof v === 'string') {
    const ms = parseLocalDateTime(v, timeZone, false);
    if (ms !== undefined) return localDateKey(ms, timeZone);
  }
  return undefined;
}

/**
 * Closed dates from a single date, a column of dates, a range of from/to pairs, or the Closures tab
 * (header row first; only rows for ALL or for `calendar` apply). Blank rows and a header row are skipped.
 */
export function closuresOf(v: unknown, dateZone: string, calendar?: string): Closure[] {
  if (isBlank(v)) return [];
  if (!isGrid(v)) {
    const key = dateKeyOf(v, dateZone);
    if (key === undefined) throw new ArgumentError('closures', `"${String(v)}" is not a date`);
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
    const from = dateKeyOf(row[fromCol], dateZone);
    if (from === undefined) {
      if (r === 0) return; // a header row
      throw new ArgumentError('closures', `row ${r + 1}: "${String(row[fromCol])}" is not a date`);
    }
    const to = toCol >= 0 && toCol < row.length && !isBlank(row[toCol]) ? dateKeyOf(row[toCol], dateZone) : from;
    if (to === undefined) throw new ArgumentError('closures', `row ${r + 1}: "${String(row[toCol])}" is not a date`);
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
export function periodOf(startArg: unknown, endArg: unknown, timeZone: string): { start: number; end: number; label: string } {
  const given = (v: unknown, argument: string): number => {
    const ms = instantOf(v, timeZone, argument);
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
