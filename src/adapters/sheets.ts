import { namedRangeName, tabDef, tabOrder, workbookSchema } from '../core/schema/workbook';
import type { TabKey } from '../core/schema/types';
import { normaliseHeader } from '../core/values';
import { blockValueRanges, requestsOf } from '../core/workbook/valueRanges';
import { columnLetters, planSetup, type ExistingTab, type ExistingTabs, type OtherTab, type SetupPlan } from '../core/setup/plan';
import { numberFormat, validationRule } from '../core/setup/format';
import { parseWorkbook, type ParsedWorkbook, type WorkbookValues } from '../core/workbook/parseWorkbook';
import { isCellFormula, recordsToRows, type CellBlock } from '../core/workbook/toCells';
import { locateColumns } from '../core/workbook/columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_PROTECTION = 'SLM Workbook header';
/** Rows given formats and dropdowns on a new tab; Sheets extends them as rows are added below. */
const FORMATTED_ROWS = 1000;

/** The active spreadsheet's zone (a custom function may read it); undefined outside Apps Script or without one. */
export function spreadsheetZone(): string | undefined {
  try {
    return typeof SpreadsheetApp === 'undefined' ? undefined : SpreadsheetApp.getActive()?.getSpreadsheetTimeZone() || undefined;
  } catch {
    return undefined;
  }
}

/** The spreadsheet's locale ("en_GB", "en_US"), which custom functions may read; undefined when unavailable. */
export function spreadsheetLocale(): string | undefined {
  try {
    return typeof SpreadsheetApp === 'undefined' ? undefined : SpreadsheetApp.getActive()?.getSpreadsheetLocale() || undefined;
  } catch {
    return undefined;
  }
}

/** Every tab's values, header first: one getValues() per tab. */
export function readWorkbookValues(ss: Spreadsheet, only?: readonly TabKey[]): WorkbookValues {
  const schema = workbookSchema();
  const values: WorkbookValues = {};
  for (const key of only ?? tabOrder()) {
    const sheet = ss.getSheetByName(schema[key].name);
    if (sheet) values[key] = sheet.getDataRange().getValues();
  }
  return values;
}

/** The workbook read (one getValues() per tab) and parsed in the spreadsheet's zone. */
export function readWorkbook(ss: Spreadsheet, only?: readonly TabKey[]): ParsedWorkbook {
  return parseWorkbook(readWorkbookValues(ss, only), ss.getSpreadsheetTimeZone());
}

/** The cells of one column (found by header) below a tab's header: one getValues(); undefined when the tab or column is missing. */
export function readColumn(ss: Spreadsheet, key: TabKey, column: string): unknown[] | undefined {
  const sheet = ss.getSheetByName(tabDef(key).name);
  if (!sheet) return undefined;
  const values = sheet.getDataRange().getValues();
  const at = locateColumns(values[0], tabDef(key)).index[column];
  return at === undefined ? undefined : values.slice(1).map((r) => r[at]);
}

/** Names of the schema's tabs that hold rows below the header (Settings, which Set up fills, is not data). */
export function tabsWithData(ss: Spreadsheet): string[] {
  return tabOrder()
    .filter((k) => k !== 'settings')
    .map((k) => ss.getSheetByName(workbookSchema()[k].name))
    .filter((s) => s && s.getLastRow() > 1)
    .map((s) => s!.getName());
}

/**
 * Appends records below a tab's last row, each value under the column with its header (one read of the
 * header, one write), creating the tab from the schema when it is missing (none to write: nothing is read). Returns the rows written.
 */
export function appendRecords(ss: Spreadsheet, key: TabKey, records: readonly object[]): number {
  return appendRecordsAt(ss, key, records).count;
}

