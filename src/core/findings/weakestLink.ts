/**
 * Weakest link inside a service: components whose contracts respond more slowly than the service's
 * response targets (a fix too slow for them is the target chain's finding, not repeated here), and
 * software faults answered or fixed much more slowly than hardware faults, as the guidance warns.
 */
import { periodWording } from '../attainment/status';
import type { Service } from '../schema/records';
import { contractLabel, gapSeverity, serviceLabel, tightestTarget, type Context } from './context';
import { median, resolvedItems, type Resolved } from './resolution';
import { MAX_ROW_REFS, MIN_KIND_SAMPLE, SLOW_KIND_RATIO } from './thresholds';
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
      analysis: 'weakestLink', severity: gapSeverity(ctx, s.rank), question: QUESTION,
      title: `${s.name}: ${slow.map((p) => p.e.component).join(', ')} ${slow.length === 1 ? 'is' : 'are'} answered more slowly than the ${hoursText(respond)} response target`,
      evidence: `The tightest incident response target of ${serviceLabel(s)} is ${hoursText(respond)}. ${slow.map(({ e, c }) => `${e.component} (${e.kind}) is under ${contractLabel(c)}, which responds in ${hoursText(c.respondHours!)}`).join('; ')}. The slowest part sets how long the service can be down.`,
      action: `Find the cost of faster support for ${slow.map((p) => p.e.component).join(', ')}, or agree with the representatives and the head teacher that the ${s.name} targets allow for it.`,
      refs: [ctx.ref('services', s.row), ...slow.map((p) => ctx.ref('equipment', p.e.row, 'contractRef'))],
      serviceIds: [s.serviceId], figures: { slowComponents: slow.length, tightestRespondHours: respond },
    });
  }
  return [...out, ...kindFindings(ctx)];
}

/** Software incidents answered or fixed much more slowly than hardware ones, school-wide and within each service. */
function kindFindings(ctx: Context): Finding[] {
  const items = resolvedItems(ctx).filter((r) => r.incident.type === 'Incident');
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
      analysis: 'weakestLink', severity: service ? gapSeverity(ctx, service.rank) : 'medium', question: QUESTION,
      title: `${service ? `${service.name}: s` : 'S'}oftware faults are ${how.join(' and ')} more slowly than hardware faults`,
      evidence: `In ${periodWording(ctx.period, ctx.now)}, across ${service ? serviceLabel(service) : 'all services'}, ${plural(sw.length, 'resolved software incident')} took a median ${h(respondSw)} to answer and ${h(fixSw)} to fix, in support hours; ${plural(hw.length, 'hardware incident')} took ${h(respondHw)} and ${h(fixHw)}. Slow software support can extend downtime. The rows cited are the ${plural(slowest.length, 'slowest software fix', 'slowest software fixes')}.`,
      action: 'Find out why software faults wait longer (supplier, skills, licences), find the cost of faster software support, and review it with the representatives.',
      refs: [...(service ? [ctx.ref('services', service.row)] : []), ...slowest.map((r) => ctx.ref('incidents', r.incident.row, 'component'))],
      serviceIds: service ? [service.serviceId] : [...new Set(sw.map((r) => r.incident.serviceId))],
      figures: { respondHours: respondSw, hardwareRespondHours: respondHw, fixHours: fixSw, hardwareFixHours: fixHw, incidents: sw.length },
    });
  };
  compare(items);
  for (const s of ctx.wb.services) compare(items.filter((r) => ctx.service(r.incident.serviceId) === s), s);
  return out;
}
