import { namedRangeName } from '../schema/workbook';
import type { TabKey } from '../schema/types';
import { FINDINGS_TABS } from '../findings/ranges';
import { DEFAULT_LOOKBACK_DAYS } from '../findings/thresholds';
import { trailingPeriodLabel } from '../attainment/status';
import { civilFromDays, DAY_MS, daysFromCivil, utcOffsetMs } from '../time/zone';

/** Cells of the Dashboard tab the user edits and the one the table spills from (A1 notation). */
export const DASHBOARD_CELLS = { periodStart: 'B3', periodEnd: 'B4', table: 'A6' } as const;

/** The tabs SLM_ATTAINMENT reads, passed by their named ranges (recognised by header, so order is free). */
const ATTAINMENT_TABS: readonly TabKey[] = ['services', 'sla', 'targets', 'incidents', 'holds', 'calendars', 'closures', 'settings'];

const attainmentFormulaOf = (tabs: readonly TabKey[]): string =>
  `=SLM_ATTAINMENT(${DASHBOARD_CELLS.periodStart},${DASHBOARD_CELLS.periodEnd},${tabs.map(namedRangeName).join(',')})`;

/** The one formula that fills the Dashboard's table. */
export const attainmentFormula = (): string => attainmentFormulaOf(ATTAINMENT_TABS);

/** The Dashboard formula Set up wrote before statuses read the Settings tab: Set up adds the Settings range to it. */
export const attainmentFormulaWithoutSettings = (): string => attainmentFormulaOf(ATTAINMENT_TABS.filter((k) => k !== 'settings'));

/** The Dashboard's period cells as Set up wrote them before: volatile (TODAY()), which Sheets refuses in a custom function's arguments. */
export const VOLATILE_PERIOD_FORMULAS = { start: '=EOMONTH(TODAY(),-2)+1', end: '=EOMONTH(TODAY(),-1)' } as const;

/** Last month's first and last day at `now` in `timeZone`, as deterministic DATE formulas. */
export function lastMonthFormulas(now: number, timeZone: string): { start: string; end: string } {
  const today = civilFromDays(Math.floor((now + utcOffsetMs(now, timeZone)) / DAY_MS));
  const firstOfThis = daysFromCivil(today.y, today.m, 1);
  const last = civilFromDays(firstOfThis - 1);
  return { start: `=DATE(${last.y},${last.m},1)`, end: `=DATE(${last.y},${last.m},${last.d})` };
}

/**
 * The Dashboard tab's content from A1, every row the same width: a title, the period's first and last day
 * (last month when the tab is made; the user may type any dates), a line of help, and the attainment formula.
 * The dates are fixed DATE formulas, never TODAY(): Sheets refuses a custom function whose arguments read a
 * volatile cell ("custom function arguments must be deterministic").
 */
export function dashboardCells(now: number, timeZone: string): (string | number)[][] {
  const period = lastMonthFormulas(now, timeZone);
  const rows: (string | number)[][] = [
    ['Service attainment', ''],
    ['Attainment of every service against its SLA for the period below (last month when this tab was made). Type other dates to report another period.', ''],
    ['Period start', period.start],
    ['Period end (included)', period.end],
    ['', ''],
    [attainmentFormula(), ''],
  ];
  // The positions above must match DASHBOARD_CELLS.
  return rows;
}

/** The period the Findings tab measures suppliers over, named beside its figures. */
const FINDINGS_PERIOD = trailingPeriodLabel(DEFAULT_LOOKBACK_DAYS, 'today');

const findingsFormula = (): string => `=SLM_FINDINGS(${FINDINGS_TABS.map(namedRangeName).join(',')})`;

/** The Findings formula Set up wrote before the Settings tab existed: Set up adds the Settings range to it. */
export const findingsFormulaWithoutSettings = (): string =>
  `=SLM_FINDINGS(${FINDINGS_TABS.filter((k) => k !== 'settings')
    .map(namedRangeName)
    .join(',')})`;

/** Where the findings table spills from (row 4, column A) and its formula. */
export const FINDINGS_TABLE = {
  row: 4,
  col: 1,
  get formula(): string {
    return findingsFormula();
  },
};

/** The Findings tab's content: a line of help and the one formula the findings table spills from. */
export function findingsCells(): string[][] {
  return [
    ['Contract and review findings'],
    [
      `Gaps between contracts and the SLA, unknowns and supplier breaches, worked out live from the tabs. Supplier figures and where the work went cover ${FINDINGS_PERIOD} (the panel and the review give them for the period they report). "Check contracts" in the menu shows the same with links to the rows.`,
    ],
    [''],
    [findingsFormula()],
  ];
}
