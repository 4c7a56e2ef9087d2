/**
 * Hours as an SLA must state them: targets in the service's own days ("5 school days (50 working
 * hours)"), and the promises the support behind a service cannot keep, found before they are printed.
 */
import { idKey } from '../schema/ids';
import type { Service, Sla } from '../schema/records';
import { uncoveredHours, weeklyHours, type WeeklyHours } from '../time/hours';
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

const TERM_TIME = /\bterm[\s-]time\b|\bterm only\b|\bduring terms?\b/i;

/**
 * What the SLA would promise for a service that the support behind it does not give: the support
 * levels' own desk hours, the support hours, and the hours of the contracts that underpin it. Each is
 * one sentence for the "to be agreed" list; none means the service hours can be printed as they are.
 */
export function hoursConflicts(svc: Service, sla: Sla | undefined, wb: Workbook): string[] {
  const serviceText = svc.serviceHours?.trim();
  if (!serviceText) return [];
  const service = resolveHours(serviceText, wb);
  if ('error' in service) return [];
  const out: string[] = [];
  const promised = `the service hours (${serviceText})`;
  const supportText = svc.supportHours?.trim();
  const support = supportText ? resolveHours(supportText, wb) : service;
  if (!('error' in support)) {
    const gap = uncoveredHours(service.hours, support.hours).hoursPerWeek;
    if (gap > 0) out.push(`The support hours (${supportText}) leave ${hoursText(gap)} a week of ${promised} unsupported.`);
    if (support.closures.length > 0 && service.closures.length === 0) out.push(`Support stops on closure days, but ${promised} run through the holidays.`);
  }
  const levels = sla?.supportLevels?.trim() ?? '';
  if (levels && service.closures.length === 0 && TERM_TIME.test(levels)) {
    out.push(`The support levels say the desk is staffed in term time, but ${promised} run through the holidays.`);
  }
  for (const c of wb.contracts) {
    if (!(c.services ?? []).some((s) => idKey(s) === idKey(svc.serviceId))) continue;
    const text = c.supportHours?.trim();
    if (!text) {
      out.push('The support hours of a contract behind it are not known.');
      continue;
    }
    const r = resolveHours(text, wb);
    if ('error' in r) continue;
    const gap = uncoveredHours(service.hours, r.hours).hoursPerWeek;
    if (gap > 0) out.push(`A contract behind it covers ${text}, ${hoursText(gap)} a week less than ${promised}.`);
  }
  return out;
}
