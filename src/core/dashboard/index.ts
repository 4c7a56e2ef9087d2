import { namedRangeName } from '../schema/workbook';
import type { TabKey } from '../schema/types';
import { FINDINGS_TABS } from '../findings/ranges';
import { DEFAULT_LOOKBACK_DAYS } from '../findings/thresholds';
import { trailingPeriodLabel } from '../attainment/status';

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

/**
 * The Dashboard tab's content from A1, every row the same width: a title, the period's first and last day
 * (last month by default; the user may type any dates), a line of help, and the attainment formula.
 */
export function dashboardCells(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Service attainment', ''],
    ['Attainment of every service against its SLA for the period below. Change the dates to report another period.', ''],
    ['Period start', '=EOMONTH(TODAY(),-2)+1'],
    ['Period end (included)', '=EOMONTH(TODAY(),-1)'],
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
  `=SLM_FINDINGS(${FINDINGS_TABS.filter((k) => k !== 'settings').map(namedRangeName).join(',')})`;

/** Where the findings table spills from (row 4, column A) and its formula. */
export const FINDINGS_TABLE = { row: 4, col: 1, get formula(): string { return findingsFormula(); } };

/** The Findings tab's content: a line of help and the one formula the findings table spills from. */
export function findingsCells(): string[][] {
  return [
    ['Contract and review findings'],
    [`Gaps between contracts and the SLA, unknowns and supplier breaches, worked out live from the tabs. Supplier figures and where the work went cover ${FINDINGS_PERIOD} (the panel and the review give them for the period they report). "Check contracts" in the menu shows the same with links to the rows.`],
    [''],
    [findingsFormula()],
  ];
}
