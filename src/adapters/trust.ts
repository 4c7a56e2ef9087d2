/**
 * The trust workbook in Sheets: its Schools tab, the hidden tab keeping each school's last figures (one row per
 * school, written whole), the figure tabs, and the schools' own workbooks opened by id through the same reader
 * as a school's own actions. One read and one write per tab.
 */
import { STATUS_COLOURS } from '../core/dashboard/layout';
import { schoolsTab, trustSettingsTab, type TrustSettingDef } from '../core/schema/trust';
import { locateColumns } from '../core/workbook/columns';
import type { SchoolFigures } from '../core/trust/figures';
import type { SchoolResult } from '../core/trust/rollup';
import { parseSchools, type SchoolEntry } from '../core/trust/schools';
import type { TrustTab } from '../core/trust/tabs';
import type { ParsedWorkbook } from '../core/workbook/parseWorkbook';
import type { Problem } from '../core/workbook/problems';
import { readWorkbook, writeCells } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The hidden tab holding each school's figures as last read: the trust's progress survives between executions. */
const STORE_TAB = 'Trust data';
const STORE_HEADER = ['Workbook ID', 'School', 'Read at', 'Run', 'Figures', 'Not read because'];
/** Sheets holds at most 50,000 characters in a cell. */
const CELL_LIMIT = 50000;
const HEADER_BACKGROUND = '#e8f0fe';

/** A school's last reading, with the refresh run that made it. */
export interface StoredSchool extends SchoolResult {
  readonly run: string;
}

/** The Schools tab read and checked (one getValues()). */
export function readSchools(ss: Spreadsheet): { schools: SchoolEntry[]; problems: Problem[] } {
  const sheet = ss.getSheetByName(schoolsTab().name);
  return parseSchools(sheet ? sheet.getDataRange().getValues() : undefined, ss.getSpreadsheetTimeZone());
}

/** Creates the Schools tab when missing: header bold and frozen, widths and help notes from the schema. Returns whether it was made. */
export function setUpSchoolsTab(ss: Spreadsheet): boolean {
  const tab = schoolsTab();
  if (ss.getSheetByName(tab.name)) return false;
  // A new spreadsheet's one empty tab becomes the Schools tab.
  const sheets = ss.getSheets();
  const starter = sheets.length === 1 && sheets[0].getLastRow() === 0 ? sheets[0] : undefined;
  const sheet = starter ? starter.setName(tab.name) : ss.insertSheet(tab.name, 0);
  const header = sheet.getRange(1, 1, 1, tab.columns.length);
  header.setValues([tab.columns.map((c) => c.header)]);
  header.setNotes([tab.columns.map((c) => c.help)]);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
  tab.columns.forEach((c, i) => {
    sheet.setColumnWidth(i + 1, c.width ?? 120);
  });
  return true;
}

/** Each school's last reading, by workbook id (one getValues()); a row that cannot be read back is left out. */
export function readStore(ss: Spreadsheet): Map<string, StoredSchool> {
  const out = new Map<string, StoredSchool>();
  const sheet = ss.getSheetByName(STORE_TAB);
  if (!sheet || sheet.getLastRow() < 2) return out;
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, STORE_HEADER.length).getValues();
  for (const [id, name, readAt, run, figures, error] of values) {
    if (!id) continue;
    let parsed: SchoolFigures | undefined;
    try {
      parsed = figures ? (JSON.parse(String(figures)) as SchoolFigures) : undefined;
    } catch {
      parsed = undefined;
    }
    const at = readAt instanceof Date ? readAt.getTime() : Date.parse(String(readAt));
    out.set(String(id), {
      workbookId: String(id),
      name: String(name),
      readAt: Number.isFinite(at) ? at : undefined,
      run: String(run),
      figures: parsed,
      error: error ? String(error) : parsed || !figures ? undefined : 'its stored figures could not be read back',
    });
  }
  return out;
}

/** Rewrites the hidden store whole: one row per school, so a school's figures are never half written. */
export function writeStore(ss: Spreadsheet, schools: readonly StoredSchool[]): void {
  let sheet = ss.getSheetByName(STORE_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(STORE_TAB);
    sheet.hideSheet();
  }
  const rows = [
    STORE_HEADER,
    ...schools.map((s) => {
      const json = s.figures ? JSON.stringify(s.figures) : '';
      const fits = json.length <= CELL_LIMIT;
      return [
        s.workbookId,
        s.name,
        s.readAt === undefined ? '' : new Date(s.readAt).toISOString(),
        s.run,
        fits ? json : '',
        s.error ?? (fits ? '' : 'its figures are too large for one cell (over 50,000 characters)'),
      ];
    }),
  ];
  fitRows(sheet, rows.length);
  if (sheet.getLastRow() > rows.length) sheet.getRange(rows.length + 1, 1, sheet.getLastRow() - rows.length, STORE_HEADER.length).clearContent();
  writeCells(sheet, 1, 1, rows);
}

