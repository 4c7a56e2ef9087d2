/** A workbook from ranges passed to a custom function, each recognised by its header row. */
import type { TabKey } from '../schema/types';
import { parseWorkbook, type ParsedWorkbook } from '../workbook/parseWorkbook';
import { rangesByTab } from '../arguments/tabs';

/** Tabs the findings read. */
export const FINDINGS_TABS: readonly TabKey[] = [
  'services',
  'equipment',
  'sla',
  'targets',
  'contracts',
  'incidents',
  'calendars',
  'closures',
  'people',
  'settings',
];

/** Parses ranges given in any order (header row first in each); the Services range is required. */
export function workbookFromRanges(ranges: readonly unknown[], timeZone: string): ParsedWorkbook {
  return parseWorkbook(rangesByTab(ranges, FINDINGS_TABS, ['services']), timeZone);
}
