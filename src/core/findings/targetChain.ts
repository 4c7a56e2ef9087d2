/** Target chain: a supplier's fix time, plus the school's own handling, must fit inside the SLA's resolution targets. */
import type { Priority, Service, Target } from '../schema/records';
import { worstCaseHours } from './chain';
import { contractLabel, describeHours, gapSeverity, PRIORITIES, tightestTarget, type Context } from './context';
import type { Finding } from './types';
import { patternIn } from '../time/weekly';
import { formatHours } from '../time/hours';
import { minOf } from '../values';
import { hoursText } from '../text';
import { fromSettings } from '../settings/definitions';

interface Miss {
  readonly priority: Priority;
  readonly target: Target;
  readonly needed: number;
}

const EPSILON = 1e-9;

export function targetChainFindings(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const handling = ctx.settings.handlingHours;
  for (const c of ctx.wb.contracts) {
    if (c.fixHours === undefined) continue;
    const contractHours = ctx.contractHours(c);
    if (contractHours.kind === 'error') continue;
    // The services it lists, and any whose equipment is under it (so a missing listing hides no gap).
    const parts = ctx.wb.equipment.filter((e) => e.contractRef && ctx.contract(e.contractRef) === c);
    const services = new Set([...ctx.servicesOf(c), ...parts.map((e) => ctx.service(e.serviceId)).filter((s): s is Service => s !== undefined)]);
    for (const s of services) {
      const support = ctx.supportHours(s);
      if (support.kind !== 'ok') continue;
      const zone = support.resolved.timeZone;
      const okHours = contractHours.kind === 'ok' ? contractHours : undefined;
      const known = okHours ? patternIn(okHours.resolved, zone, ctx.now) : undefined;
      const worst = worstCaseHours(support.resolved.hours, known, handling, c.fixHours);
      const misses: Miss[] = [];
      for (const priority of PRIORITIES) {
        const target = ctx.targetFor(s, 'Incident', priority);
        if (target?.resolveHours === undefined) continue;
        if (worst > target.resolveHours + EPSILON) misses.push({ priority, target, needed: target.resolveHours });
      }
      if (misses.length === 0) continue;
      const tightest = minOf(misses.map((m) => m.needed))!;
      const byTarget = new Map<number, Priority[]>();
      for (const m of misses) byTarget.set(m.needed, [...(byTarget.get(m.needed) ?? []), m.priority]);
      const list = [...byTarget].map(([h, ps]) => `${ps.join(', ')}: ${hoursText(h)}`).join('; ');
      const mine = parts.filter((e) => ctx.service(e.serviceId) === s);
      const respond = tightestTarget(ctx, s, 'respondHours');
      // Unknown contract hours are reported by coverage; here the fix is judged at its best (no waiting for them).
      // When the sum does not add up (the supplier's hours are not the service's), say why on the page itself.
      const ownHours =
        okHours && Number.isFinite(worst) && Math.abs(worst - handling - c.fixHours) > 0.01
          ? `, counted in its own hours (${formatHours(okHours.resolved.hours)}),`
          : '';
      const takes = !okHours
        ? `takes at least ${hoursText(worst)}`
        : Number.isFinite(worst)
          ? `can take up to ${hoursText(worst)}${ownHours ? ` of ${s.name}'s support hours` : ''}`
          : 'may never end';
      out.push({
        id: `targetChain:${c.contractRef}:${s.serviceId}`,
        analysis: 'targetChain',
        severity: gapSeverity(ctx, s.rank),
        question: 'Third-party response or fix issues',
        title: `${contractLabel(c)} cannot fix ${s.name} within the ${hoursText(tightest)} target: ${handling > 0 ? `after ${hoursText(handling)} of the school's own handling, ` : ''}its ${hoursText(c.fixHours)} fix${ownHours} ${takes}`,
        evidence:
          `${c.contractRef} fixes within ${hoursText(c.fixHours)}${okHours ? ` of its own hours (${describeHours(okHours)})` : ''}; ${s.name} is supported in ${describeHours(support)}.` +
          `${mine.length ? ` It supports ${mine.map((e) => e.component).join(', ')}.` : ''} Incident resolution targets it cannot meet: ${list}.` +
          (c.respondHours! > respond! ? ` It also responds in ${hoursText(c.respondHours!)}, against a ${hoursText(respond!)} response target.` : '') +
          ` The school's own handling is taken as ${hoursText(handling)} ${fromSettings('handlingHours')}.`,
        action: `Find the cost of a faster fix from ${c.supplier}, or review the ${s.name} targets with the representatives so they allow for the supplier, and agree a way forward with the head teacher.`,
        refs: [
          ctx.ref('contracts', c.row, 'fixHours'),
          ...[...new Set(misses.map((m) => m.target.row))].map((row) => ctx.ref('targets', row, 'resolveHours')),
          ctx.ref('services', s.row, 'supportHours'),
          ...mine.map((e) => ctx.ref('equipment', e.row, 'contractRef')),
        ],
        serviceIds: [s.serviceId],
        contractRef: c.contractRef,
        figures: { fixHours: c.fixHours, worstCaseHours: worst, tightestTargetHours: tightest, handlingHours: handling },
      });
    }
  }
  return out;
}