/** As appendRecords, also saying the first row written. */
export function appendRecordsAt(ss: Spreadsheet, key: TabKey, records: readonly object[]): { row: number; count: number } {
  if (records.length === 0) return { row: 0, count: 0 };
  const tab = tabDef(key);
  let sheet = ss.getSheetByName(tab.name);
  if (!sheet) {
    applySetup(ss, { renames: [], steps: planSetup({}).steps.filter((step) => step.tab.key === key) });
    sheet = ss.getSheetByName(tab.name);
    if (!sheet) throw new Error(`The ${tab.name} tab is missing and could not be created. Run "Set up workbook", then try again`);
  }
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const rows = recordsToRows(tab, header, records);
  const at = sheet.getLastRow() + 1;
  const short = at + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeCells(sheet, at, 1, rows);
  return { row: at, count: rows.length };
}

/** Plain text: Sheets stores what is written as it is, never parsed as a formula, number or date. */
const TEXT_FORMAT = '@';

/**
 * The one text-safe writer: every value that comes from a user, a file or a form reaches the cells
 * through here. A cell receiving text is given the plain-text format in the same pass, so the text is
 * kept as written (never a formula, however it starts) whatever the cell's format was: rows past the
 * ones Set up formatted, or a format reset. Other cells keep their format; a `CellFormula` is written as
 * the formula it is. Three calls for any block: read the formats, set them (only when one changes), set the values.
 */
// Exported for the adapters that write records through it.
// ts-unused-exports:disable-next-line
export function writeCells(sheet: Sheet, row: number, column: number, values: readonly (readonly unknown[])[]): void {
  if (values.length === 0 || values[0].length === 0) return;
  const range = sheet.getRange(row, column, values.length, values[0].length);
  const formats = range.getNumberFormats();
  let reformat = false;
  const cells = values.map((line, i) =>
    line.map((v, j) => {
      if (isCellFormula(v)) return v.formula;
      if (typeof v === 'string' && v !== '' && formats[i][j] !== TEXT_FORMAT) {
        formats[i][j] = TEXT_FORMAT;
        reformat = true;
      }
      return v;
    }),
  );
  if (reformat) range.setNumberFormats(formats);
  range.setValues(cells);
}

/**
 * Writes only the given blocks (a run of changed cells in a row, or rows of them), leaving every other
 * cell of the tab as it is, formulas included. One RangeList call first gives every cell that receives text
 * the plain-text format, so it shows as written; then one Sheets API call writes all the blocks' text as RAW
 * (never a formula) and one the rest as a person would type it (src/core/workbook/valueRanges.ts), each cut into
 * requests of at most 2 MB: a few calls for any number of changed cells, where a setValues per block would be
 * one call for each.
 */
export function writeBlocks(sheet: Sheet, blocks: readonly CellBlock[]): void {
  const text: string[] = [];
  for (const b of blocks) {
    const width = b.values[0]?.length ?? 0;
    for (let j = 0; j < width; j++) {
      // Runs of text down one column of the block: one A1 notation each.
      let start = -1;
      for (let i = 0; i <= b.values.length; i++) {
        const v = i < b.values.length ? b.values[i][j] : undefined;
        const isText = typeof v === 'string' && v !== '';
        if (isText && start < 0) start = i;
        else if (!isText && start >= 0) {
          const col = columnLetters(b.column + j);
          text.push(i - start === 1 ? `${col}${b.row + start}` : `${col}${b.row + start}:${col}${b.row + i - 1}`);
          start = -1;
        }
      }
    }
  }
  if (text.length > 0) sheet.getRangeList(text).setNumberFormat(TEXT_FORMAT);
  const ss = sheet.getParent();
  const { raw, entered } = blockValueRanges(sheet.getName(), blocks, ss.getSpreadsheetTimeZone());
  const values = sheetsValues();
  for (const data of requestsOf(raw)) values.batchUpdate({ valueInputOption: 'RAW', data }, ss.getId());
  for (const data of requestsOf(entered)) values.batchUpdate({ valueInputOption: 'USER_ENTERED', data }, ss.getId());
}

