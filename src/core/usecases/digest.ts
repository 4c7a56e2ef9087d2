/**
 * The daily digest as one use case: the workbook as read once, measured once (one model, one set of
 * incident columns for the open items' clocks and this month's attainment), this month computed once.
 */
import { measureWorkbook } from '../attainment/measured';
import { openItemClocks } from '../monitor/clock';
import { buildDigest, previousOpenDay, serviceDeskOpen, type Digest, type DigestMemory } from '../monitor/digest';
import { resolvePeriod } from '../periods';
import type { Workbook } from '../workbook/parseWorkbook';

export interface DigestLinks {
  /** The link to an Incidents row, when the tab is there. */
  rowLink?: (row: number) => string;
  /** The link to the Open items tab, when it is there. */
  openItemsLink?: string;
}

/**
 * The digest at `now` (undefined when there is nothing to say), new since `last`, and whether the
 * service desk is open today: its days are the support hours of the services it supports.
 */
export function dailyDigest(
  wb: Workbook,
  school: string,
  now: number,
  last: DigestMemory | undefined,
  links: DigestLinks,
): { digest: Digest | undefined; open: boolean } {
  const measured = measureWorkbook(wb);
  const { model, cols } = measured;
  const month = measured.attainment(resolvePeriod(wb, now, { kind: 'thisMonth' }), { asOf: now, breaches: false });
  const supported = model.supportCalendars.filter((_, i) => model.services[i].status !== 'Unsupported' && model.services[i].status !== 'Retired');
  const digest = buildDigest(wb, openItemClocks(cols, model, now), month, school, now, {
    // A first digest says what is new since the desk's last open day.
    last: last ?? { at: previousOpenDay(supported, now, wb.timeZone), missed: [] },
    rowLink: links.rowLink,
    openItemsLink: links.openItemsLink,
  });
  return { digest, open: serviceDeskOpen(supported, now, wb.timeZone) };
}
