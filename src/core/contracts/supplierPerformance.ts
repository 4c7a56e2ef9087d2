/** Supplier performance: response and fix attainment per contract, from the log's supplier columns, with breaches. */
import { computeAttainment } from '../attainment/compute';
import type { SupplierAttainment } from '../attainment/types';
import { contractLabel, fmtHours, fmtPercent, gapSeverity, minOf, plural, type Context } from './context';
import { MAX_QUOTED_BREACHES, MAX_ROW_REFS, SUPPLIER_COMPLIANCE_PERCENT } from './thresholds';
import type { Finding, Severity } from './types';

const QUESTION = 'Third-party response or fix issues' as const;

export function supplierFindings(ctx: Context): Finding[] {
  const hasSupplierCalls = ctx.wb.incidents.some((i) => i.contractRef !== undefined);
  if (!hasSupplierCalls) return [];
  const report = computeAttainment(ctx.wb, ctx.period, { asOf: ctx.now });
  return report.suppliers.map((a) => finding(ctx, a)).filter((f): f is Finding => f !== undefined);
}

const share = (met: number, breached: number): number | undefined => (met + breached > 0 ? met / (met + breached) : undefined);

function finding(ctx: Context, a: SupplierAttainment): Finding | undefined {
  const c = ctx.contract(a.contractRef);
  if (!c) return undefined;
  const services = ctx.servicesOf(c);
  const ids = services.map((s) => s.serviceId);
  const rank = minOf(services.map((s) => s.rank)) ?? Infinity;
  const label = contractLabel(c);
  const rowsOf = (list: typeof a.breaches) => list.slice(0, MAX_ROW_REFS).map((b) => ctx.ref('incidents', b.row, b.measure === 'response' ? 'supplierResponded' : 'supplierFixed'));
  if (!a.hoursKnown) {
    return {
      id: `supplierPerformance:${c.contractRef}`, analysis: 'supplierPerformance', severity: 'low', question: QUESTION,
      title: `${plural(a.calls, 'call')} to ${label} cannot be measured: its support hours are not known`,
      evidence: `In ${ctx.period.label}, ${plural(a.calls, 'incident')} went to ${c.supplier}; without support hours on the Contracts tab its response and fix times cannot be judged.`,
      action: `Ask ${c.supplier} for its support hours and record them, so its calls can be measured.`,
      refs: [ctx.ref('contracts', c.row, 'supportHours')], serviceIds: ids, contractRef: c.contractRef, figures: { calls: a.calls },
    };
  }
  const respond = share(a.responseMet, a.responseBreached);
  const fix = share(a.fixMet, a.fixBreached);
  const breached = a.responseBreached + a.fixBreached;
  const low = [respond, fix].some((x) => x !== undefined && x * 100 < SUPPLIER_COMPLIANCE_PERCENT);
  const severity: Severity = low ? gapSeverity(rank) : breached > 0 ? 'low' : 'info';
  const part = (name: string, met: number, br: number, target: number | undefined) =>
    target === undefined ? `no ${name} time agreed` : met + br === 0 ? `no ${name} measured yet` : `${name} within ${fmtHours(target)} met on ${met} of ${met + br} (${fmtPercent(met / (met + br))})`;
  const quoted = a.breaches.slice(0, MAX_QUOTED_BREACHES).map((b) => `${b.ref} ${b.measure === 'response' ? 'response' : 'fix'} ${fmtHours(b.actualHours)} against ${fmtHours(b.targetHours)}${b.open ? ' (still open)' : ''}`);
  const more = a.breaches.length > quoted.length ? ` and ${a.breaches.length - quoted.length} more` : '';
  const worst = [respond, fix].filter((x): x is number => x !== undefined);
  return {
    id: `supplierPerformance:${c.contractRef}`, analysis: 'supplierPerformance', severity, question: QUESTION,
    title: breached === 0
      ? `${label} met its response and fix times on every measured call (${plural(a.calls, 'call')})`
      : `${label} missed its ${a.fixBreached > 0 ? 'fix' : 'response'} time on ${plural(a.fixBreached > 0 ? a.fixBreached : a.responseBreached, 'call')}${worst.length ? ` (${fmtPercent(Math.min(...worst))} met)` : ''}`,
    evidence: `In ${ctx.period.label}, ${plural(a.calls, 'call')} to ${c.supplier}, measured in its own hours: ${part('response', a.responseMet, a.responseBreached, c.respondHours)}; ${part('fix', a.fixMet, a.fixBreached, c.fixHours)}` +
      `${a.pending ? `; ${a.pending} not yet judged` : ''}.${quoted.length ? ` Breaches: ${quoted.join('; ')}${more}.` : ''}`,
    action: breached === 0
      ? 'Nothing to do; keep logging supplier times so the next review can judge the contract.'
      : `Raise the breaches with ${c.supplier} at the next contract review, with the incident refs; if they continue, find the cost of another supplier.`,
    refs: [ctx.ref('contracts', c.row), ...rowsOf(a.breaches)], serviceIds: ids, contractRef: c.contractRef,
    figures: {
      calls: a.calls, responseMet: a.responseMet, responseBreached: a.responseBreached, fixMet: a.fixMet, fixBreached: a.fixBreached, pending: a.pending,
    },
  };
}
