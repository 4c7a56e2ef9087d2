/**
 * Custom functions for the sheet. Each is a pure function of its arguments (so Sheets recomputes it when
 * the data changes) and only coerces arguments before calling the core. A bad argument raises an error
 * whose message names the argument; Sheets shows it on the cell.
 */
import { NO_FIGURE } from '../core/attainment/status';
import { attainmentTableFromRanges, unreadLine } from '../core/attainment/fromRanges';
import { availabilityFromValues } from '../core/attainment/availability';
import { ArgumentError, isGrid, single } from '../core/arguments/grid';
import { dateCellMs, instantOf, periodOf } from '../core/arguments/dates';
import { calendarArgument, calendarArguments, type CalendarTabs } from '../core/arguments/calendar';
import { hoursArgument } from '../core/arguments/numbers';
import { rangesThenZone, zoneArgument, type Zones } from '../core/arguments/zone';
import { tabDef } from '../core/schema/workbook';
import { idKey } from '../core/schema/ids';
import { locateColumns } from '../core/workbook/columns';
import { HOUR_MS, LAST_YEAR, MAX_SUPPORTED_MS } from '../core/time/zone';
import { isBlank } from '../core/values';
import { readWorkbookValues, spreadsheetLocale, spreadsheetZone } from '../adapters/sheets';
import { guard } from './guard';

/** A module constant: the global `Infinity` is a slow look-up in a vm realm. */
const INFINITY = 1 / 0;

const locale = (): string | undefined => spreadsheetLocale();
const zoneArg = (v: unknown): Zones => zoneArgument(v, spreadsheetZone(), 'time_zone', locale);

/** The older form's Calendars and Closures tabs, read from the sheet (one read of each). */
const calendarTabs: CalendarTabs = () => {
  if (typeof SpreadsheetApp === 'undefined') return undefined;
  return readWorkbookValues(SpreadsheetApp.getActive(), ['calendars', 'closures']);
};

/** The Service IDs of the Services tab (one read), to tell a misspelt ID from a service with nothing logged; undefined when it cannot be read. */
const catalogueIds = (): ReadonlySet<string> | undefined => {
  if (typeof SpreadsheetApp === 'undefined') return undefined;
  const values = readWorkbookValues(SpreadsheetApp.getActive(), ['services']).services;
  if (!values) return undefined;
  const at = locateColumns(values[0] ?? [], tabDef('services')).index.serviceId;
  if (at === undefined) return undefined;
  return new Set(
    values
      .slice(1)
      .map((line) => line[at])
      .filter((v) => !isBlank(v))
      .map((v) => idKey(String(v))),
  );
};

/**
 * Applies `fn` cell by cell when either argument is a range (same size, or one single value); blank in → blank out.
 * Plain loops: this runs once per cell of columns of up to hundreds of thousands of rows.
 */
function vectorise(a: unknown, b: unknown, names: [string, string], fn: (x: unknown, y: unknown, row: number) => unknown): unknown {
  const ga = isGrid(a) ? a : undefined;
  const gb = isGrid(b) ? b : undefined;
  if (!ga && !gb) return isBlank(a) || isBlank(b) ? '' : fn(a, b, 0);
  if (ga && gb && (ga.length !== gb.length || (ga[0]?.length ?? 0) !== (gb[0]?.length ?? 0))) {
    throw new ArgumentError(`${names[0]} and ${names[1]}`, `ranges of different sizes (${ga.length} and ${gb.length} rows)`);
  }
  const shape = (ga ?? gb)!;
  const out: unknown[][] = new Array(shape.length);
  for (let r = 0; r < shape.length; r++) {
    const width = shape[r].length;
    const la = ga ? ga[r] : undefined;
    const lb = gb ? gb[r] : undefined;
    const cell = (c: number): unknown => {
      const x = la ? la[c] : a;
      const y = lb ? lb[c] : b;
      return isBlank(x) || isBlank(y) ? '' : fn(x, y, r + 1);
    };
    if (width === 1) {
      out[r] = [cell(0)]; // a column, the usual case: one small array a row
      continue;
    }
    const line: unknown[] = new Array(width);
    for (let c = 0; c < width; c++) line[c] = cell(c);
    out[r] = line;
  }
  return out;
}

