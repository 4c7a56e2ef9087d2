/**
 * The panel's overview as one use case: the period asked for, the periods on offer, each SLA's stage, and
 * the period's attainment computed once from the workbook as read once.
 */
import { measureWorkbook } from '../attainment/measured';
import type { AttainmentReport } from '../attainment/types';
import { slaLifecycle, type SlaLifecycle } from '../findings/lifecycle';
import { listPeriods, resolvePeriod, type PeriodOption } from '../periods';
import type { PeriodRequest } from '../periods/period';
import type { Workbook } from '../workbook/parseWorkbook';

export interface PeriodOverview {
  readonly period: PeriodOption;
  /** The periods the panel offers. */
  readonly periods: readonly PeriodOption[];
  readonly report: AttainmentReport;
  /** Each SLA row's stage (review due, overdue…) at `now`. */
  readonly stages: readonly SlaLifecycle[];
}

export function periodOverview(wb: Workbook, request: PeriodRequest, now: number): PeriodOverview {
  const period = resolvePeriod(wb, now, request);
  return {
    period,
    periods: listPeriods(wb, now),
    report: measureWorkbook(wb).attainment(period, { asOf: now, breaches: false }),
    stages: slaLifecycle(wb, now),
  };
}
