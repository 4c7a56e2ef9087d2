/** Hours coverage: the service hours each contract or OLA leaves uncovered, week by week and over holidays. */
import { formatHours, uncoveredHours } from '../time/hours';
import { contractLabel, describeHours, gapSeverity, minOf, serviceLabel, type Context } from './context';
import { COVERAGE_HORIZON_DAYS } from './thresholds';
import type { Finding } from './types';
import { compareDayByDay, patternIn } from '../time/weekly';
import { hoursText, longDate, plural } from '../text';
import { DAY_MS } from '../time/zone';
import { idKey } from '../schema/ids';

const QUESTION = 'Third-party response or fix issues' as const;

export function coverageFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const c of ctx.wb.contracts) {
    const services = ctx.servicesOf(c);
    if (services.length === 0) continue;
    const hours = ctx.contractHours(c);
    const rank = minOf(services.map((s) => s.rank)) ?? Infinity;
    const names = services.map(serviceLabel).join(', ');
    const serviceRefs = services.map((s) => ctx.ref('services', s.row, 'serviceHours'));
    if (hours.kind !== 'ok') {
      const unknown = hours.kind === 'blank';
      out.push({
        id: `coverage:${c.contractRef}:${unknown ? 'unknown' : 'unreadable'}`,
        analysis: 'coverage',
        severity: gapSeverity(ctx, rank),
        question: QUESTION,
        title: `${contractLabel(c)}: support hours ${unknown ? 'unknown' : 'cannot be read'}`,
        evidence: unknown
          ? `The Contracts tab gives no support hours for ${c.supplier}, so nobody can tell whether it covers ${names} when needed.`
          : `The support hours "${hours.text}" of ${c.supplier} cannot be read (${hours.error}), so they cannot be checked against ${names}.`,
        action: `Ask ${c.supplier} for its support hours and response and fix times, record them on the Contracts tab, and check them against the service hours.`,
        refs: [ctx.ref('contracts', c.row, 'supportHours'), ...serviceRefs],
        serviceIds: services.map((s) => s.serviceId),
        contractRef: c.contractRef,
      });
      continue;
    }
    for (const s of services) {
      const need = ctx.serviceHours(s);
      if (need.kind !== 'ok') continue;
      const zone = need.resolved.timeZone;
      const have = patternIn(hours.resolved, zone, ctx.now);
      const weekly = uncoveredHours(need.resolved.hours, have);
      const year = compareDayByDay([need.resolved], hours.resolved, zone, ctx.now, COVERAGE_HORIZON_DAYS);
      if (weekly.hoursPerWeek <= 0 && year.closedDays === 0) continue;
      const parts: string[] = [];
      let title: string;
      if (weekly.hoursPerWeek > 0) {
        const gaps = formatHours({ spec: '', days: weekly.days });
        parts.push(
          `${c.contractRef} covers ${describeHours(hours)}; ${serviceLabel(s)} needs ${describeHours(need)}: ${hoursText(weekly.hoursPerWeek)} a week uncovered (${gaps}).`,
        );
        title = `${contractLabel(c)} leaves ${hoursText(weekly.hoursPerWeek)} a week of ${s.name} hours uncovered`;
      } else {
        parts.push(`${c.contractRef} covers ${describeHours(hours)}; ${serviceLabel(s)} needs ${describeHours(need)}.`);
        title = `${contractLabel(c)} is closed on ${plural(year.closedDays, 'day')} ${s.name} is needed`;
      }
      if (year.closedDays > 0) {
        const from = year.firstClosedDay === undefined ? '' : `, the first on ${longDate(year.firstClosedDay * DAY_MS, 'UTC')}`;
        parts.push(
          `Over the next ${COVERAGE_HORIZON_DAYS} days the contract is closed on ${plural(year.closedDays, 'day')} when the service is needed (${hoursText(year.closedHours)} of service hours${from}).`,
        );
      }
      parts.push(
        `Over the ${COVERAGE_HORIZON_DAYS} days from ${longDate(ctx.now, ctx.wb.timeZone)} that is ${hoursText(year.uncoveredHours)} of service hours with no supplier cover.`,
      );
      // A limit the users agreed (SLA tab, Agreed exceptions) settles the gap for them: it stays the manager's to watch.
      const sla = ctx.wb.sla.find((r) => idKey(r.serviceId) === idKey(s.serviceId));
      const agreed = sla?.exceptions?.trim();
      if (agreed) parts.push(`The users have agreed an exception for ${s.name} (SLA tab, Agreed exceptions): "${agreed}"`);
      out.push({
        id: `coverage:${c.contractRef}:${s.serviceId}`,
        analysis: 'coverage',
        severity: agreed ? 'low' : gapSeverity(ctx, s.rank),
        question: QUESTION,
        title,
        evidence: parts.join(' '),
        action: agreed
          ? `Check with the representatives that the agreed exception still holds before ${c.supplier}'s contract renews.`
          : `Find the cost of ${c.supplier} covering the missing hours, or agree with the representatives and the head teacher that faults then wait for the supplier, and record it on the SLA tab (Agreed exceptions).`,
        refs: [
          ctx.ref('contracts', c.row, 'supportHours'),
          ctx.ref('services', s.row, 'serviceHours'),
          ...(agreed && sla ? [ctx.ref('sla', sla.row, 'exceptions')] : []),
        ],
        serviceIds: [s.serviceId],
        contractRef: c.contractRef,
        figures: {
          uncoveredHoursPerWeek: weekly.hoursPerWeek,
          closedDays: year.closedDays,
          closedHours: year.closedHours,
          uncoveredHoursAhead: year.uncoveredHours,
        },
      });
    }
  }
  return out;
}
