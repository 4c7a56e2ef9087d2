/**
 * The hours argument of a custom function as a calendar: weekly hours ("Mon-Fri 08:00-18:00"), or the name
 * of a Calendars row, looked up in the Calendars range given as an argument (so Sheets recalculates when it
 * changes) or, in the older form without it, in the Calendars and Closures tabs read by the caller.
 */
import { cachedCalendar } from '../attainment/calendars';
import { idKey } from '../schema/ids';
import type { Row } from '../schema/records';
import type { TabDef } from '../schema/types';
import { tabDef } from '../schema/workbook';
import type { Closure, ServiceCalendar } from '../time/calendar';
import { HoursSpecError, parseHours, type WeeklyHours } from '../time/hours';
import { isValidTimeZone } from '../time/zone';
import { parseTab } from '../workbook/parseTab';
import { resolveHours, type ResolvedHours } from '../workbook/hoursOf';
import { isBlank } from '../values';
import { closuresOf } from './dates';
import { ArgumentError, isGrid, single, type Grid } from './grid';
import { tabOfHeader } from './tabs';
import type { Zones } from './zone';

/** The Calendars and Closures tabs as read from the spreadsheet (the older form, not recalculated on change). */
export type CalendarTabs = () => { calendars?: Grid; closures?: Grid } | undefined;

const isTab = (v: unknown, key: 'calendars' | 'closures'): v is Grid => isGrid(v) && tabOfHeader(v[0], [key]) === key;

/**
 * The optional arguments after the hours: closures, time zone, calendars. The Calendars range may also come
 * where the closures go, followed by the Closures range (`"School day", Calendars!A:C, Closures!A:D`).
 */
export function calendarArguments(closures: unknown, timeZone: unknown, calendars: unknown): { closures: unknown; timeZone: unknown; calendars: unknown } {
  if (isBlank(calendars) && isTab(closures, 'calendars')) {
    return isGrid(timeZone) ? { closures: timeZone, timeZone: '', calendars: closures } : { closures: '', timeZone, calendars: closures };
  }
  return { closures, timeZone, calendars };
}

const calendarRows = (grid: Grid | undefined, dateZone: string): Row<'calendars'>[] =>
  grid ? parseTab(tabDef('calendars') as TabDef & { key: 'calendars' }, grid, dateZone).rows : [];

/** A calendar from an hours argument plus the closures given; `calendarsArg` is the Calendars range, if given. */
export function calendarArgument(hoursArg: unknown, closuresArg: unknown, zones: Zones, calendarsArg: unknown, readTabs: CalendarTabs): ServiceCalendar {
  const text = single(hoursArg);
  if (isGrid(text)) throw new ArgumentError('hours', 'expected one cell with hours such as "Mon-Fri 08:00-18:00"');
  let hours: WeeklyHours;
  try {
    hours = parseHours(String(text ?? ''));
  } catch (e) {
    if (!(e instanceof HoursSpecError)) throw e;
    return namedCalendar(String(text), e, closuresArg, zones, calendarsArg, readTabs);
  }
  return cachedCalendar(hours, closuresOf(closuresArg, zones), zones.tz);
}

function namedCalendar(
  name: string,
  specError: HoursSpecError,
  closuresArg: unknown,
  zones: Zones,
  calendarsArg: unknown,
  readTabs: CalendarTabs,
): ServiceCalendar {
  const given = !isBlank(calendarsArg);
  if (given && !isTab(calendarsArg, 'calendars'))
    throw new ArgumentError('calendars', `expected the ${tabDef('calendars').name} tab's range, header row first`);
  const tabs = given || name.trim() === '' ? undefined : readTabs();
  const calendars = calendarRows(given ? (calendarsArg as Grid) : tabs?.calendars, zones.dateZone);
  const row = name.trim() === '' ? undefined : calendars.find((c) => idKey(c.name) === idKey(name));
  if (!row) {
    throw new ArgumentError(
      'hours',
      given
        ? `"${name}" is not a calendar of the calendars range given, nor hours: ${specError.message}`
        : `${specError.message}, or the name of a row of the ${tabDef('calendars').name} tab`,
    );
  }
  // The row is found, so a fault in it is named rather than hidden behind "cannot read hours".
  const fault = (what: string) => new ArgumentError('hours', `the ${tabDef('calendars').name} row "${row.name}" has ${what}`);
  const ownZone = row.timeZone?.trim() || undefined;
  if (ownZone && !isValidTimeZone(ownZone)) throw fault(`an unknown time zone "${ownZone}"`);
  let hours: WeeklyHours;
  try {
    hours = parseHours(row.hours);
  } catch (e) {
    throw fault(`hours that cannot be read: ${(e as Error).message.replace(/^Cannot read hours /, '')}`);
  }
  let closures: Closure[] = closuresOf(closuresArg, zones, row.name);
  if (!given && tabs?.closures) {
    // The older form: the Closures tab's rows for this calendar and ALL, read from the sheet.
    const tabClosures = parseTab(tabDef('closures') as TabDef & { key: 'closures' }, tabs.closures, zones.dateZone).rows;
    const r = resolveHours(row.name, { timeZone: zones.dateZone, calendars, closures: tabClosures }) as ResolvedHours;
    closures = [...r.closures, ...closures];
  }
  // The calendar's own zone wins; otherwise the zone asked for.
  return cachedCalendar(hours, closures, ownZone ?? zones.tz);
}
