/**
 * The example school's fingerprints on their hidden tab: recorded when it is loaded, read when it is
 * cleared. One read per tab; rows are deleted in runs, last first.
 */
import { clearableTabs, deletionRuns, EXAMPLE_ROWS_HEADER, EXAMPLE_ROWS_TAB, planClear, rowFingerprint, type ClearPlan } from '../core/example/clear';
import type { TabKey } from '../core/schema/types';
import { tabDef } from '../core/schema/workbook';
import { writeCells } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Records the fingerprints of rows just written: per tab, the first row and how many. One write in all. */
export function recordExampleRows(ss: Spreadsheet, written: readonly { key: TabKey; row: number; count: number }[]): void {
  const lines: string[][] = [];
  for (const { key, row, count } of written) {
    if (count === 0) continue;
    const sheet = ss.getSheetByName(tabDef(key).name);
    if (!sheet) continue;
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    for (const values of sheet.getRange(row, 1, count, width).getValues()) lines.push([key, rowFingerprint(header, values)]);
  }
  if (lines.length === 0) return;
  let tab = ss.getSheetByName(EXAMPLE_ROWS_TAB);
  if (!tab) {
    // A new tab becomes the active one: the school stays where it was.
    const active = ss.getActiveSheet();
    tab = ss.insertSheet(EXAMPLE_ROWS_TAB, ss.getSheets().length);
    active?.activate();
    tab.hideSheet();
    lines.unshift([...EXAMPLE_ROWS_HEADER]);
  }
  const at = tab.getLastRow() + 1;
  const short = at + lines.length - 1 - tab.getMaxRows();
  if (short > 0) tab.insertRowsAfter(tab.getMaxRows(), short);
  writeCells(tab, at, 1, lines);
}

/** What clearing would remove and keep; undefined when the workbook holds no record of the example. */
export function planExampleClear(ss: Spreadsheet): ClearPlan | undefined {
  const record = ss.getSheetByName(EXAMPLE_ROWS_TAB);
  if (!record || record.getLastRow() < 2) return undefined;
  const recorded = record.getRange(2, 1, record.getLastRow() - 1, 2).getValues();
  const tabs = clearableTabs().flatMap((key) => {
    const sheet = ss.getSheetByName(tabDef(key).name);
    return sheet ? [{ key, values: sheet.getDataRange().getValues() }] : [];
  });
  return planClear(tabs, recorded);
}

/** Removes the planned rows (runs of rows, last first) and the record of the example. */
export function removeExampleRows(ss: Spreadsheet, plan: ClearPlan): number {
  let removed = 0;
  for (const { name, rows } of plan.remove) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    for (const [first, count] of deletionRuns(rows)) {
      // A sheet must keep at least one row below its frozen header: insert a blank one before emptying it.
      if (first === 2 && count === sheet.getMaxRows() - 1) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
      sheet.deleteRows(first, count);
      removed += count;
    }
  }
  const record = ss.getSheetByName(EXAMPLE_ROWS_TAB);
  if (record) ss.deleteSheet(record);
  return removed;
}
