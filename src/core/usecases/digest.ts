/**
 * The daily digest as one use case: the workbook as read once, measured once (one model, one set of
 * incident columns for the open items' clocks and this month's attainment), this month computed once.
 */
import { measureWorkbook } from '../attainment/measured';
import { openItemClocks } from '../monitor/clock';
import { buildDigest, type Digest } from '../monitor/digest';
import { resolvePeriod } from '../periods';
import type { Workbook } from '../workbook/parseWorkbook';

/** The digest at `now`, or undefined when there is nothing to say. */
export function dailyDigest(wb: Workbook, school: string, now: number): Digest | undefined {
  const measured = measureWorkbook(wb);
  const month = measured.attainment(resolvePeriod(wb, now, { kind: 'thisMonth' }), { asOf: now, breaches: false });
  return buildDigest(wb, openItemClocks(measured.cols, measured.model, now), month, school, now);
}
