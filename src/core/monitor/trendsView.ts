import { namedRangeName } from '../schema/workbook';
import type { TabKey } from '../schema/types';
import { TREND_MONTHS, type TrendMeasure } from './trends';

/** The tab holding the trend tables the Dashboard's charts draw. */
export const TRENDS_TAB = 'Trends';

const TREND_TABS: readonly TabKey[] = ['incidents', 'holds', 'services', 'sla', 'targets', 'calendars', 'closures'];
/** Rows where each table's header is; each spills TREND_MONTHS rows below it. */
export const TREND_TABLE_ROWS: Readonly<Record<TrendMeasure, number>> = { met: 5, availability: 5 + TREND_MONTHS + 3 };
/** Columns a chart reads: the month and up to 24 services and the target line (blank columns draw nothing). */
export const TREND_CHART_COLUMNS = 26;

const formulaOver = (measure: TrendMeasure, tabs: readonly TabKey[]) => `=SLM_TRENDS("${measure}",B3,${tabs.map(namedRangeName).join(',')})`;
const formula = (measure: TrendMeasure) => formulaOver(measure, TREND_TABS);

/** Each trend table's formula now, and as Set up wrote it before trends counted holds (Set up brings that one up to date). */
export const trendFormulas = (measure: TrendMeasure) => ({
  row: TREND_TABLE_ROWS[measure],
  now: formula(measure),
  withoutHolds: formulaOver(
    measure,
    TREND_TABS.filter((k) => k !== 'holds'),
  ),
});

/** The tab's content from A1, each row the same width. */
export function trendsCells(): string[][] {
  const rows: string[][] = [
    ['Trends: the last 12 months', ''],
    [
      'Share of items met and availability per month per service, drawn by the charts on the Dashboard. A month with nothing to judge is blank (a gap in the chart), never 0%. Months end at B3 (blank: today).',
      '',
    ],
    ['As of', ''],
  ];
  while (rows.length < TREND_TABLE_ROWS.met - 1) rows.push(['', '']);
  rows.push([formula('met'), '']);
  while (rows.length < TREND_TABLE_ROWS.availability - 2) rows.push(['', '']);
  rows.push(['Availability per month', '']);
  rows.push([formula('availability'), '']);
  return rows;
}

/**
 * The tab the two trend charts sit on, one under the other from its top-left corner, next to the Dashboard:
 * seen without scrolling sideways, whatever the width of the Dashboard's table or its number of services.
 */
export const CHARTS_TAB = 'Trend charts';

/** Where each chart is anchored on its tab (1-based row, column A): under the tab's two lines of text. */
export const CHART_ROWS: readonly number[] = [5, 26];
/** Each chart's size in pixels: narrow enough for a laptop screen beside Sheets' own panels. */
export const CHART_SIZE = { width: 640, height: 400 } as const;

/** The charts tab's text from A1: what the charts show, and that the last month is still running. */
export function chartsCells(): string[][] {
  return [
    ['Trend charts: the last 12 months'],
    ['One line per service with a figure in these months; services at 100% in every month measured share one line.'],
    ['A gap is a month with nothing to judge. The last month is still running: its point is the month to date.'],
  ];
}

/** The two trend charts: title and the table they draw. */
export const TREND_CHARTS: ReadonlyArray<{ measure: TrendMeasure; title: string }> = [
  { measure: 'met', title: 'Items met per month (share of items judged)' },
  { measure: 'availability', title: 'Availability per month' },
];
