/**
 * Custom functions for the sheet. Each is a pure function of its arguments (so Sheets recomputes it when
 * the data changes) and only coerces arguments before calling the core. A bad argument raises an error
 * whose message names the argument; Sheets shows it on the cell.
 */
import { NO_FIGURE } from '../core/attainment/status';
import { attainmentTableFromRanges } from '../core/attainment/fromRanges';
import { availabilityFromValues } from '../core/attainment/availability';
import { cachedCalendar } from '../core/attainment/calendars';
import { ArgumentError, isGrid, single } from '../core/arguments/grid';
import { closuresOf, instantOf, periodOf } from '../core/arguments/dates';
import { rangesThenZone, zoneArgument, type Zones } from '../core/arguments/zone';
import { parseTab } from '../core/workbook/parseTab';
import { resolveHours, type ResolvedHours } from '../core/workbook/hoursOf';
import { tabDef } from '../core/schema/workbook';
import type { TabDef } from '../core/schema/types';
import { idKey } from '../core/schema/ids';
import { HoursSpecError, parseHours, type WeeklyHours } from '../core/time/hours';
import type { Closure, ServiceCalendar } from '../core/time/calendar';
import { isValidTimeZone, HOUR_MS } from '../core/time/zone';
import { isBlank } from '../core/values';
import { readWorkbookValues, spreadsheetZone } from '../adapters/sheets';
import { guard } from './guard';

const zoneArg = (v: unknown): Zones => zoneArgument(v, spreadsheetZone());

/** A calendar from an hours argument (a spec, or a Calendars name read from the sheet) plus the closures given. */
function calendarArg(hoursArg: unknown, closuresArg: unknown, { tz: timeZone, dateZone }: Zones): ServiceCalendar {
  const text = single(hoursArg);
  if (isGrid(text)) throw new ArgumentError('hours', 'expected one cell with hours such as "Mon-Fri 08:00-18:00"');
  let hours: WeeklyHours;
  let zone = timeZone;
  let closures: Closure[];
  try {
    hours = parseHours(String(text ?? ''));
    closures = closuresOf(closuresArg, dateZone);
  } catch (e) {
    if (!(e instanceof HoursSpecError)) throw e;
    const named = calendarNamed(String(text), dateZone);
    if (!named) throw new ArgumentError('hours', `${e.message}, or the name of a row of the ${tabDef('calendars').name} tab`);
    hours = named.hours;
    // The calendar's own zone wins; otherwise the zone asked for.
    zone = named.ownZone ?? timeZone;
    closures = [...named.closures, ...closuresOf(closuresArg, dateZone, named.calendar)];
  }
  return cachedCalendar(hours, closures, zone);
}

/**
 * A Calendars row of this spreadsheet by name, with its own and ALL closures (one read of each tab);
 * undefined when no row has the name. `sheetZone` is the spreadsheet's, in which its date cells are read.
 */
function calendarNamed(name: string, sheetZone: string) {
  if (typeof SpreadsheetApp === 'undefined' || name.trim() === '') return undefined;
  const values = readWorkbookValues(SpreadsheetApp.getActive(), ['calendars', 'closures']);
  const calendars = parseTab(tabDef('calendars') as TabDef & { key: 'calendars' }, values.calendars, sheetZone).rows;
  const row = calendars.find((c) => idKey(c.name) === idKey(name));
  if (!row) return undefined;
  // The row is found, so a fault in it is named rather than hidden behind "cannot read hours".
  const fault = (what: string) => new ArgumentError('hours', `the ${tabDef('calendars').name} row "${row.name}" has ${what}`);
  const ownZone = row.timeZone?.trim() || undefined;
  if (ownZone && !isValidTimeZone(ownZone)) throw fault(`an unknown time zone "${ownZone}"`);
  try {
    parseHours(row.hours);
  } catch (e) {
    throw fault(`hours that cannot be read: ${(e as Error).message.replace(/^Cannot read hours /, '')}`);
  }
  const closures = parseTab(tabDef('closures') as TabDef & { key: 'closures' }, values.closures, sheetZone).rows;
  const r = resolveHours(row.name, { timeZone: sheetZone, calendars, closures }) as ResolvedHours;
  return { ...r, ownZone };
}

/** Applies `fn` cell by cell when either argument is a range (same size, or one single value); blank in → blank out. */
function vectorise(a: unknown, b: unknown, names: [string, string], fn: (x: unknown, y: unknown, row: number) => unknown): unknown {
  const ga = isGrid(a) ? a : undefined;
  const gb = isGrid(b) ? b : undefined;
  if (!ga && !gb) return isBlank(a) || isBlank(b) ? '' : fn(a, b, 0);
  if (ga && gb && (ga.length !== gb.length || (ga[0]?.length ?? 0) !== (gb[0]?.length ?? 0))) {
    throw new ArgumentError(`${names[0]} and ${names[1]}`, `ranges of different sizes (${ga.length} and ${gb.length} rows)`);
  }
  const shape = (ga ?? gb)!;
  return shape.map((line, r) => line.map((_, c) => {
    const x = ga ? ga[r][c] : a;
    const y = gb ? gb[r][c] : b;
    return isBlank(x) || isBlank(y) ? '' : fn(x, y, r + 1);
  }));
}