/** The Sheets advanced service's values collection (switched on in appsscript.json; no scope beyond spreadsheets). */
function sheetsValues(): GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection {
  if (!Sheets) throw new Error('The Sheets service is not switched on for this script (appsscript.json lists it under enabledAdvancedServices).');
  return Sheets.Spreadsheets.Values;
}

/**
 * Shows the user a cell: the tab (by its name or its key, as the schema or the user spells it), then the
 * cell in the column with that header; row 0 or no such column: the whole row or the tab. Only the header
 * row is read.
 */
export function activateCell(ss: Spreadsheet, tab: string, row: number, column: string): void {
  const wanted = normaliseHeader(tab);
  const key = tabOrder().find((k) => normaliseHeader(tabDef(k).name) === wanted || normaliseHeader(k) === wanted);
  const sheet = ss.getSheetByName(key ? tabDef(key).name : String(tab)) ?? ss.getSheets().find((s) => normaliseHeader(s.getName()) === wanted);
  if (!sheet) throw new Error(`There is no "${tab}" tab in this workbook. Run "Set up workbook" to add the missing tabs.`);
  sheet.activate();
  const r = Math.floor(Number(row));
  if (!(r >= 1)) return;
  const width = Math.max(1, sheet.getLastColumn());
  let c = 0;
  if (column) {
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    c = header.findIndex((h) => normaliseHeader(h) === normaliseHeader(column)) + 1;
  }
  if (c >= 1) sheet.getRange(r, c).activate();
  else sheet.getRange(r, 1, 1, width).activate();
}

