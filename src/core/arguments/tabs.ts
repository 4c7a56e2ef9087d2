/** Ranges passed to a custom function, each recognised as a tab of the workbook by its header row. */
import { tabDef } from '../schema/workbook';
import type { TabKey } from '../schema/types';
import { locateColumns } from '../workbook/columns';
import { ArgumentError, isGrid, type Grid } from './grid';

/**
 * Which of `tabs` a header row belongs to: of the tabs whose required columns it names, the one it matches
 * most of (an Equipment header also names every required Contracts column, an Incidents header every
 * required Targets column), then the one whose columns it covers the most fully, then the first listed.
 */
export function tabOfHeader(header: readonly unknown[], tabs: readonly TabKey[]): TabKey | undefined {
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

/**
 * Ranges given in any order (header row first in each) by the tab each is, refusing anything that is not a
 * range, a header no tab of `tabs` has, a tab given twice, and a missing `required` tab.
 */
export function rangesByTab(ranges: readonly unknown[], tabs: readonly TabKey[], required: readonly TabKey[]): Partial<Record<TabKey, Grid>> {
  const found: Partial<Record<TabKey, Grid>> = {};
  ranges.forEach((range, k) => {
    const argument = `range ${k + 1}`;
    if (!isGrid(range)) throw new ArgumentError(argument, 'expected a range of a tab, including its header row');
    const key = tabOfHeader(range[0], tabs);
    if (!key) throw new ArgumentError(argument, `its first row is not the header of a ${names(tabs)} tab`);
    if (found[key]) throw new ArgumentError(argument, `a second ${tabDef(key).name} range`);
    found[key] = range;
  });
  for (const key of required) {
    if (!found[key]) throw new ArgumentError('ranges', `no ${tabDef(key).name} range given (each range is recognised by its header row)`);
  }
  return found;
}