const at = (argument: string, row: number) => (row > 0 ? `${argument}, row ${row}` : argument);


/**
 * Working hours between two instants, inside the given hours and outside closed days.
 * @param {Date|Range} start When the time starts (a date and time, or a column of them).
 * @param {Date|Range} end When the time ends (same size as start, or one date and time).
 * @param {string} hours Weekly hours such as "Mon-Fri 08:00-18:00" or "24x7", or the name of a Calendars row (with its closures).
 * @param {Range} closures Optional closed days: a column of dates, from/to pairs, or the Closures tab.
 * @param {string} time_zone Optional time zone such as "Europe/London"; blank means the spreadsheet's.
 * @return Working hours (a number, or a column of numbers); 0 when end is not after start.
 * @customfunction
 */
export function SLM_WORKHOURS(start: unknown, end: unknown, hours: unknown, closures?: unknown, time_zone?: unknown): unknown {
  return guard(() => {
    const zones = zoneArg(time_zone);
    const tz = zones.tz;
    const cal = calendarArg(hours, closures, zones);
    return vectorise(start, end, ['start', 'end'], (a, b, row) =>
      cal.workingMs(instantOf(a, tz, at('start', row))!, instantOf(b, tz, at('end', row))!) / HOUR_MS);
  });
}

/**
 * The instant at which a number of working hours have passed since a start.
 * @param {Date|Range} start When the clock starts (a date and time, or a column of them).
 * @param {number|Range} duration_hours Working hours allowed, e.g. 4 (or a column, same size as start).
 * @param {string} hours Weekly hours such as "Mon-Fri 08:00-18:00" or "24x7", or the name of a Calendars row.
 * @param {Range} closures Optional closed days: a column of dates, from/to pairs, or the Closures tab.
 * @param {string} time_zone Optional time zone such as "Europe/London"; blank means the spreadsheet's.
 * @return The due date and time (or a column of them).
 * @customfunction
 */
export function SLM_DUE(start: unknown, duration_hours: unknown, hours: unknown, closures?: unknown, time_zone?: unknown): unknown {
  return guard(() => {
    const zones = zoneArg(time_zone);
    const tz = zones.tz;
    const cal = calendarArg(hours, closures, zones);
    return vectorise(start, duration_hours, ['start', 'duration_hours'], (a, d, row) => {
      const h = typeof d === 'number' ? d : Number(String(d).trim());
      if (!Number.isFinite(h) || h < 0) throw new ArgumentError(at('duration_hours', row), `"${String(d)}" is not a number of hours of 0 or more`);
      const due = cal.dueMs(instantOf(a, tz, at('start', row))!, h * HOUR_MS);
      return Number.isFinite(due) ? new Date(due) : '';
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
 * @return A fraction from 0 to 1, or "—" without service hours. At risk: under a quarter of the allowed downtime left.
 * @customfunction
 */
export function SLM_AVAILABILITY(service_id: unknown, period_start: unknown, period_end: unknown, incidents: unknown, hours: unknown, closures?: unknown, time_zone?: unknown): unknown {
  return guard(() => {
    const zones = zoneArg(time_zone);
    const tz = zones.tz;
    const id = single(service_id);
    if (isBlank(id) || isGrid(id)) throw new ArgumentError('service_id', 'expected one Service ID such as EMAIL');
    if (!isGrid(incidents)) throw new ArgumentError('incidents', `expected the ${tabDef('incidents').name} tab's range, header row first`);
    const period = periodOf(single(period_start), single(period_end), tz);
    // No service hours agreed: nothing to be available in, so no figure (never 100%).
    if (isBlank(single(hours))) return NO_FIGURE;
    const cal = calendarArg(hours, closures, zones);
    const a = availabilityFromValues(String(id).trim(), incidents, cal, tz, period.start, period.end, Date.now());
    return a === undefined ? NO_FIGURE : a;
  });
}

/**
 * The whole attainment table for a period: one row per service in rank order, with availability against
 * its target, response and resolution compliance, items met, breached and pending, status and what sets it.
 * Open items are judged as of now; a running period reads "to date". At risk: one more breach would miss the target.
 * @param {Date} period_start First day of the period.
 * @param {Date} period_end Last day of the period (included); a date with a time is the exact end.
 * @param {Range} ranges The Services, SLA, Targets, Incidents, Calendars and Closures ranges in any order, each including its header row; optionally a time zone such as "Europe/London" last.
 * @return A table with a header row.
 * @customfunction
 */
export function SLM_ATTAINMENT(period_start: unknown, period_end: unknown, ...ranges: unknown[]): unknown {
  return guard(() => {
    const { ranges: grids, zones: { tz } } = rangesThenZone(ranges, spreadsheetZone());
    const period = periodOf(single(period_start), single(period_end), tz);
    return attainmentTableFromRanges(grids, tz, period, Date.now());
  });
}
