import { makeCalendar, type Closure, type ServiceCalendar } from '../time/calendar';
import type { WeeklyHours } from '../time/hours';
import { resolveHours } from '../workbook/hoursOf';
import type { Workbook } from '../workbook/parseWorkbook';

/** Hours text that applies when a service leaves both its hours columns blank: always on. */
export const ALWAYS_HOURS = '24x7';

const cache = new Map<string, ServiceCalendar>();

/** One calendar per distinct (hours, zone, closures): many services share one, and each is costly to build. */
export function cachedCalendar(hours: WeeklyHours, closures: readonly Closure[], timeZone: string): ServiceCalendar {
  let key = `${hours.spec}\u0001${timeZone}`;
  for (const c of closures) key += `\u0001${c.from}/${c.to}`;
  let cal = cache.get(key);
  if (!cal) {
    if (cache.size > 200) cache.clear();
    cal = makeCalendar(hours, closures as Closure[], timeZone);
    cache.set(key, cal);
  }
  return cal;
}

export type HoursSource = Pick<Workbook, 'calendars' | 'closures' | 'timeZone'>;

/** A calendar for an hours cell (a spec or a Calendars name), or the reason it cannot be read. */
export function calendarForHours(text: string, source: HoursSource): { calendar: ServiceCalendar } | { error: string } {
  const resolved = resolveHours(text, source);
  if ('error' in resolved) return { error: resolved.error };
  return { calendar: cachedCalendar(resolved.hours, resolved.closures, resolved.timeZone) };
}
