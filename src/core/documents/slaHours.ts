/** Hours as an SLA must state them: targets in the service's own days ("5 school days (50 working hours)"). */
import type { Service } from '../schema/records';
import { weeklyHours, type WeeklyHours } from '../time/hours';
import { resolveHours, type ResolvedHours } from '../workbook/hoursOf';
import type { Workbook } from '../workbook/parseWorkbook';
import { hoursText } from '../text';

const trim1 = (x: number): string => String(Math.round(x * 10) / 10);

/** The hours a service is supported in: its support hours, else its service hours; undefined when unreadable or blank. */
export function supportHoursOf(svc: Service, wb: Workbook): ResolvedHours | undefined {
  const text = svc.supportHours?.trim() || svc.serviceHours?.trim();
  if (!text) return undefined;
  const r = resolveHours(text, wb);
  return 'error' in r ? undefined : r;
}

/** Length of every open day in minutes when all open days are equally long, else undefined. */
function dayLength(h: WeeklyHours): number | undefined {
  const lengths = h.days.map((d) => d.reduce((n, [s, e]) => n + e - s, 0)).filter((n) => n > 0);
  return lengths.length && lengths.every((n) => n === lengths[0]) ? lengths[0] : undefined;
}

/**
 * A target in working time as staff count it, written as every other surface writes durations: "30 min",
 * "4 h", "5 school days (50 h)" (the table says the hours are working hours). Days only when the target is a
 * whole or half number of days of a service whose days are all the same length.
 */
export function durationInTerms(h: number, hours: ResolvedHours | undefined): string {
  const day = hours && dayLength(hours.hours);
  const working = hoursText(h);
  if (!hours || !day || weeklyHours(hours.hours) === 168) return working;
  const days = (h * 60) / day;
  if (days < 1 || Math.abs(days * 2 - Math.round(days * 2)) > 1e-9) return working;
  const unit = hours.closures.length ? 'school day' : 'working day';
  return `${trim1(days)} ${days === 1 ? unit : `${unit}s`} (${working})`;
}
