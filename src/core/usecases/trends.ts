/** The panel's twelve-month trends as one use case: the workbook measured once, each month computed once. */
import { measureWorkbook } from '../attainment/measured';
import { monthlyTrends, type Trends } from '../monitor/trends';
import type { Workbook } from '../workbook/parseWorkbook';

/** The twelve months ending with the one holding `now`, each judged as of `now`. */
export function recentTrends(wb: Workbook, now: number): Trends {
  const measured = measureWorkbook(wb);
  return monthlyTrends(measured.model, measured.cols, now);
}