const at = (argument: string, row: number) => (row > 0 ? `${argument}, row ${row}` : argument);

/**
 * Working hours between two instants, inside the given hours and outside closed days.
 * @param {Date|Range} start When the time starts (a date and time, or a column of them).
 * @param {Date|Range} end When the time ends (same size as start, or one date and time).
 * @param {string} hours Weekly hours such as "Mon-Fri 08:00-18:00" or "24x7", or the name of a Calendars row (with its closures).
 * @param {Range} closures Optional closed days: a column of dates, from/to pairs, or the Closures tab.
 * @param {string} time_zone Optional time zone such as "Europe/London"; blank means the spreadsheet's.
 * @param {Range} calendars Optional Calendars tab range, to look a named calendar up in. Without it a named calendar is read from the Calendars and Closures tabs, and is not recalculated when they change.
 * @return Working hours (a number, or a column of numbers); 0 when end is not after start.
 * @customfunction
 */
export function SLM_WORKHOURS(start: unknown, end: unknown, hours: unknown, closures?: unknown, time_zone?: unknown, calendars?: unknown): unknown {
  return guard(() => {
    const opt = calendarArguments(closures, time_zone, calendars);
    const zones = zoneArg(opt.timeZone);
    const cal = calendarArgument(hours, opt.closures, zones, opt.calendars, calendarTabs);
    // A date cell is read at once; anything else (text, a date to check) through instantOf, which names the cell.
    return vectorise(start, end, ['start', 'end'], (a, b, row) => {
      let x = dateCellMs(a);
      if (x !== x) x = instantOf(a, zones, at('start', row))!;
      let y = dateCellMs(b);
      if (y !== y) y = instantOf(b, zones, at('end', row))!;
      return cal.workingMs(x, y) / HOUR_MS;
    });
  });
}

/**
 * The instant at which a number of working hours have passed since a start.
 * @param {Date|Range} start When the clock starts (a date and time, or a column of them).
 * @param {number|Range} duration_hours Working hours allowed, e.g. 4 (or a column, same size as start).
 * @param {string} hours Weekly hours such as "Mon-Fri 08:00-18:00" or "24x7", or the name of a Calendars row.
 * @param {Range} closures Optional closed days: a column of dates, from/to pairs, or the Closures tab.
 * @param {string} time_zone Optional time zone such as "Europe/London"; blank means the spreadsheet's.
 * @param {Range} calendars Optional Calendars tab range, to look a named calendar up in. Without it a named calendar is read from the Calendars and Closures tabs, and is not recalculated when they change.
 * @return The due date and time (or a column of them).
 * @customfunction
 */
export function SLM_DUE(start: unknown, duration_hours: unknown, hours: unknown, closures?: unknown, time_zone?: unknown, calendars?: unknown): unknown {
  return guard(() => {
    const opt = calendarArguments(closures, time_zone, calendars);
    const zones = zoneArg(opt.timeZone);
    const cal = calendarArgument(hours, opt.closures, zones, opt.calendars, calendarTabs);
    // As SLM_WORKHOURS: a date cell and a number of hours are read at once; the cell is named only for an error.
    return vectorise(start, duration_hours, ['start', 'duration_hours'], (a, d, row) => {
      const h = typeof d === 'number' && d >= 0 && d < INFINITY ? d : hoursArgument(d, at('duration_hours', row));
      let from = dateCellMs(a);
      if (from !== from) from = instantOf(a, zones, at('start', row))!;
      // Working time never runs faster than the clock, so a duration past the engine's last instant is refused at once.
      const due = h * HOUR_MS >= MAX_SUPPORTED_MS - from ? INFINITY : cal.dueMs(from, h * HOUR_MS);
      if (!(due < MAX_SUPPORTED_MS))
        throw new ArgumentError(at('duration_hours', row), `${h} working hours from start end after ${LAST_YEAR}, the last year the engine reaches`);
      return new Date(due);
    });
  });
}

