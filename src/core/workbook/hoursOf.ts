import type { Closure } from '../time/calendar';
import type { WeeklyHours } from '../time/hours';
import { HoursSpecError, parseHours } from '../time/hours';
import { isValidTimeZone, localDateKey } from '../time/zone';
import { idKey, isAll } from '../schema/ids';
import type { Row } from '../schema/records';

/** Hours as the engine needs them: the weekly pattern, its zone and the closed dates that apply. */
export interface ResolvedHours {
  readonly hours: WeeklyHours;
  readonly timeZone: string;
  readonly closures: Closure[];
  /** The calendar name when the text named one. */
  readonly calendar?: string;
}

/** What an hours cell is resolved against: the workbook's zone, Calendars and Closures. */
type HoursSource = { readonly timeZone: string; readonly calendars: readonly Row<'calendars'>[]; readonly closures: readonly Row<'closures'>[] };

/**
 * Resolves an hours cell: a Calendars name (its hours, zone, and its own plus ALL closures) or an hours
 * spec (the workbook's zone and the ALL closures). `specOnly` skips the name look-up (a calendar's own hours).
 */
export function resolveHours(text: string, wb: HoursSource, specOnly = false): ResolvedHours | { error: string } {
  const name = idKey(text);
  const cal = specOnly ? undefined : wb.calendars.find((c) => idKey(c.name) === name);
  const closuresFor = (calendar: string | undefined): Closure[] =>
    wb.closures
      .filter((c) => isAll(c.calendar) || (calendar !== undefined && idKey(c.calendar) === idKey(calendar)))
      .map((c) => ({ from: localDateKey(c.from, wb.timeZone), to: localDateKey(c.to ?? c.from, wb.timeZone) }));
  // A misspelt zone leaves the calendar's services without figures, said on their rows, rather than read in another zone.
  if (cal?.timeZone && !isValidTimeZone(cal.timeZone)) return { error: `Calendar "${cal.name}": unknown time zone "${cal.timeZone}"` };
  try {
    if (cal) return { hours: parseHours(cal.hours), timeZone: cal.timeZone || wb.timeZone, closures: closuresFor(cal.name), calendar: cal.name };
    return { hours: parseHours(text), timeZone: wb.timeZone, closures: closuresFor(undefined) };
  } catch (e) {
    if (e instanceof HoursSpecError)
      return { error: cal ? `Calendar "${cal.name}": ${e.message}` : `${e.message} (or the name of a row of the Calendars tab)` };
    throw e;
  }
}
