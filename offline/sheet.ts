/** One tab of a spreadsheet: its cells (sparse grids per attribute), size, frozen rows, widths, protections. */
import { displayed, parseA1, written, type CellValue } from './cells';
import type { OfflineEnv } from './env';
import { Grid } from './grid';
import { FakeProtection, type ProtectionKind } from './protection';
import { FakeRange } from './range';
import { FakeRangeList } from './rangeList';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeDataValidation } from './validation';
import { type FakeEmbeddedChart, newChartBuilder } from './charts';
import type { FakeConditionalFormatRule } from './conditionalFormat';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type Methods =
  | 'activate'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'deleteRows'
  | 'deleteColumns'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnsAfter'
  | 'insertRowAfter'
  | 'insertRowsAfter'
  | 'isSheetHidden'
  | 'protect'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'clearConditionalFormatRules'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'removeChart'
  | 'updateChart';

/** Sheets' size for a new tab. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Sheets' default column width in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

const hasContent = (v: CellValue): boolean => v !== '';

export class FakeSheet implements Pick<GSheet, Methods> {
  readonly values = new Grid<CellValue>();
  readonly formulas = new Grid<string>();
  readonly formats = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly validations = new Grid<FakeDataValidation>();
  readonly fontWeights = new Grid<'bold'>();
  readonly backgrounds = new Grid<string>();
  readonly wraps = new Grid<boolean>();
  /** "top" or "middle" where set; Sheets' default is "bottom". */
  readonly verticalAlignments = new Grid<string>();
  readonly columnWidths = new Map<number, number>();
  readonly protections: FakeProtection[] = [];
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly charts: FakeEmbeddedChart[] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;

  constructor(
    readonly env: OfflineEnv,
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {}

  private me(method: string): GSheet {
    this.env.calls.hit(`Sheet.${method}`);
    return this as unknown as GSheet;
  }
  private hit(method: string): void {
    this.env.calls.hit(`Sheet.${method}`);
  }

  // ---- internals shared with Range (not counted) ----

  /** A range after Sheets' checks on start, size and the sheet's dimensions. */
  rangeAt(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    const [r, c, nr, nc] = [row, col, numRows, numCols].map((n) => Math.trunc(Number(n)));
    if ([r, c, nr, nc].some((n) => Number.isNaN(n))) throw new Error('Range not found');
    if (r < 1) throw new Error('The starting row of the range is too small.');
    if (c < 1) throw new Error('The starting column of the range is too small.');
    if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > this.maxRows || c + nc - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.env, this, r, c, nr, nc);
  }

  /** A range from A1 notation on this sheet (open ends run to the sheet's edge). */
  rangeA1(a1: string): FakeRange {
    const p = parseA1(a1);
    if (!p) throw new Error('Range not found');
    if (p.sheetName !== null && p.sheetName.toLowerCase() !== this.name.toLowerCase()) {
      const other = this.spreadsheet.sheetNamed(p.sheetName);
      if (!other) throw new Error('Range not found');
      return other.rangeA1(a1.slice(a1.lastIndexOf('!') + 1));
    }
    const r1 = p.r1 ?? 1;
    const c1 = p.c1 ?? 1;
    const r2 = p.r2 ?? (p.r1 !== undefined && p.c1 === undefined ? p.r1 : this.maxRows);
    const c2 = p.c2 ?? (p.c1 !== undefined && p.r1 === undefined ? p.c1 : this.maxColumns);
    const [top, bottom] = r1 <= r2 ? [r1, r2] : [r2, r1];
    const [left, right] = c1 <= c2 ? [c1, c2] : [c2, c1];
    const range = this.rangeAt(top, left, bottom - top + 1, right - left + 1);
    range.open = p.r1 === undefined && p.r2 === undefined;
    return range;
  }

  formatAt(r: number, c: number): string {
    return this.formats.get(r, c) ?? '';
  }

  displayAt(r: number, c: number): string {
    return displayed(this.values.get(r, c) ?? '', this.formatAt(r, c), this.spreadsheet.timeZone);
  }

  /** Writes one value as a user typing it would: parsed unless the cell is plain text. */
  write(r: number, c: number, v: unknown): void {
    const w = written(v, this.formatAt(r, c), this.spreadsheet.timeZone);
    if (w.formula) {
      this.writeFormula(r, c, w.formula);
      return;
    }
    this.values.set(r, c, w.value === '' ? undefined : w.value);
    this.formulas.set(r, c, undefined);
  }

  /** Writes one value as it is, never parsed (the Sheets API's RAW input): text stays text, even "=1+1". */
  writeRaw(r: number, c: number, v: string | number | boolean): void {
    this.values.set(r, c, v === '' ? undefined : v);
    this.formulas.set(r, c, undefined);
  }

  writeFormula(r: number, c: number, formula: string): void {
    const f = String(formula ?? '');
    if (f === '') {
      this.values.set(r, c, undefined);
      this.formulas.set(r, c, undefined);
      return;
    }
    const text = f.startsWith('=') ? f : `=${f}`;
    this.formulas.set(r, c, text);
    const result = this.spreadsheet.evaluateFormula(text, this, r, c);
    const w = result === undefined ? undefined : written(result, '@', this.spreadsheet.timeZone).value;
    this.values.set(r, c, w === '' ? undefined : w);
  }

  /** Test hook: the value a formula cell shows, as if Sheets had computed it. */
  setComputedValue(row: number, col: number, value: unknown): void {
    if (!this.formulas.get(row, col)) throw new Error(`Cell ${row},${col} of ${this.name} holds no formula.`);
    const w = written(value, '@', this.spreadsheet.timeZone).value;
    this.values.set(row, col, w === '' ? undefined : w);
  }

  clearCell(r: number, c: number, everything: boolean): void {
    this.values.set(r, c, undefined);
    this.formulas.set(r, c, undefined);
    this.formats.set(r, c, undefined);
    this.fontWeights.set(r, c, undefined);
    this.backgrounds.set(r, c, undefined);
    this.wraps.set(r, c, undefined);
    this.verticalAlignments.set(r, c, undefined);
    if (everything) {
      this.notes.set(r, c, undefined);
      this.validations.set(r, c, undefined);
    }
  }

  addProtection(kind: ProtectionKind, range: FakeRange): FakeProtection {
    if (kind === 'SHEET') {
      const existing = this.protections.find((p) => p.kind === 'SHEET');
      if (existing) return existing;
    }
    const p = new FakeProtection(this.env, kind, range as unknown as GRange, (gone) => {
      const i = this.protections.indexOf(gone);
      if (i >= 0) this.protections.splice(i, 1);
    });
    this.protections.push(p);
    return p;
  }

  lastRowIndex(): number {
    return Math.max(this.values.lastRow(hasContent), this.formulas.lastRow(Boolean));
  }
  lastColumnIndex(): number {
    return Math.max(this.values.lastColumn(hasContent), this.formulas.lastColumn(Boolean));
  }

  private grids(): Array<Grid<unknown>> {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.notes,
      this.validations,
      this.fontWeights,
      this.backgrounds,
      this.wraps,
      this.verticalAlignments,
    ] as Array<Grid<unknown>>;
  }

  // ---- Sheet API ----
  getName(): string {
    this.hit('getName');
    return this.name;
  }
  getSheetName(): string {
    this.hit('getSheetName');
    return this.name;
  }
  /**
   * Renames the tab. As in Sheets, formulas on every tab that refer to it by name follow the new name, and
   * named ranges stay on it (they hold the tab, not its name).
   */
  setName(name: string): GSheet {
    const next = String(name);
    this.spreadsheet.checkNewName(next, this);
    const before = this.name;
    this.name = next;
    if (before !== next) this.spreadsheet.renameReferences(before, next);
    return this.me('setName');
  }
  getSheetId(): number {
    this.hit('getSheetId');
    return this.sheetId;
  }
  getIndex(): number {
    this.hit('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): GSpreadsheet {
    this.hit('getParent');
    return this.spreadsheet as unknown as GSpreadsheet;
  }
  activate(): GSheet {
    this.spreadsheet.activeSheet = this;
    this.spreadsheet.activeRange = null;
    this.hidden = false;
    return this.me('activate');
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.hit('getRange');
    if (typeof a === 'string') return this.rangeA1(a) as unknown as GRange;
    if (column === undefined) throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.rangeAt(a, column, numRows ?? 1, numColumns ?? 1) as unknown as GRange;
  }
  /** Ranges of this sheet by A1 notation; the list must not be empty (the refusal's wording is this runtime's). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.hit('getRangeList');
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) throw new Error('Invalid argument: a1Notations (a non-empty list of A1 notations)');
    const ranges = a1Notations.map((a1) => {
      const r = this.rangeA1(String(a1));
      if (r.sheet !== this) throw new Error('Range not found');
      return r;
    });
    return new FakeRangeList(this.env, ranges) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getDataRange(): GRange {
    this.hit('getDataRange');
    return this.rangeAt(1, 1, Math.max(1, this.lastRowIndex()), Math.max(1, this.lastColumnIndex())) as unknown as GRange;
  }
  getLastRow(): number {
    this.hit('getLastRow');
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.lastColumnIndex();
  }
  getMaxRows(): number {
    this.hit('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.hit('getMaxColumns');
    return this.maxColumns;
  }

  appendRow(rowContents: any[]): GSheet {
    if (!Array.isArray(rowContents)) {
      throw new Error(`The parameters (${typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    }
    const row = this.lastRowIndex() + 1;
    // Sheets grows the tab when the row or its width goes past the edge.
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((v, j) => {
      this.write(row, j + 1, v);
    });
    return this.me('appendRow');
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    for (const g of this.grids()) g.insertRows(afterPosition, howMany);
    this.maxRows += howMany;
    return this.me('insertRowsAfter');
  }
  insertRowAfter(afterPosition: number): GSheet {
    this.insertRowsAfter(afterPosition, 1);
    this.env.calls.hit('Sheet.insertRowAfter');
    return this as unknown as GSheet;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany < 1) throw new Error('The number of columns to insert must be at least 1.');
    for (const g of this.grids()) g.insertColumns(afterPosition, howMany);
    const widths = [...this.columnWidths].map(([c, w]) => [c > afterPosition ? c + howMany : c, w] as const);
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c, w);
    this.maxColumns += howMany;
    return this.me('insertColumnsAfter');
  }
  insertColumnAfter(afterPosition: number): GSheet {
    this.insertColumnsAfter(afterPosition, 1);
    this.env.calls.hit('Sheet.insertColumnAfter');
    return this as unknown as GSheet;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.hit('deleteRows');
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    for (const g of this.grids()) g.deleteRows(rowPosition, howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.hit('deleteColumns');
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const g of this.grids()) g.deleteColumns(columnPosition, howMany);
    this.maxColumns -= howMany;
  }

  /** Returns nothing, as in Apps Script (so it cannot be chained). */
  setFrozenRows(rows: number): void {
    this.hit('setFrozenRows');
    if (rows < 0 || rows > this.maxRows) throw new Error('Those rows are out of bounds.');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.hit('getFrozenRows');
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.hit('setFrozenColumns');
    if (columns < 0 || columns > this.maxColumns) throw new Error('Those columns are out of bounds.');
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    this.hit('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): GSheet {
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error('Those columns are out of bounds.');
    this.columnWidths.set(columnPosition, width);
    return this.me('setColumnWidth');
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.me('setColumnWidths');
  }
  getColumnWidth(columnPosition: number): number {
    this.hit('getColumnWidth');
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  protect(): GProtection {
    this.hit('protect');
    return this.addProtection('SHEET', this.rangeAt(1, 1, this.maxRows, this.maxColumns)) as unknown as GProtection;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    this.hit('getProtections');
    return this.protections.filter((p) => p.kind === String(type)) as unknown as GProtection[];
  }

  /** Clears contents and formats; notes and data validation stay. */
  clear(): GSheet {
    for (const g of [this.values, this.formulas, this.formats, this.fontWeights, this.backgrounds, this.wraps, this.verticalAlignments]) g.clear();
    return this.me('clear');
  }
  clearContents(): GSheet {
    this.values.clear();
    this.formulas.clear();
    return this.me('clearContents');
  }
  clearFormats(): GSheet {
    for (const g of [this.formats, this.fontWeights, this.backgrounds, this.wraps, this.verticalAlignments]) g.clear();
    return this.me('clearFormats');
  }

  setTabColor(color: string | null): GSheet {
    this.tabColor = color;
    return this.me('setTabColor');
  }
  getTabColor(): string | null {
    this.hit('getTabColor');
    return this.tabColor;
  }
  hideSheet(): GSheet {
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this.me('hideSheet');
  }
  showSheet(): GSheet {
    this.hidden = false;
    return this.me('showSheet');
  }
  isSheetHidden(): boolean {
    this.hit('isSheetHidden');
    return this.hidden;
  }

  // ---- conditional formatting: the whole list is read and replaced at once ----
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.hit('getConditionalFormatRules');
    return [...this.conditionalRules] as never;
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.hit('setConditionalFormatRules');
    this.conditionalRules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  clearConditionalFormatRules(): void {
    this.hit('clearConditionalFormatRules');
    this.conditionalRules = [];
  }

  // ---- embedded charts ----
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.hit('newChart');
    return newChartBuilder(this.env) as never;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit('insertChart');
    const c = chart as unknown as FakeEmbeddedChart;
    c.chartId = this.spreadsheet.nextChartId();
    this.charts.push(c);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.hit('getCharts');
    return [...this.charts] as never;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit('removeChart');
    const id = (chart as unknown as FakeEmbeddedChart).chartId;
    const i = this.charts.findIndex((c) => c.chartId === id);
    if (i >= 0) this.charts.splice(i, 1);
  }
  /** Replaces the inserted chart with the same id by a rebuilt one (chart.modify()...build()). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.hit('updateChart');
    const c = chart as unknown as FakeEmbeddedChart;
    const i = this.charts.findIndex((x) => x.chartId !== null && x.chartId === c.chartId);
    if (i < 0) throw new Error('The chart is not in this sheet.');
    this.charts[i] = c;
  }
}