/**
 * Availability of a service over a period: (service hours − downtime) / service hours, where downtime is
 * the union of its "Service down" outages within the service hours; a running period is measured to date.
 * @param {string} service_id The Service ID, e.g. "EMAIL".
 * @param {Date} period_start First day of the period.
 * @param {Date} period_end Last day of the period (included); a date with a time is the exact end.
 * @param {Range} incidents The Incidents tab including its header row (columns are found by name).
 * @param {string} hours The service hours, e.g. "Mon-Fri 08:00-18:00", or the name of a Calendars row; blank: no figure.
 * @param {Range} closures Optional closed days: a column of dates, from/to pairs, or the Closures tab.
 * @param {string} time_zone Optional time zone such as "Europe/London"; blank means the spreadsheet's.
 * @param {Range} calendars Optional Calendars tab range, to look a named calendar up in. Without it a named calendar is read from the Calendars and Closures tabs, and is not recalculated when they change.
 * @return A fraction from 0 to 1, or "—" without service hours. At risk: less than a quarter of the downtime the agreement allows is left. A row of the service that could not be read is named in a line below; an ID neither on the Services tab nor in the log is an error.
 * @customfunction
 */
export function SLM_AVAILABILITY(
  service_id: unknown,
  period_start: unknown,
  period_end: unknown,
  incidents: unknown,
  hours: unknown,
  closures?: unknown,
  time_zone?: unknown,
  calendars?: unknown,
): unknown {
  return guard(() => {
    const opt = calendarArguments(closures, time_zone, calendars);
    const zones = zoneArg(opt.timeZone);
    const tz = zones.tz;
    const id = single(service_id);
    if (isBlank(id) || isGrid(id)) throw new ArgumentError('service_id', 'expected one Service ID such as EMAIL');
    if (!isGrid(incidents)) throw new ArgumentError('incidents', `expected the ${tabDef('incidents').name} tab's range, header row first`);
    const period = periodOf(single(period_start), single(period_end), zones);
    // No service hours agreed: nothing to be available in, so no figure (never 100%).
    if (isBlank(single(hours))) return NO_FIGURE;
    const cal = calendarArgument(hours, opt.closures, zones, opt.calendars, calendarTabs);
    const { availability, unread } = availabilityFromValues(String(id).trim(), incidents, cal, tz, period.start, period.end, Date.now(), catalogueIds());
    const figure = availability === undefined ? NO_FIGURE : availability;
    // A row of this service that could not be read is said under the figure, never dropped silently.
    return unread.length ? [[figure], unreadLine(unread, 1)] : figure;
  });
}

/**
 * The whole attainment table for a period: one row per service in rank order, with availability against
 * its target, response and resolution compliance, items met, breached and pending, status and what sets it.
 * Open items are judged as of now; a running period reads "to date". At risk: one more late call would break it.
 * Too few to judge: fewer calls than the Settings tab's "Fewest items to judge a target" (10 unless changed), with the counts shown.
 * @param {Date} period_start First day of the period.
 * @param {Date} period_end Last day of the period (included); a date with a time is the exact end.
 * @param {Range} ranges The Services, SLA, Targets, Incidents, Calendars, Closures and (optionally) Settings ranges in any order, each including its header row; optionally a time zone such as "Europe/London" last.
 * @return A table with a header row.
 * @customfunction
 */
export function SLM_ATTAINMENT(period_start: unknown, period_end: unknown, ...ranges: unknown[]): unknown {
  return guard(() => {
    const { ranges: grids, zones } = rangesThenZone(ranges, spreadsheetZone(), locale);
    const period = periodOf(single(period_start), single(period_end), zones);
    return attainmentTableFromRanges(grids, zones.tz, period, Date.now());
  });
}
