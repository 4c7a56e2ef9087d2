import { tabDef } from '../schema/workbook';
import type { Row } from '../schema/records';
import type { TabDef, TabKey } from '../schema/types';
import { parseTab } from '../workbook/parseTab';
import { parseSettings } from '../settings/parse';
import type { Problem } from '../workbook/problems';
import { rangesByTab } from '../arguments/tabs';
import { readIncidentColumns, type IncidentColumns } from './columns';
import { attainmentOf } from './compute';
import { buildModel, type AttainmentModel, type AttainmentSource } from './model';
import { attainmentTable } from './table';
import type { Period } from '../periods/period';

/** Tabs a range passed to SLM_ATTAINMENT may be. */
const ATTAINMENT_TABS: readonly TabKey[] = ['services', 'sla', 'targets', 'incidents', 'holds', 'calendars', 'closures', 'contracts', 'settings'];

/** The model, the log's columns and the cells that could not be read, from tab ranges given in any order. */
export interface RangesRead {
  readonly model: AttainmentModel;
  readonly cols: IncidentColumns;
  /** Cells that could not be read, as "Tab row N (Column)". */
  readonly unread: string[];
}

/**
 * Reads tab ranges given in any order, each recognised by its header row. Small tabs are parsed row by
 * row; the incident log goes straight into typed columns.
 */
export function readRanges(ranges: readonly unknown[], timeZone: string, required: readonly TabKey[] = ['services', 'incidents']): RangesRead {
  const found = rangesByTab(ranges, ATTAINMENT_TABS, required);
  const unread: string[] = [];
  const rows = <K extends TabKey>(key: K): Row<K>[] => {
    if (!found[key]) return [];
    const parsed = parseTab(tabDef(key) as TabDef & { key: K }, found[key], timeZone);
    for (const p of parsed.problems) if (p.severity === 'error' && p.row > 1) unread.push(`${p.tab} row ${p.row} (${p.column})`);
    return parsed.rows;
  };
  // The Settings range, when given, sets the fewest items to judge a target on (else its default).
  const settings = found.settings ? parseSettings(parseTab(tabDef('settings') as TabDef & { key: 'settings' }, found.settings, timeZone)) : undefined;
  for (const p of settings?.problems ?? []) if (p.severity === 'error' && p.row > 1) unread.push(`${p.tab} row ${p.row} (${p.column})`);
  const source: AttainmentSource = {
    timeZone,
    services: rows('services'),
    sla: rows('sla'),
    targets: rows('targets'),
    calendars: rows('calendars'),
    closures: rows('closures'),
    contracts: rows('contracts'),
    assumptions: settings?.settings,
  };
  const model = buildModel(source);
  const skipped: Problem[] = [];
  const cols = readIncidentColumns(found.incidents ?? [], model, rows('holds'), skipped, undefined, false);
  for (const p of skipped) unread.push(`${p.tab} row ${p.row} (${p.column})`);
  return { model, cols, unread };
}

/** A table's last line naming the cells that could not be read: a bad cell never vanishes silently. */
export const unreadLine = (unread: readonly string[], width: number): string[] => [
  `Not read, so left out or read as blank: ${listed(unread)}. Run "Check workbook".`,
  ...Array.from({ length: width - 1 }, () => ''),
];

/** How many cells a message names before it counts the rest: a cell holds at most 50,000 characters. */
const NAMED_CELLS = 20;

const listed = (cells: readonly string[]): string =>
  cells.length <= NAMED_CELLS ? cells.join(', ') : `${cells.slice(0, NAMED_CELLS).join(', ')} and ${cells.length - NAMED_CELLS} more`;

/**
 * The attainment table from tab ranges given in any order. `asOf` is now: open items are judged as of it,
 * and a period still running is measured and labelled "to date".
 */
export function attainmentTableFromRanges(ranges: readonly unknown[], timeZone: string, period: Period, asOf?: number): (string | number)[][] {
  const { model, cols, unread } = readRanges(ranges, timeZone);
  const table = attainmentTable(attainmentOf(model, cols, period, { asOf, breaches: false }), asOf);
  if (unread.length) table.push(unreadLine(unread, table[0].length));
  return table;
}
