/** Supplier performance: response and fix attainment per contract, from the log's supplier columns, with breaches. */
import type { SupplierAttainment } from '../attainment/types';
import { contractLabel, gapSeverity, minOf, type Context } from './context';
import { MAX_QUOTED_BREACHES, MAX_ROW_REFS } from './thresholds';
import type { Finding, Severity } from './types';
import { hoursText, plural, shareText } from '../text';
import { periodWording } from '../attainment/status';

const QUESTION = 'Third-party response or fix issues' as const;

export function supplierFindings(ctx: Context): Finding[] {
  const hasSupplierCalls = ctx.wb.incidents.some((i) => i.contractRef !== undefined);
  if (!hasSupplierCalls) return [];
  const report = ctx.measured.attainment(ctx.period, { asOf: ctx.now });
  const slaMissed = new Set(report.services.flatMap((s) => s.targets.flatMap((t) => (t.measure === 'resolution' ? t.breaches.map((b) => b.row) : []))));
  return report.suppliers.map((a) => finding(ctx, a, slaMissed)).filter((f): f is Finding => f !== undefined);
}

function finding(ctx: Context, a: SupplierAttainment, slaMissed: Set<number>): Finding | undefined {
  const c = ctx.contract(a.contractRef);
  // Unknown or unreadable support hours are reported once, by coverage.
  if (!c || !a.hoursKnown) return undefined;
  const services = ctx.servicesOf(c);
  const ids = services.map((s) => s.serviceId);
  const rank = minOf(services.map((s) => s.rank)) ?? Infinity;
  const label = contractLabel(c);
  const rowsOf = (list: typeof a.breaches) =>
    list.slice(0, MAX_ROW_REFS).map((b) => ctx.ref('incidents', b.row, b.measure === 'response' ? 'supplierResponded' : 'supplierFixed'));
  const breached = a.responseBreached + a.fixBreached;
  // A supplier late on a call whose incident still met its SLA resolution target is a slip to raise;
  // only calls that also missed the SLA put the service at risk, so only they raise the severity.
  const risked = [...new Set(a.breaches.filter((b) => slaMissed.has(b.row)).map((b) => b.ref))];
  const atRisk = risked.length;
  const severity: Severity = atRisk ? gapSeverity(ctx, rank) : breached ? 'low' : 'info';
  const part = (name: string, met: number, br: number, target: number | undefined) =>
    target === undefined
      ? `no ${name} time agreed`
      : met + br === 0
        ? `no ${name} measured yet`
        : `${name} within ${hoursText(target)} met on ${met} of ${met + br} (${shareText(met / (met + br))})`;
  const quoted = a.breaches
    .slice(0, MAX_QUOTED_BREACHES)
    .map(
      (b) =>
        `${b.ref} ${b.measure === 'response' ? 'response' : 'fix'} ${hoursText(b.actualHours)} against ${hoursText(b.targetHours)}${b.open ? ' (still open)' : ''}`,
    );
  const more = a.breaches.length > quoted.length ? ` and ${a.breaches.length - quoted.length} more` : '';
  const missed = (
    [
      ['response', a.responseBreached, a.responseMet],
      ['fix', a.fixBreached, a.fixMet],
    ] as const
  )
    .filter(([, br]) => br > 0)
    .map(([name, br, met]) => `its ${name} time on ${br} of ${plural(br + met, 'call')}`);
  // Named with its period: the same contract's figures differ between the last 12 months (the Findings tab)
  // and a term (the panel, the review), and a reader comparing them must see why.
  const when = `in ${periodWording(ctx.period, ctx.now)}`;
  return {
    id: `supplierPerformance:${c.contractRef}`,
    analysis: 'supplierPerformance',
    severity,
    question: QUESTION,
    title:
      breached === 0
        ? `${label} met its response and fix times on every measured call (${plural(a.calls, 'call')}) ${when}`
        : `${label} missed ${missed.join(' and ')} ${when}`,
    evidence:
      `In ${periodWording(ctx.period, ctx.now)}, ${plural(a.calls, 'call')} to ${c.supplier}, measured in its own hours: ${part('response', a.responseMet, a.responseBreached, c.respondHours)}; ${part('fix', a.fixMet, a.fixBreached, c.fixHours)}` +
      `${a.pending ? `; ${a.pending} not yet judged` : ''}.${quoted.length ? ` Breaches: ${quoted.join('; ')}${more}.` : ''}` +
      (breached
        ? ` ${atRisk ? `${plural(atRisk, 'incident')} (${risked.join(', ')}) also missed the SLA resolution target` : 'None of those incidents missed its SLA resolution target'}.`
        : ''),
    action:
      breached === 0
        ? 'Nothing to do; keep logging supplier times so the next review can judge the contract.'
        : `Raise the breaches with ${c.supplier} at the next contract review, with the incident refs; if they continue, find the cost of another supplier.`,
    refs: [ctx.ref('contracts', c.row), ...rowsOf(a.breaches)],
    serviceIds: ids,
    contractRef: c.contractRef,
    figures: {
      calls: a.calls,
      slaMissed: atRisk,
      responseMet: a.responseMet,
      responseBreached: a.responseBreached,
      fixMet: a.fixMet,
      fixBreached: a.fixBreached,
      pending: a.pending,
    },
  };
}
