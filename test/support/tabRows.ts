import type { OfflineRuntime } from '../../offline/runtime';
import type { TabKey } from '../../src/core/schema/types';
import { tabDef } from '../../src/core/schema/workbook';

/** A tab's rows below its header as objects keyed by header, blank rows left out: for reading what an action wrote. */
export function tabRecords(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tab: string): Record<string, unknown>[] {
  const v = ss.getSheetByName(tab)!.getDataRange().getValues();
  return v
    .slice(1)
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(v[0].map((h, i) => [String(h), r[i]])));
}

/** The sheet of one of the workbook's tabs, found by the schema's name for it. */
export const sheetOf = (rt: OfflineRuntime, key: TabKey) =>
  (rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).getSheetByName(tabDef(key).name)!;
export const tabValues = (rt: OfflineRuntime, key: TabKey) => sheetOf(rt, key).getDataRange().getValues();

/** Appends records to a tab, each cell under its header (columns found by name). */
export function appendTo(rt: OfflineRuntime, key: TabKey, records: ReadonlyArray<Record<string, unknown>>): void {
  const sheet = sheetOf(rt, key);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const byHeader = new Map(tabDef(key).columns.map((c) => [c.header, c.key]));
  const rows = records.map((r) => header.map((h) => r[byHeader.get(h) ?? ''] ?? ''));
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
}