/** Formats a blank cell reports before anyone sets one: '' offline, "General" or Sheets' long-standing default pattern. */
const DEFAULT_NUMBER_FORMAT = /^(|general|0\.#+)$/i;

/**
 * What Set up workbook needs of a tab, read without changing it: row 1 (values, formulas, notes: one call
 * each), and, only when row 1 has a blank cell among the columns in use, the rows below in one getValues(),
 * to find columns of data with no header.
 */
function readExistingTab(sheet: Sheet): ExistingTab {
  const lastRow = sheet.getLastRow();
  const width = sheet.getMaxColumns();
  const row1 = sheet.getRange(1, 1, 1, width);
  const values = row1.getValues()[0];
  const formulas = row1.getFormulas()[0];
  const notes = row1.getNotes()[0];
  let lastColumn = sheet.getLastColumn();
  notes.forEach((n, i) => {
    if (n !== '') lastColumn = Math.max(lastColumn, i + 1);
  });
  const header = values.slice(0, lastColumn).map((v, i) => (v === '' && formulas[i] !== '' ? formulas[i] : v));
  const blank = header.flatMap((h, i) => (String(h).trim() === '' ? [i] : []));
  let headerlessColumns: number[] = [];
  if (blank.length > 0 && lastRow > 1) {
    const below = sheet.getRange(2, 1, lastRow - 1, lastColumn).getValues();
    headerlessColumns = blank.filter((i) => below.some((r) => String(r[i]).trim() !== '')).map((i) => i + 1);
  }
  return { header, lastColumn, lastRow, headerlessColumns };
}

/** The schema's tabs by name and every other tab but the formula tabs (`skip`), as Set up workbook finds them. */
export function readSetupState(ss: Spreadsheet, skip: readonly string[]): { existing: ExistingTabs; others: OtherTab[] } {
  const schema = workbookSchema();
  const existing: ExistingTabs = {};
  const names = new Set<string>(skip);
  for (const key of tabOrder()) {
    names.add(schema[key].name);
    const sheet = ss.getSheetByName(schema[key].name);
    if (sheet) existing[key] = readExistingTab(sheet);
  }
  // Other tabs matter while a schema tab is missing by name (one may be it, renamed) or has no rows (one may hold them).
  const lacking = tabOrder().some((k) => !existing[k] || existing[k]!.lastRow <= 1);
  const others = lacking
    ? ss
        .getSheets()
        .filter((s) => !names.has(s.getName()))
        .map((s) => ({ name: s.getName(), ...readExistingTab(s) }))
    : [];
  return { existing, others };
}

/**
 * True when a tab holds nothing at all a person put there: no value, formula, note, format, dropdown,
 * conditional format, chart, protection, frozen row or column, tab colour or named range. Only then may a
 * new spreadsheet's starter tab be deleted.
 */
export function isUntouched(ss: Spreadsheet, sheet: Sheet): boolean {
  if (sheet.getLastRow() + sheet.getLastColumn() > 0) return false;
  if (sheet.getFrozenRows() + sheet.getFrozenColumns() > 0 || sheet.getTabColor()) return false;
  if (sheet.getConditionalFormatRules().length > 0 || sheet.getCharts().length > 0) return false;
  const types = SpreadsheetApp.ProtectionType;
  if (sheet.getProtections(types.SHEET).length + sheet.getProtections(types.RANGE).length > 0) return false;
  const id = sheet.getSheetId();
  if (ss.getNamedRanges().some((n) => n.getRange().getSheet().getSheetId() === id)) return false;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  const every = <T>(grid: T[][], plain: (v: T) => boolean): boolean => grid.every((r) => r.every(plain));
  return (
    every(all.getNotes(), (n) => n === '') &&
    every(all.getNumberFormats(), (f) => DEFAULT_NUMBER_FORMAT.test(f)) &&
    every(all.getBackgrounds(), (b) => /^#ffffff$/i.test(b)) &&
    every(all.getFontWeights(), (w) => w === 'normal') &&
    every(all.getDataValidations(), (v) => v === null)
  );
}

/**
 * Gives the renamed tabs back their schema names, then applies the steps: new tabs and appended columns
 * get header, note, format, dropdown and width.
 */
export function applySetup(ss: Spreadsheet, plan: Pick<SetupPlan, 'renames' | 'steps'>): void {
  for (const rename of plan.renames) ss.getSheetByName(rename.from)?.setName(rename.to);
  for (const step of plan.steps) {
    const sheet = step.create ? ss.insertSheet(step.tab.name) : ss.getSheetByName(step.tab.name)!;
    const cols = step.addColumns;
    const first = step.firstNewColumn;
    const needed = first + cols.length - 1;
    if (sheet.getMaxColumns() < needed) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
    const header = sheet.getRange(1, first, 1, cols.length);
    header.setNumberFormat('@');
    header.setValues([cols.map((c) => c.header)]);
    header.setNotes([cols.map((c) => c.help)]);
    header.setFontWeight('bold');
    header.setBackground('#e8f0fe');
    const rows = Math.max(1, Math.min(FORMATTED_ROWS, sheet.getMaxRows()) - 1);
    const body = sheet.getRange(2, first, rows, cols.length);
    // One call per run of columns with a format; columns left automatic break the runs.
    for (let i = 0; i < cols.length; ) {
      let end = i;
      while (end < cols.length && numberFormat(cols[end].type) !== undefined) end++;
      if (end > i) {
        const formats = cols.slice(i, end).map((c) => numberFormat(c.type)!);
        sheet.getRange(2, first + i, rows, end - i).setNumberFormats(Array.from({ length: rows }, () => formats));
      }
      i = end + 1;
    }
    const rules = cols.map((c) => buildRule(validationRule(c)));
    body.setDataValidations(Array.from({ length: rows }, () => rules));
    cols.forEach((c, i) => {
      sheet.setColumnWidth(first + i, c.width ?? 120);
    });
    finishTab(ss, sheet, step.tab.key);
  }
}

/**
 * Gives every tab the plan found in order, and had no step for, its frozen header, header protection and
 * named range, so a tab made by hand or uploaded from .xlsx (which keeps no protection) is brought in line;
 * no cell is touched. A tab the plan left alone is not among them. Returns the tabs it changed.
 */
export function finishTabs(ss: Spreadsheet, plan: Pick<SetupPlan, 'finish' | 'steps'>): string[] {
  return plan.finish
    .filter((key) => !plan.steps.some((s) => s.tab.key === key))
    .map((key) => [key, ss.getSheetByName(workbookSchema()[key].name)] as const)
    .filter(([key, sheet]) => sheet && finishTab(ss, sheet, key))
    .map(([, sheet]) => sheet!.getName());
}

/** True when something was missing and has been put right. A user's own frozen rows stay. */
function finishTab(ss: Spreadsheet, sheet: Sheet, key: TabKey): boolean {
  const frozen = sheet.getFrozenRows() === 0;
  if (frozen) sheet.setFrozenRows(1);
  return [frozen, protectHeader(sheet), nameTabRange(ss, sheet, key)].some(Boolean);
}

function buildRule(rule: ReturnType<typeof validationRule>): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (!rule) return null;
  const b = SpreadsheetApp.newDataValidation().setHelpText(rule.help);
  switch (rule.kind) {
    case 'list':
      return b
        .requireValueInList([...rule.values], true)
        .setAllowInvalid(false)
        .build();
    case 'date':
      return b.requireDate().setAllowInvalid(false).build();
    case 'number':
      return b.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false).build();
  }
}

