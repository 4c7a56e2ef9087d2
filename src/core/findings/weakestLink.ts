/**
 * Weakest link inside a service: components whose contracts respond more slowly than the service's
 * response targets (a fix too slow for them is the target chain's finding, not repeated here), and
 * software faults answered or fixed much more slowly than hardware faults, as the guidance warns.
 */
import { periodWording } from '../attainment/status';
import type { Service } from '../schema/records';
import { contractLabel, gapSeverity, serviceLabel, tightestTarget, type Context } from './context';
import { median, resolvedItems, type Resolved } from './resolution';
import { DEFAULT_LOOKBACK_DAYS, MAX_ROW_REFS, MIN_KIND_SAMPLE, SLOW_KIND_RATIO } from './thresholds';
import { trailingPeriodLabel } from '../attainment/status';
import { longDate } from '../text';
import { DAY_MS } from '../time/zone';
import type { Finding } from './types';
import { hoursText, plural } from '../text';

const QUESTION = 'Clashes in priority or availability' as const;

/** `chained`: ids of the target-chain findings, whose contracts are already reported for their service. */
export function weakestLinkFindings(ctx: Context, chained: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.wb.services) {
    const respond = tightestTarget(ctx, s, 'respondHours');
    if (respond === undefined) continue;
    const slow = ctx.wb.equipment.flatMap((e) => {
      const c = e.contractRef && ctx.service(e.serviceId) === s ? ctx.contract(e.contractRef) : undefined;
      return c?.respondHours !== undefined && c.respondHours > respond + 1e-9 && !chained.has(`targetChain:${c.contractRef}:${s.serviceId}`) ? [{ e, c }] : [];
    });
    if (slow.length === 0) continue;
    out.push({
      id: `weakestLink:${s.serviceId}`,
      analysis: 'weakestLink',
      severity: gapSeverity(ctx, s.rank),
      question: QUESTION,
      title: `${s.name}: ${slow.map((p) => p.e.component).join(', ')} ${slow.length === 1 ? 'is' : 'are'} answered more slowly than the ${hoursText(respond)} response target`,
      evidence: `The tightest incident response target of ${serviceLabel(s)} is ${hoursText(respond)}. ${slow.map(({ e, c }) => `${e.component} (${e.kind}) is under ${contractLabel(c)}, which responds in ${hoursText(c.respondHours!)}`).join('; ')}. The slowest part sets how long the service can be down.`,
      action: `Find the cost of faster support for ${slow.map((p) => p.e.component).join(', ')}, or agree with the representatives and the head teacher that the ${s.name} targets allow for it.`,
      refs: [ctx.ref('services', s.row), ...slow.map((p) => ctx.ref('equipment', p.e.row, 'contractRef'))],
      serviceIds: [s.serviceId],
      figures: { slowComponents: slow.length, tightestRespondHours: respond },
    });
  }
  return [...out, ...kindFindings(ctx)];
}

const incidentsOf = (ctx: Context): Resolved[] => resolvedItems(ctx).filter((r) => r.incident.type === 'Incident');
const enough = (list: readonly Resolved[]): boolean =>
  list.filter((r) => r.incident.component === 'Software').length >= MIN_KIND_SAMPLE &&
  list.filter((r) => r.incident.component === 'Hardware').length >= MIN_KIND_SAMPLE;

/**
 * Software incidents answered or fixed much more slowly than hardware ones, school-wide and within each
 * service, over the period; when the period holds too few of either kind to compare school-wide (a term,
 * a month), over the 12 months to its end instead, and the finding says so.
 */
function kindFindings(periodCtx: Context): Finding[] {
  const inPeriod = kindFindingsOver(periodCtx, '');
  const end = Math.min(periodCtx.period.end, periodCtx.now);
  const tz = periodCtx.wb.timeZone;
  // A term or a month may hold too few calls, or too few of them slow, to show a pattern a year shows.
  if (inPeriod.some((f) => f.id === 'weakestLink:kind:ALL:Software') || end - periodCtx.period.start >= (DEFAULT_LOOKBACK_DAYS - 1) * DAY_MS) return inPeriod;
  const year = { start: end - DEFAULT_LOOKBACK_DAYS * DAY_MS, end, label: trailingPeriodLabel(DEFAULT_LOOKBACK_DAYS, longDate(end, tz)) };
  const why = enough(incidentsOf(periodCtx)) ? 'does not show it' : 'has too few software and hardware incidents to compare';
  const wider = kindFindingsOver(
    { ...periodCtx, period: year },
    ` (${periodWording(periodCtx.period, periodCtx.now)} ${why}; the 12 months to ${longDate(end, tz)} do)`,
  );
  return [...wider.filter((f) => f.id === 'weakestLink:kind:ALL:Software'), ...inPeriod];
}

function kindFindingsOver(ctx: Context, longer: string): Finding[] {
  const items = incidentsOf(ctx);
  const out: Finding[] = [];
  const compare = (list: Resolved[], service?: Service) => {
    const sw = list.filter((r) => r.incident.component === 'Software');
    const hw = list.filter((r) => r.incident.component === 'Hardware');
    if (sw.length < MIN_KIND_SAMPLE || hw.length < MIN_KIND_SAMPLE) return;
    const medians = (key: 'respond' | 'hours') => [sw, hw].map((rs) => median(rs.flatMap((r) => r[key] ?? [])));
    const [[respondSw, respondHw], [fixSw, fixHw]] = [medians('respond'), medians('hours')];
    const slower = (a: number, b: number) => a > 0 && a >= SLOW_KIND_RATIO * b;
    const h = (x: number) => (Number.isNaN(x) ? 'an unknown time' : hoursText(x));
    const how = [slower(respondSw, respondHw) ? 'answered' : '', slower(fixSw, fixHw) ? 'fixed' : ''].filter(Boolean);
    if (how.length === 0) return;
    const slowest = [...sw].sort((a, b) => b.hours - a.hours).slice(0, MAX_ROW_REFS);
    out.push({
      id: `weakestLink:kind:${service?.serviceId ?? 'ALL'}:Software`,
      analysis: 'weakestLink',
      severity: service ? gapSeverity(ctx, service.rank) : 'medium',
      question: QUESTION,
      title: `${service ? `${service.name}: s` : 'S'}oftware faults are ${how.join(' and ')} more slowly than hardware faults${longer ? ` over ${ctx.period.label}` : ''}`,
      evidence: `In ${periodWording(ctx.period, ctx.now)}${longer}, across ${service ? serviceLabel(service) : 'all services'}, ${plural(sw.length, 'resolved software incident')} took a median ${h(respondSw)} to answer and ${h(fixSw)} to fix, in support hours; ${plural(hw.length, 'hardware incident')} took ${h(respondHw)} and ${h(fixHw)}. Slow software support can extend downtime. The rows cited are the ${plural(slowest.length, 'slowest software fix', 'slowest software fixes')}.`,
      action:
        'Find out why software faults wait longer (supplier, skills, licences), find the cost of faster software support, and review it with the representatives.',
      refs: [...(service ? [ctx.ref('services', service.row)] : []), ...slowest.map((r) => ctx.ref('incidents', r.incident.row, 'component'))],
      serviceIds: service ? [service.serviceId] : [...new Set(sw.map((r) => r.incident.serviceId))],
      figures: { respondHours: respondSw, hardwareRespondHours: respondHw, fixHours: fixSw, hardwareFixHours: fixHw, incidents: sw.length },
    });
  };
  compare(items);
  for (const s of ctx.wb.services)
    compare(
      items.filter((r) => ctx.service(r.incident.serviceId) === s),
      s,
    );
  return out;
}
