/** A workbook from ranges passed to a custom function, each recognised by its header row. */
import { tabDef, type TabKey } from '../schema';
import { locateColumns, parseWorkbook, type ParsedWorkbook, type WorkbookValues } from '../workbook';

export type Grid = readonly (readonly unknown[])[];

export const isGrid = (v: unknown): v is Grid => Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r));

/** Tabs the findings read. */
export const FINDINGS_TABS: readonly TabKey[] = ['services', 'equipment', 'sla', 'targets', 'contracts', 'incidents', 'calendars', 'closures', 'people'];

/** A bad range: the message names the argument and is all the cell shows. */
export class RangeArgumentError extends Error {}

/**
 * Which tab a header row belongs to: of the tabs whose required columns it names, the one it matches
 * most of (an Equipment header also names every required Contracts column, an Incidents header every
 * required Targets column), then the one whose columns it covers the most fully.
 */
export function tabOfHeader(header: readonly unknown[], tabs: readonly TabKey[] = FINDINGS_TABS): TabKey | undefined {
  let best: TabKey | undefined;
  let bestFound = 0;
  let bestShare = 0;
  for (const key of tabs) {
    const def = tabDef(key);
    const { index, missing } = locateColumns(header, def);
    if (missing.some((c) => c.required)) continue;
    const found = Object.keys(index).length;
    const share = found / def.columns.length;
    if (found > bestFound || (found === bestFound && share > bestShare)) {
      best = key;
      bestFound = found;
      bestShare = share;
    }
  }
  return best;
}

const names = (keys: readonly TabKey[]): string => keys.map((k) => tabDef(k).name).join(', ');

/** Parses ranges given in any order (header row first in each); the Services range is required. */
export function workbookFromRanges(ranges: readonly unknown[], timeZone: string): ParsedWorkbook & { tabs: TabKey[] } {
  const values: WorkbookValues = {};
  const tabs: TabKey[] = [];
  ranges.forEach((range, k) => {
    const argument = `range ${k + 1}`;
    if (!isGrid(range)) throw new RangeArgumentError(`${argument}: expected a range of a tab, including its header row`);
    const key = tabOfHeader(range[0]);
    if (!key) throw new RangeArgumentError(`${argument}: its first row is not the header of a ${names(FINDINGS_TABS)} tab`);
    if (values[key]) throw new RangeArgumentError(`${argument}: a second ${tabDef(key).name} range`);
    values[key] = range;
    tabs.push(key);
  });
  if (!values.services) throw new RangeArgumentError(`ranges: no ${tabDef('services').name} range given (each range is recognised by its header row)`);
  return { ...parseWorkbook(values, timeZone), tabs };
}