/** The header row is protected with a warning, so nobody renames a column by accident. */
function protectHeader(sheet: Sheet): boolean {
  const width = sheet.getLastColumn();
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === HEADER_PROTECTION);
  if (existing) {
    if (existing.getRange().getNumColumns() === width) return false;
    existing.remove();
  }
  sheet.getRange(1, 1, 1, width).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
  return true;
}

/** A named range per tab (whole columns in use) so formulas such as the Dashboard's stay readable. */
function nameTabRange(ss: Spreadsheet, sheet: Sheet, key: TabKey): boolean {
  // Whole columns ("A:Q"), so the range grows with the tab: rows past any fixed count are never left out.
  const columns = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getA1Notation().replace(/\d+/g, '');
  const wanted = columns.includes(':') ? columns : `${columns}:${columns}`;
  const named = ss.getRangeByName(namedRangeName(key));
  if (named && named.getSheet().getName() === sheet.getName() && named.getA1Notation() === wanted) return false;
  ss.setNamedRange(namedRangeName(key), sheet.getRange(wanted));
  return true;
}

/**
 * Creates a tab of formulas (the Dashboard, the Findings) when it is missing, in one write. An
 * existing one is left as the user made it. True when it was created.
 */
export function ensureFormulaTab(ss: Spreadsheet, name: string, cells: readonly (readonly unknown[])[], index: number): boolean {
  if (ss.getSheetByName(name)) return false;
  const sheet = ss.insertSheet(name, Math.min(index, ss.getSheets().length));
  sheet.getRange(1, 1, cells.length, cells[0].length).setValues(cells.map((r) => [...r]));
  return true;
}

/**
 * Sets cells of one column of a tab (found by header) by sheet row, leaving every other row as it is: the
 * column is read once and written once. False when the tab or the column is missing (Set up workbook adds it).
 */
export function writeColumnCells(ss: Spreadsheet, key: TabKey, header: string, cells: ReadonlyMap<number, string>): boolean {
  const sheet = ss.getSheetByName(tabDef(key).name);
  if (!sheet || cells.size === 0) return false;
  const col = sheet
    .getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()))
    .getValues()[0]
    .findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  if (col < 0) return false;
  let last = 0;
  for (const row of cells.keys()) last = Math.max(last, row);
  const range = sheet.getRange(2, col + 1, last - 1, 1);
  const values = range.getValues().map((r, i) => [cells.has(i + 2) ? cells.get(i + 2)! : r[0]]);
  writeCells(sheet, 2, col + 1, values);
  return true;
}
