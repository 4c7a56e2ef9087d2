/** A rectangle of cells on a sheet, 1-based, with the Range methods the project uses. */
import { a1Of, type CellValue, columnLetters } from './cells';
import type { OfflineEnv } from './env';
import { isDate } from './realm';
import type { FakeSheet } from './sheet';
import { FakeDataValidation } from './validation';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

type Methods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWraps'
  | 'getVerticalAlignment'
  | 'getVerticalAlignments'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments';

const describe = (v: unknown): string => {
  if (Array.isArray(v)) return `${v.length > 0 && Array.isArray(v[0]) ? 'Object[][]' : 'Object[]'}`;
  if (v === null) return 'null';
  return typeof v === 'object' ? 'Object' : typeof v === 'string' ? 'String' : typeof v;
};

/** A vertical alignment as stored (undefined for Sheets' default, bottom); anything else is refused. */
const verticalAlignment = (a: string | null, method: string): string | undefined => {
  if (a === null || a === undefined) return undefined;
  const v = String(a).toLowerCase();
  if (!['top', 'middle', 'bottom'].includes(v)) throw new Error(`Invalid argument: ${a} (SpreadsheetApp.Range.${method})`);
  return v === 'bottom' ? undefined : v;
};

export class FakeRange implements Pick<GRange, Methods> {
  constructor(
    readonly env: OfflineEnv,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  /** Whole columns ("A:Q"): the rows run to the tab's last row, however many rows are added later. */
  open = false;

  private me(method: string): GRange {
    this.env.calls.hit(`Range.${method}`);
    return this as unknown as GRange;
  }

  private hit(method: string): void {
    this.env.calls.hit(`Range.${method}`);
  }

  /** Cells row by row, as a 2-D array built by `cell(row, col)` (1-based sheet coordinates). */
  private grid<T>(cell: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) line[j] = cell(this.row + i, this.col + j);
      out[i] = line;
    }
    return out;
  }

  /** Checks a 2-D argument against the range's shape with Sheets' own messages. */
  private checkShape(method: string, data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
      throw new Error(`The parameters (${describe(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const r of data as unknown[][]) {
      if (r.length !== this.numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`,
        );
      }
    }
  }

  private out(v: CellValue | undefined): unknown {
    if (v === undefined) return '';
    return isDate(v) ? new this.env.realm.Date(v.getTime()) : v;
  }

  /** Calls `fn` with every cell of the range (1-based row and column). */
  each(fn: (r: number, c: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) fn(this.row + i, this.col + j);
  }

  // ---- position ----
  getRow(): number {
    this.hit('getRow');
    return this.row;
  }
  getColumn(): number {
    this.hit('getColumn');
    return this.col;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.numRows;
  }
  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.numCols;
  }
  getLastRow(): number {
    this.hit('getLastRow');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    this.hit('getA1Notation');
    return this.open ? `${columnLetters(this.col)}:${columnLetters(this.col + this.numCols - 1)}` : a1Of(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): GSheet {
    this.hit('getSheet');
    return this.sheet as unknown as GSheet;
  }
  getCell(row: number, column: number): GRange {
    this.hit('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.sheet.rangeAt(this.row + row - 1, this.col + column - 1, 1, 1) as unknown as GRange;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.hit('offset');
    return this.sheet.rangeAt(this.row + rowOffset, this.col + columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols) as unknown as GRange;
  }
  activate(): GRange {
    this.sheet.spreadsheet.activate(this);
    return this.me('activate');
  }

  // ---- values ----
  getValues(): any[][] {
    this.hit('getValues');
    return this.grid((r, c) => this.out(this.sheet.values.get(r, c)));
  }
  getValue(): any {
    this.hit('getValue');
    return this.out(this.sheet.values.get(this.row, this.col));
  }
  getDisplayValues(): string[][] {
    this.hit('getDisplayValues');
    return this.grid((r, c) => this.sheet.displayAt(r, c));
  }
  getDisplayValue(): string {
    this.hit('getDisplayValue');
    return this.sheet.displayAt(this.row, this.col);
  }
  setValues(values: any[][]): GRange {
    this.checkShape('setValues', values);
    this.each((r, c) => this.sheet.write(r, c, values[r - this.row][c - this.col]));
    return this.me('setValues');
  }
  setValue(value: any): GRange {
    this.each((r, c) => this.sheet.write(r, c, value));
    return this.me('setValue');
  }
  isBlank(): boolean {
    this.hit('isBlank');
    let blank = true;
    this.each((r, c) => {
      if ((this.sheet.values.get(r, c) ?? '') !== '' || this.sheet.formulas.get(r, c)) blank = false;
    });
    return blank;
  }
  clearContent(): GRange {
    this.each((r, c) => {
      this.sheet.values.set(r, c, undefined);
      this.sheet.formulas.set(r, c, undefined);
    });
    return this.me('clearContent');
  }
  /** Clears contents and formats (notes and validation too, as Range.clear() does with no options). */
  clear(): GRange {
    this.each((r, c) => this.sheet.clearCell(r, c, true));
    return this.me('clear');
  }

  // ---- formulas ----
  getFormulas(): string[][] {
    this.hit('getFormulas');
    return this.grid((r, c) => this.sheet.formulas.get(r, c) ?? '');
  }
  getFormula(): string {
    this.hit('getFormula');
    return this.sheet.formulas.get(this.row, this.col) ?? '';
  }
  setFormulas(formulas: string[][]): GRange {
    this.checkShape('setFormulas', formulas);
    this.each((r, c) => this.sheet.writeFormula(r, c, formulas[r - this.row][c - this.col]));
    return this.me('setFormulas');
  }
  setFormula(formula: string): GRange {
    this.each((r, c) => this.sheet.writeFormula(r, c, formula));
    return this.me('setFormula');
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    this.hit('getNumberFormats');
    return this.grid((r, c) => this.sheet.formatAt(r, c));
  }
  getNumberFormat(): string {
    this.hit('getNumberFormat');
    return this.sheet.formatAt(this.row, this.col);
  }
  setNumberFormat(format: string): GRange {
    this.each((r, c) => this.sheet.formats.set(r, c, String(format)));
    return this.me('setNumberFormat');
  }
  setNumberFormats(formats: string[][]): GRange {
    this.checkShape('setNumberFormats', formats);
    this.each((r, c) => this.sheet.formats.set(r, c, String(formats[r - this.row][c - this.col])));
    return this.me('setNumberFormats');
  }

  // ---- data validation ----
  setDataValidation(rule: GDataValidation | null): GRange {
    const v = rule === null ? undefined : (rule as unknown as FakeDataValidation);
    if (v !== undefined && !(v instanceof FakeDataValidation)) {
      throw new Error(`The parameters (${describe(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
    }
    this.each((r, c) => this.sheet.validations.set(r, c, v));
    return this.me('setDataValidation');
  }
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    this.checkShape('setDataValidations', rules);
    this.each((r, c) => {
      const rule = rules[r - this.row][c - this.col];
      this.sheet.validations.set(r, c, rule === null ? undefined : (rule as unknown as FakeDataValidation));
    });
    return this.me('setDataValidations');
  }
  getDataValidations(): Array<Array<GDataValidation | null>> {
    this.hit('getDataValidations');
    return this.grid((r, c) => (this.sheet.validations.get(r, c) ?? null) as unknown as GDataValidation | null);
  }
  getDataValidation(): GDataValidation | null {
    this.hit('getDataValidation');
    return (this.sheet.validations.get(this.row, this.col) ?? null) as unknown as GDataValidation | null;
  }

  // ---- notes ----
  setNote(note: string | null): GRange {
    this.each((r, c) => this.sheet.notes.set(r, c, note ? String(note) : undefined));
    return this.me('setNote');
  }
  setNotes(notes: Array<Array<string | null>>): GRange {
    this.checkShape('setNotes', notes);
    this.each((r, c) => {
      const n = notes[r - this.row][c - this.col];
      this.sheet.notes.set(r, c, n ? String(n) : undefined);
    });
    return this.me('setNotes');
  }
  clearNote(): GRange {
    this.each((r, c) => this.sheet.notes.set(r, c, undefined));
    return this.me('clearNote');
  }
  getNotes(): string[][] {
    this.hit('getNotes');
    return this.grid((r, c) => this.sheet.notes.get(r, c) ?? '');
  }
  getNote(): string {
    this.hit('getNote');
    return this.sheet.notes.get(this.row, this.col) ?? '';
  }

  // ---- style ----
  setFontWeight(weight: FontWeight | null): GRange {
    this.each((r, c) => this.sheet.fontWeights.set(r, c, weight === 'bold' ? 'bold' : undefined));
    return this.me('setFontWeight');
  }
  setFontWeights(weights: Array<Array<FontWeight | null>>): GRange {
    this.checkShape('setFontWeights', weights);
    this.each((r, c) => this.sheet.fontWeights.set(r, c, weights[r - this.row][c - this.col] === 'bold' ? 'bold' : undefined));
    return this.me('setFontWeights');
  }
  getFontWeights(): FontWeight[][] {
    this.hit('getFontWeights');
    return this.grid((r, c) => this.sheet.fontWeights.get(r, c) ?? 'normal');
  }
  getFontWeight(): FontWeight {
    this.hit('getFontWeight');
    return this.sheet.fontWeights.get(this.row, this.col) ?? 'normal';
  }
  setBackground(color: string | null): GRange {
    this.each((r, c) => this.sheet.backgrounds.set(r, c, color ? String(color).toLowerCase() : undefined));
    return this.me('setBackground');
  }
  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    this.checkShape('setBackgrounds', colors);
    this.each((r, c) => {
      const color = colors[r - this.row][c - this.col];
      this.sheet.backgrounds.set(r, c, color ? String(color).toLowerCase() : undefined);
    });
    return this.me('setBackgrounds');
  }
  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return this.grid((r, c) => this.sheet.backgrounds.get(r, c) ?? '#ffffff');
  }
  getBackground(): string {
    this.hit('getBackground');
    return this.sheet.backgrounds.get(this.row, this.col) ?? '#ffffff';
  }
  setWrap(wrap: boolean): GRange {
    this.each((r, c) => this.sheet.wraps.set(r, c, !!wrap));
    return this.me('setWrap');
  }
  setWraps(wraps: boolean[][]): GRange {
    this.checkShape('setWraps', wraps);
    this.each((r, c) => this.sheet.wraps.set(r, c, !!wraps[r - this.row][c - this.col]));
    return this.me('setWraps');
  }
  getWraps(): boolean[][] {
    this.hit('getWraps');
    return this.grid((r, c) => this.sheet.wraps.get(r, c) ?? false);
  }
  getWrap(): boolean {
    this.hit('getWrap');
    return this.sheet.wraps.get(this.row, this.col) ?? false;
  }

  /** "top", "middle" or "bottom" (Sheets' default); null resets to the default. */
  setVerticalAlignment(alignment: string | null): GRange {
    const a = verticalAlignment(alignment, 'setVerticalAlignment');
    this.each((r, c) => this.sheet.verticalAlignments.set(r, c, a));
    return this.me('setVerticalAlignment');
  }
  setVerticalAlignments(alignments: Array<Array<string | null>>): GRange {
    this.checkShape('setVerticalAlignments', alignments);
    const checked = alignments.map((row) => row.map((a) => verticalAlignment(a, 'setVerticalAlignments')));
    this.each((r, c) => this.sheet.verticalAlignments.set(r, c, checked[r - this.row][c - this.col]));
    return this.me('setVerticalAlignments');
  }
  getVerticalAlignments(): string[][] {
    this.hit('getVerticalAlignments');
    return this.grid((r, c) => this.sheet.verticalAlignments.get(r, c) ?? 'bottom');
  }
  getVerticalAlignment(): string {
    this.hit('getVerticalAlignment');
    return this.sheet.verticalAlignments.get(this.row, this.col) ?? 'bottom';
  }

  // ---- protection ----
  protect(): GProtection {
    this.hit('protect');
    return this.sheet.addProtection('RANGE', this) as unknown as GProtection;
  }
}
