/**
 * One school's figures as the trust keeps them: computed by the same use case as the school's own panel
 * (periodOverview: the workbook measured once, the period's attainment computed once), reduced to plain
 * data that a trust workbook stores and rolls up.
 */
import { measureWorkbook } from '../attainment/measured';
import { periodWording } from '../attainment/status';
import { monthlyTrends } from '../monitor/trends';
import type { Rag, SupplierAttainment } from '../attainment/types';
import type { PeriodRequest } from '../periods/period';
import { periodOverview } from '../usecases/overview';
import type { Problem } from '../workbook/problems';
import type { Workbook } from '../workbook/parseWorkbook';
import { LEFT_OUT } from '../workbook/parseTab';
import { idKey } from '../schema/ids';

export interface SchoolServiceFigures {
  readonly serviceId: string;
  readonly name: string;
  readonly rank: number;
  readonly status: Rag | null;
  readonly statusDriver: string | null;
  /** Its SLA is still being agreed: its status is against proposed targets. */
  readonly proposed: boolean;
  /** 0..1, null when the period holds no service hours. */
  readonly availability: number | null;
  readonly availabilityTarget: number | null;
  readonly serviceHours: number;
  readonly downtimeHours: number;
  readonly items: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
}

/** A supplier's calls at one school, as the school's own attainment counts them. */
export type SchoolSupplierFigures = Pick<
  SupplierAttainment,
  'contractRef' | 'supplier' | 'calls' | 'responseMet' | 'responseBreached' | 'fixMet' | 'fixBreached' | 'pending'
> & { readonly hoursKnown: boolean };

export interface SchoolFigures {
  readonly period: { readonly label: string; readonly start: number; readonly end: number };
  /** "Autumn term 2026 to date" while the period runs. */
  readonly wording: string;
  /** The instant the figures were judged at (items still open judged then). */
  readonly asOf: number;
  readonly services: readonly SchoolServiceFigures[];
  readonly suppliers: readonly SchoolSupplierFigures[];
  /** Incidents rows left out of the figures (a cell could not be read). */
  readonly leftOut: number;
  /** The school's last twelve months: the share of items met each month, all services together (null: none judged). */
  readonly trend: { readonly months: readonly string[]; readonly met: ReadonlyArray<number | null> };
}

/** Tabs a workbook cannot be measured without, and so a trust cannot read it without. */
const ESSENTIAL_TABS = ['Services', 'Targets', 'Incidents'];

/**
 * Why a school's workbook cannot be measured (not an SLM Workbook, or one from an older version missing a tab
 * or a required column), or undefined when it can.
 */
export function unreadableReason(problems: readonly Problem[]): string | undefined {
  const missingTabs = problems.filter((p) => p.row === 0 && ESSENTIAL_TABS.includes(p.tab)).map((p) => p.tab);
  if (missingTabs.length)
    return `its workbook has no ${missingTabs.join(', ')} tab${missingTabs.length > 1 ? 's' : ''} (not an SLM Workbook, or one never set up)`;
  const missingColumns = problems.filter((p) => p.row === 1 && p.severity === 'error' && ESSENTIAL_TABS.includes(p.tab));
  if (missingColumns.length) {
    const first = missingColumns[0];
    return `its ${first.tab} tab has no "${first.column}" column (a workbook from an older version: run "Set up workbook" in it)`;
  }
  return undefined;
}

/** A school's figures for the period asked for, as of `now`: the same figures as its own panel shows. */
export function schoolFigures(wb: Workbook, problems: readonly Problem[], request: PeriodRequest, now: number): SchoolFigures {
  const { period, report } = periodOverview(wb, request, now);
  // The panel's trend months, each month's attainment computed once, all services' items added together.
  const measured = measureWorkbook(wb);
  const monthly: Array<number | null> = [];
  const { months } = monthlyTrends(measured.model, measured.cols, now, now, (month) => {
    const r = measured.attainment(month, { asOf: now, breaches: false });
    const met = r.services.reduce((n, x) => n + x.met, 0);
    const breached = r.services.reduce((n, x) => n + x.breached, 0);
    monthly.push(met + breached > 0 ? met / (met + breached) : null);
    return r;
  });
  return {
    period: { label: period.label, start: period.start, end: period.end },
    wording: periodWording(period, now),
    asOf: now,
    services: report.services.map((s) => ({
      serviceId: s.serviceId,
      name: s.name,
      rank: s.rank,
      status: s.status ?? null,
      statusDriver: s.statusDriver ?? null,
      proposed: wb.sla.some((x) => idKey(x.serviceId) === idKey(s.serviceId) && x.status === 'Negotiation'),
      availability: s.availability ?? null,
      availabilityTarget: s.availabilityTarget ?? null,
      serviceHours: s.serviceHours,
      downtimeHours: s.downtimeHours,
      items: s.items,
      met: s.met,
      breached: s.breached,
      pending: s.pending,
    })),
    suppliers: report.suppliers.map((s) => ({
      contractRef: s.contractRef,
      supplier: s.supplier,
      calls: s.calls,
      responseMet: s.responseMet,
      responseBreached: s.responseBreached,
      fixMet: s.fixMet,
      fixBreached: s.fixBreached,
      pending: s.pending,
      hoursKnown: s.hoursKnown,
    })),
    leftOut: new Set(problems.filter((p) => p.message.endsWith(LEFT_OUT)).map((p) => `${p.tab}|${p.row}`)).size,
    trend: { months, met: monthly },
  };
}
