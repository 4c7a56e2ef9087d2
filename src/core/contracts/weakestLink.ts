/**
 * Weakest link inside a service: the components whose contracts respond or fix more slowly than the
 * service's targets require (the slowest part sets the downtime), and component kinds the log shows
 * being fixed much more slowly than others.
 */
import type { Equipment, Service } from '../schema';
import { worstCaseHours } from './chain';
import { contractLabel, fmtHours, gapSeverity, minOf, plural, PRIORITIES, serviceLabel, type Context } from './context';
import { median, resolvedItems, type Resolved } from './resolution';
import { MAX_ROW_REFS, MIN_KIND_SAMPLE, SCHOOL_HANDLING_HOURS, SLOW_KIND_RATIO } from './thresholds';
import type { Finding, RowRef } from './types';
import { patternIn } from './weekly';

const QUESTION = 'Clashes in priority or availability' as const;

interface Part {
  readonly item: Equipment;
  readonly label: string;
  readonly worst: number | undefined;
  readonly respond: number | undefined;
  readonly slow: boolean;
}

export function weakestLinkFindings(ctx: Context): Finding[] {
  return [...componentFindings(ctx), ...kindFindings(ctx)];
}

function componentFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const s of ctx.wb.services) {
    const support = ctx.supportHours(s);
    if (support.kind !== 'ok') continue;
    const targets = PRIORITIES.map((p) => ctx.targetFor(s, 'Incident', p)).filter((t) => t !== undefined);
    const resolve = minOf(targets.map((t) => t.resolveHours).filter((h): h is number => h !== undefined));
    const respond = minOf(targets.map((t) => t.respondHours).filter((h): h is number => h !== undefined));
    if (resolve === undefined && respond === undefined) continue;
    const parts: Part[] = [];
    for (const e of ctx.wb.equipment) {
      if (e.serviceId.trim().toLowerCase() !== s.serviceId.trim().toLowerCase() || !e.contractRef) continue;
      const c = ctx.contract(e.contractRef);
      if (!c) continue;
      const hours = ctx.contractHours(c);
      const zone = support.resolved.timeZone;
      const worst = c.fixHours === undefined || hours.kind === 'error' ? undefined
        : worstCaseHours(support.resolved.hours, hours.kind === 'ok' ? patternIn(hours.resolved, zone, ctx.now) : undefined, SCHOOL_HANDLING_HOURS, c.fixHours);
      const slowFix = worst !== undefined && resolve !== undefined && worst > resolve + 1e-9;
      const slowRespond = c.respondHours !== undefined && respond !== undefined && c.respondHours > respond + 1e-9;
      const speeds = [c.respondHours === undefined ? 'response time unknown' : `responds in ${fmtHours(c.respondHours)}`,
        c.fixHours === undefined ? 'fix time unknown' : `fixes in ${fmtHours(c.fixHours)}${worst !== undefined && worst !== c.fixHours ? ` (up to ${Number.isFinite(worst) ? fmtHours(worst) : 'for ever'} of the service's hours)` : ''}`];
      parts.push({
        item: e, label: `${e.component} (${e.kind}, ${contractLabel(c)}: ${speeds.join(', ')})`,
        worst, respond: c.respondHours, slow: slowFix || slowRespond,
      });
    }
    const slow = parts.filter((p) => p.slow).sort((a, b) => (b.worst ?? 0) - (a.worst ?? 0));
    if (slow.length === 0) continue;
    const fast = parts.filter((p) => !p.slow);
    const need = [resolve === undefined ? '' : `resolve within ${fmtHours(resolve)}`, respond === undefined ? '' : `respond within ${fmtHours(respond)}`].filter(Boolean).join(' and ');
    out.push({
      id: `weakestLink:${s.serviceId}`,
      analysis: 'weakestLink', severity: gapSeverity(s.rank), question: QUESTION,
      title: `${s.name}: ${slow[0].item.component} is supported more slowly than the service's targets`,
      evidence: `${serviceLabel(s)}'s tightest incident targets are ${need}. Slower than that: ${slow.map((p) => p.label).join('; ')}.` +
        (fast.length ? ` Within the targets: ${fast.map((p) => p.label).join('; ')}.` : '') +
        ' The slowest part sets how long the service can be down.',
      action: `Find the cost of faster support for ${slow.map((p) => p.item.component).join(', ')}, or agree with the representatives and the head teacher that ${s.name} targets allow for it.`,
      refs: [ctx.ref('services', s.row), ...slow.map((p) => ctx.ref('equipment', p.item.row, 'contractRef'))],
      serviceIds: [s.serviceId],
      figures: { slowComponents: slow.length, ...(resolve !== undefined ? { tightestResolveHours: resolve } : {}) },
    });
  }
  return out;
}

/** Component kinds fixed much more slowly than the other kinds together, school-wide and within each service. */
function kindFindings(ctx: Context): Finding[] {
  const items = resolvedItems(ctx).filter((r) => r.incident.type === 'Incident' && r.incident.component !== undefined);
  const out: Finding[] = [];
  const compare = (list: Resolved[], service: Service | undefined) => {
    const byKind = new Map<string, Resolved[]>();
    for (const r of list) {
      const group = byKind.get(r.incident.component!);
      if (group) group.push(r);
      else byKind.set(r.incident.component!, [r]);
    }
    const kinds = [...byKind].filter(([, rs]) => rs.length >= MIN_KIND_SAMPLE).map(([kind, rs]) => ({ kind, rs, median: median(rs.map((r) => r.hours)) }));
    if (kinds.length < 2) return;
    for (const k of kinds) {
      const others = list.filter((r) => r.incident.component !== k.kind);
      if (others.length < MIN_KIND_SAMPLE) continue;
      const rest = median(others.map((r) => r.hours));
      if (k.median <= 0 || k.median < SLOW_KIND_RATIO * rest) continue;
      const where = service ? `${service.name}: ` : '';
      const scope = service ? `${serviceLabel(service)}` : 'all services';
      const slowest = [...k.rs].sort((a, b) => b.hours - a.hours).slice(0, MAX_ROW_REFS);
      const refs: RowRef[] = [...(service ? [ctx.ref('services', service.row)] : []), ...slowest.map((r) => ctx.ref('incidents', r.incident.row, 'component'))];
      out.push({
        id: `weakestLink:kind:${service?.serviceId ?? 'ALL'}:${k.kind}`,
        analysis: 'weakestLink', severity: service ? gapSeverity(service.rank) : 'medium', question: QUESTION,
        title: `${where}${k.kind} faults take longer to fix than other faults (median ${fmtHours(k.median)} against ${fmtHours(rest)})`,
        evidence: `In ${ctx.period.label}, across ${scope}, ${plural(k.rs.length, `resolved ${k.kind.toLowerCase()} incident`)} took a median ${fmtHours(k.median)} of support hours to resolve; the other ${plural(others.length, 'resolved incident')} took ${fmtHours(rest)}. The slower part sets how long services are down. The ${slowest.length} slowest are listed.`,
        action: `Find out why ${k.kind.toLowerCase()} faults wait longer (supplier, skills, spares), find the cost of faster ${k.kind.toLowerCase()} support, and review it with the representatives.`,
        refs, serviceIds: service ? [service.serviceId] : [...new Set(k.rs.map((r) => r.incident.serviceId))],
        figures: { medianHours: k.median, otherMedianHours: rest, incidents: k.rs.length },
      });
    }
  };
  compare(items, undefined);
  const byService = new Map<string, Resolved[]>();
  for (const r of items) {
    const key = r.incident.serviceId.trim().toLowerCase();
    const group = byService.get(key);
    if (group) group.push(r);
    else byService.set(key, [r]);
  }
  for (const s of ctx.wb.services) compare(byService.get(s.serviceId.trim().toLowerCase()) ?? [], s);
  return out;
}
