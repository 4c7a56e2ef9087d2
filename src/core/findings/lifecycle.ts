/** SLA lifecycle: each agreement's stage (negotiation, agreed, monitoring, review due), its next review, and overdue reviews. */
import type { Workbook } from '../workbook/parseWorkbook';
import { makeRef, type Context } from './context';
import type { Finding } from './types';
import { longDate, plural } from '../text';
import { DAY_MS } from '../time/zone';
import { idKey } from '../schema/ids';

export type SlaStage = 'Negotiation' | 'Agreed' | 'Monitoring' | 'Review due' | 'Review overdue' | 'Review';

export interface SlaLifecycle {
  readonly serviceId: string;
  readonly name: string;
  readonly row: number;
  readonly status: Workbook['sla'][number]['status'];
  readonly stage: SlaStage;
  readonly agreedOn: number | undefined;
  readonly nextReview: number | undefined;
  /** Days until the next review (negative when overdue); undefined when none is set. */
  readonly daysToReview: number | undefined;
}

/** The lifecycle of every SLA row, in the SLA tab's order; a review is due within the Settings tab's review warning. */
export function slaLifecycle(wb: Workbook, now: number): SlaLifecycle[] {
  const names = new Map(wb.services.map((s) => [idKey(s.serviceId), s.name]));
  return wb.sla.map((r) => {
    const days = r.nextReview === undefined ? undefined : Math.ceil((r.nextReview - now) / DAY_MS);
    const stage: SlaStage =
      r.status === 'Negotiation'
        ? 'Negotiation'
        : days !== undefined && days < 0
          ? 'Review overdue'
          : days !== undefined && days <= wb.assumptions.reviewDueDays
            ? 'Review due'
            : r.status;
    return {
      serviceId: r.serviceId,
      name: names.get(idKey(r.serviceId)) ?? r.serviceId,
      row: r.row,
      status: r.status,
      stage,
      agreedOn: r.agreedOn,
      nextReview: r.nextReview,
      daysToReview: days,
    };
  });
}

export function lifecycleFindings(ctx: Context): Finding[] {
  const tz = ctx.wb.timeZone;
  const all = slaLifecycle(ctx.wb, ctx.now);
  if (all.length === 0) return [];
  const out: Finding[] = [];
  const date = (ms: number) => longDate(ms, tz);
  for (const l of all) {
    const base = { analysis: 'lifecycle' as const, question: 'Other support issues' as const, serviceIds: [l.serviceId] };
    if (l.stage === 'Review overdue') {
      out.push({
        ...base,
        id: `lifecycle:overdue:${l.serviceId}`,
        severity: 'medium',
        title: `${l.name}: SLA review overdue by ${plural(-l.daysToReview!, 'day')}`,
        evidence: `The SLA for ${l.name} (${l.status}) was due for review on ${date(l.nextReview!)}.`,
        action: `Hold the review with the ${l.name} representatives, record findings and actions on the Reviews tab, and set the next review date.`,
        refs: [ctx.ref('sla', l.row, 'nextReview')],
        figures: { daysToReview: l.daysToReview! },
      });
    } else if (l.stage === 'Review due') {
      out.push({
        ...base,
        id: `lifecycle:due:${l.serviceId}`,
        severity: 'low',
        title: `${l.name}: SLA review due in ${plural(l.daysToReview!, 'day')}`,
        evidence: `The SLA for ${l.name} is due for review on ${date(l.nextReview!)}.`,
        action: `Arrange the review meeting with the ${l.name} representatives.`,
        refs: [ctx.ref('sla', l.row, 'nextReview')],
        figures: { daysToReview: l.daysToReview! },
      });
    } else if (l.stage === 'Negotiation') {
      out.push({
        ...base,
        id: `lifecycle:negotiation:${l.serviceId}`,
        severity: 'low',
        title: `${l.name}: SLA still in negotiation`,
        evidence: `The SLA for ${l.name} has not been agreed${l.agreedOn === undefined ? ' (no agreed date)' : ''}, so its targets are not yet binding.`,
        action: `Finish agreeing the SLA with the ${l.name} representatives and the head teacher, then record the agreed date and the next review.`,
        refs: [ctx.ref('sla', l.row, 'status')],
      });
    } else if (l.nextReview === undefined) {
      out.push({
        ...base,
        id: `lifecycle:noReview:${l.serviceId}`,
        severity: 'low',
        title: `${l.name}: no review date set`,
        evidence: `The SLA for ${l.name} is ${l.status.toLowerCase()} but has no next review date.`,
        action: 'Set the next review date, normally within a year of agreement.',
        refs: [ctx.ref('sla', l.row, 'nextReview')],
      });
    }
  }
  const count = (stage: SlaStage) => all.filter((l) => l.stage === stage).length;
  const stages: SlaStage[] = ['Negotiation', 'Agreed', 'Monitoring', 'Review', 'Review due', 'Review overdue'];
  const next = all.filter((l) => l.daysToReview !== undefined && l.daysToReview >= 0).sort((a, b) => a.nextReview! - b.nextReview!)[0];
  out.push({
    id: 'lifecycle:summary',
    analysis: 'lifecycle',
    severity: 'info',
    question: 'Other support issues',
    title: `SLA lifecycle: ${stages
      .filter((s) => count(s) > 0)
      .map((s) => `${count(s)} ${s.toLowerCase()}`)
      .join(', ')}`,
    evidence:
      all.map((l) => `${l.name}: ${l.stage}${l.nextReview !== undefined ? `, next review ${date(l.nextReview)}` : ''}`).join('; ') +
      (next ? `. The next review, of ${next.name}, is on ${date(next.nextReview!)}.` : '.'),
    action: 'Keep each SLA moving: agree those in negotiation, monitor the agreed ones, and review each on its date.',
    refs: all.map((l) => makeRef('sla', l.row, 'status')),
    serviceIds: all.map((l) => l.serviceId),
    figures: { slas: all.length, overdue: count('Review overdue'), due: count('Review due'), negotiation: count('Negotiation') },
  });
  return out;
}