function fitRows(sheet: Sheet, rows: number): void {
  const short = rows - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
}

/**
 * A school's workbook opened by id and read as the school's own actions read it, or the reason it could not
 * be: not shared with the user, deleted, or not a spreadsheet.
 */
export function readSchoolWorkbook(workbookId: string): ParsedWorkbook | { error: string } {
  let book: Spreadsheet;
  try {
    book = SpreadsheetApp.openById(workbookId);
  } catch (e) {
    const message = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e);
    return {
      error: /permission|access/i.test(message)
        ? 'its workbook is not shared with you: ask the school to share it (Viewer is enough)'
        : 'its workbook could not be opened (deleted, or the link is wrong)',
    };
  }
  return readWorkbook(book);
}

/** Writes a figure tab whole (made when missing): values, then the status cells' colours, in one call each. */
export function writeTrustTab(ss: Spreadsheet, tab: TrustTab, position: number): void {
  let sheet = ss.getSheetByName(tab.name);
  const fresh = !sheet;
  if (!sheet) sheet = ss.insertSheet(tab.name, Math.min(position, ss.getSheets().length));
  const width = tab.rows[0].length;
  fitRows(sheet, tab.rows.length);
  const last = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (last > 0 && lastCol > 0) sheet.getRange(1, 1, last, lastCol).clearContent().setBackground(null);
  const short = width - sheet.getMaxColumns();
  if (short > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), short);
  writeCells(sheet, 1, 1, tab.rows);
  if (tab.statusCells.length) {
    const colours: Array<Array<string | null>> = tab.rows.map((r) => r.map(() => null));
    for (const c of tab.statusCells) colours[c.row][c.col] = STATUS_COLOURS[c.status].background;
    sheet.getRange(1, 1, tab.rows.length, width).setBackgrounds(colours);
  }
  if (fresh) {
    tab.widths.forEach((px, i) => {
      sheet.setColumnWidth(i + 1, px);
    });
    sheet.getRange(tab.headerRow, 1, 1, width).setFontWeight('bold').setWrap(true);
    sheet.setFrozenRows(tab.headerRow);
  }
}

/** Creates the Trust settings tab when missing: one row per setting, its value blank. */
export function setUpTrustSettingsTab(ss: Spreadsheet): boolean {
  const tab = trustSettingsTab();
  if (ss.getSheetByName(tab.name)) return false;
  const sheet = ss.insertSheet(tab.name);
  const rows = [tab.columns.map((c) => c.header), ...tab.settings.map((s) => [s.name, '', s.meaning])];
  writeCells(sheet, 1, 1, rows);
  sheet.getRange(1, 1, 1, tab.columns.length).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(1);
  tab.columns.forEach((c, i) => {
    sheet.setColumnWidth(i + 1, c.width ?? 120);
  });
  return true;
}

/** The Trust settings tab's values by setting (one getValues()); blank or missing settings are undefined. */
export function readTrustSettings(ss: Spreadsheet): Partial<Record<TrustSettingDef['key'], string>> {
  const tab = trustSettingsTab();
  const sheet = ss.getSheetByName(tab.name);
  const out: Partial<Record<TrustSettingDef['key'], string>> = {};
  if (!sheet) return out;
  const values = sheet.getDataRange().getValues();
  const { index } = locateColumns(values[0] ?? [], tab);
  if (index.setting === undefined || index.value === undefined) return out;
  const byName = new Map(tab.settings.map((s) => [s.name.toLowerCase(), s.key]));
  for (const line of values.slice(1)) {
    const key = byName.get(String(line[index.setting]).trim().toLowerCase());
    const value = String(line[index.value] ?? '').trim();
    if (key && value) out[key] = value;
  }
  return out;
}

/** A school workbook's file name, or why it cannot be opened. */
export function readSchoolName(workbookId: string): { name: string } | { error: string } {
  try {
    return { name: SpreadsheetApp.openById(workbookId).getName() };
  } catch {
    return { error: 'it is not shared with you, or it no longer exists' };
  }
}

/** Adds a school below the Schools tab's last row, each value under its column's header (one read, one write). */
export function appendSchool(ss: Spreadsheet, school: string, link: string): void {
  const tab = schoolsTab();
  const sheet = ss.getSheetByName(tab.name);
  if (!sheet) throw new Error('The Schools tab is missing. Run "Set up as trust workbook" first.');
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const { index } = locateColumns(header, tab);
  const row: unknown[] = header.map(() => '');
  if (index.school !== undefined) row[index.school] = school;
  if (index.workbook !== undefined) row[index.workbook] = link;
  if (index.included !== undefined) row[index.included] = 'Yes';
  const at = sheet.getLastRow() + 1;
  fitRows(sheet, at);
  writeCells(sheet, at, 1, [row]);
}
