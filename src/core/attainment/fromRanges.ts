import { tabDef, type Row, type TabDef, type TabKey } from '../schema';
import { parseTab } from '../workbook';
import { rangesByTab } from '../arguments/tabs';
import { columnsFromValues } from './columns';
import { attainmentOf } from './compute';
import { buildModel, type AttainmentSource } from './model';
import { attainmentTable } from './table';
import type { Period } from './types';

/** Tabs a range passed to SLM_ATTAINMENT may be. */
const ATTAINMENT_TABS: readonly TabKey[] = ['services', 'sla', 'targets', 'incidents', 'calendars', 'closures', 'contracts'];

/**
 * The attainment table from tab ranges given in any order, each recognised by its header row. Small
 * tabs are parsed row by row; the incident log goes straight into typed columns. `asOf` judges a period
 * that is still running as it stands now.
 */
export function attainmentTableFromRanges(ranges: readonly unknown[], timeZone: string, period: Period, asOf?: number): (string | number)[][] {
  const found = rangesByTab(ranges, ATTAINMENT_TABS, ['services', 'incidents']);
  const unread: string[] = [];
  const rows = <K extends TabKey>(key: K): Row<K>[] => {
    const parsed = parseTab(tabDef(key) as TabDef & { key: K }, found[key], timeZone);
    for (const p of parsed.problems) if (p.severity === 'error' && p.row > 1) unread.push(`${p.tab} row ${p.row} (${p.column})`);
    return parsed.rows;
  };
  const source: AttainmentSource = {
    timeZone, services: rows('services'), sla: found.sla ? rows('sla') : [], targets: found.targets ? rows('targets') : [],
    calendars: found.calendars ? rows('calendars') : [], closures: found.closures ? rows('closures') : [],
    contracts: found.contracts ? rows('contracts') : [],
  };
  const model = buildModel(source);
  const report = attainmentOf(model, columnsFromValues(found.incidents!, model), period, { asOf, breaches: false });
  const table = attainmentTable(report);
  // A bad cell never vanishes silently: the table ends with where the unread cells are.
  if (unread.length) table.push([`Not read, so left out or read as blank: ${unread.join(', ')}. Run "Check workbook".`, ...table[0].slice(1).map(() => '')]);
  return table;
}
