/**
 * Recalculates every formula of an offline spreadsheet as Sheets would show it: each formula cell gets
 * its value, array results spill into the cells beside and below (or give #REF! when something is in
 * the way or the tab is too small), and cells a formula reads are computed first. Custom functions run
 * from the loaded bundle with the arguments Sheets hands them (a cell's value, a range's 2-D array,
 * dates as Dates). Every formula that ends in an error is reported, with its message.
 */
import { a1Of, type CellValue } from './cells';
import { DateSerial, evaluate, FormulaError, resultOf, type EvalContext, type Grid, type Scalar, type Value } from './formulaEval';
import { FormulaSyntaxError, parseFormula } from './formulaParse';
import { isDate } from './realm';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import { instantOf, partsAt } from './zoned';

export interface FormulaProblem {
  tab: string;
  /** A1 of the formula's cell. */
  cell: string;
  formula: string;
  /** What the cell shows: #REF!, #NAME?, #ERROR!… */
  error: string;
  message: string;
  /** True when Sheets would compute the formula and only the offline runtime cannot. */
  unsupported: boolean;
}

export interface RecalcOptions {
  /** Where custom functions are looked up (the bundle's global object); none when absent. */
  functions?: Record<string, unknown>;
  /** The clock TODAY() and NOW() read (default Date.now()). */
  now?: number;
  /** The Date constructor custom functions receive dates from (the bundle's realm). */
  realmDate?: DateConstructor;
  /** Runs one custom function (a hook for running it under custom-function restrictions); default fn(...args). */
  invoke?: (fn: (...args: unknown[]) => unknown, args: unknown[], name: string) => unknown;
}

interface Spill {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Custom function arguments must be deterministic: a range holding a volatile function's result (NOW(),
 * TODAY(), RAND(), RANDBETWEEN(), RANDARRAY(), or a formula that reads one) is refused with the error Sheets
 * shows. https://developers.google.com/apps-script/guides/sheets/functions#arguments
 */
export const VOLATILE_ARGUMENT_MESSAGE = 'This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().';
const VOLATILE = /\b(?:NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const spills = new WeakMap<FakeSheet, Spill[]>();
const errors = new WeakMap<FakeSheet, Map<string, FormulaError>>();

/** The error a formula cell ended in at the last recalculation, if any (its message is the cell's tooltip in Sheets). */
export const formulaErrorAt = (sheet: FakeSheet, row: number, col: number): FormulaError | undefined => errors.get(sheet)?.get(`${row},${col}`);

/** The array results' areas at the last recalculation (anchor first). */
export const spillsOf = (sheet: FakeSheet): readonly Spill[] => spills.get(sheet) ?? [];

export function recalculate(ss: FakeSpreadsheet, opts: RecalcOptions = {}): FormulaProblem[] {
  const tz = ss.timeZone;
  const RealmDate = opts.realmDate ?? Date;
  const serialOf = (d: Date): number => {
    const p = partsAt(d.getTime(), tz);
    return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - EPOCH) / DAY;
  };
  const instantOfSerial = (serial: number): Date => {
    const wall = new Date(EPOCH + Math.round(serial * DAY));
    // Sheets keeps a date-time's milliseconds, and hands them to a custom function.
    return new Date(
      instantOf(tz, wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()) +
        wall.getUTCMilliseconds(),
    );
  };
  const now = opts.now ?? Date.now();
  const functions = new Map<string, (...a: unknown[]) => unknown>();
  for (const [name, fn] of Object.entries(opts.functions ?? {})) {
    // Apps Script never runs a function whose name ends in "_" from a cell.
    if (typeof fn === 'function' && !name.endsWith('_')) functions.set(name.toUpperCase(), fn as (...a: unknown[]) => unknown);
  }

  // Last run's spilled values go first, so they are neither read as data nor in the way.
  for (const sheet of ss.sheets) {
    for (const s of spills.get(sheet) ?? []) {
      for (let r = s.row; r < s.row + s.rows; r++)
        for (let c = s.col; c < s.col + s.cols; c++) {
          if ((r !== s.row || c !== s.col) && !sheet.formulas.get(r, c)) sheet.values.set(r, c, undefined);
        }
    }
    spills.set(sheet, []);
    errors.set(sheet, new Map());
  }

  const state = new Map<string, 'running' | 'done'>();
  /** Formula cells whose value depends on a volatile function, and the grids read from them. */
  const volatileCells = new Set<string>();
  const volatileGrids = new WeakSet<object>();
  const computing: string[] = [];
  const problems: FormulaProblem[] = [];
  const key = (sheet: FakeSheet, r: number, c: number) => `${sheet.sheetId}:${r},${c}`;

  const cellScalar = (v: CellValue | undefined): Scalar => (v === undefined ? '' : isDate(v) ? new DateSerial(serialOf(v)) : v);
  const read = (sheet: FakeSheet, row: number, col: number, rows: number, cols: number): Grid => {
    // Formulas inside the range are computed before it is read.
    let volatile = false;
    sheet.formulas.forEach((r, c) => {
      if (r >= row && r < row + rows && c >= col && c < col + cols) {
        compute(sheet, r, c);
        if (volatileCells.has(key(sheet, r, c))) volatile = true;
      }
    });
    const grid = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cellScalar(sheet.values.get(row + i, col + j))));
    if (volatile) {
      volatileGrids.add(grid);
      // A formula that reads a volatile cell is volatile in turn.
      if (computing.length) volatileCells.add(computing[computing.length - 1]);
    }
    return grid;
  };
  const toScript = (v: Scalar): unknown =>
    v instanceof DateSerial ? new RealmDate(instantOfSerial(v.serial).getTime()) : v instanceof FormulaError ? v.code : v;

  const contextFor = (sheet: FakeSheet): EvalContext => ({
    range(tab, a1) {
      const target = tab === null ? sheet : ss.sheetNamed(tab);
      if (!target) throw new FormulaError('#REF!', `Unresolved sheet name '${tab}'.`);
      let range: FakeRange;
      try {
        range = target.rangeA1(a1);
      } catch {
        throw new FormulaError('#REF!', `Range ${a1} is outside the tab ${target.name}.`);
      }
      return read(target, range.row, range.col, range.numRows, range.numCols);
    },
    named(name) {
      const r = ss.namedRanges.get(name.toLowerCase())?.range;
      return r ? read(r.sheet, r.row, r.col, r.numRows, r.numCols) : undefined;
    },
    custom(name, args) {
      const fn = functions.get(name);
      if (!fn) return undefined;
      const bad = args.find((a): a is FormulaError => a instanceof FormulaError);
      if (bad) return bad;
      if (args.some((a) => Array.isArray(a) && volatileGrids.has(a))) return new FormulaError('#ERROR!', VOLATILE_ARGUMENT_MESSAGE);
      const plain = args.map((a) =>
        Array.isArray(a) ? (a.length === 1 && a[0].length === 1 ? toScript(a[0][0]) : a.map((row) => row.map(toScript))) : toScript(a),
      );
      try {
        const result = opts.invoke ? opts.invoke(fn, plain, name) : fn(...plain);
        return resultOf(result, serialOf);
      } catch (e) {
        return new FormulaError('#ERROR!', e instanceof Error ? e.message : String(e));
      }
    },
    now: () => serialOf(new Date(now)),
  });

  const fail = (sheet: FakeSheet, r: number, c: number, formula: string, e: FormulaError) => {
    sheet.values.set(r, c, e.code);
    errors.get(sheet)!.set(`${r},${c}`, e);
    problems.push({ tab: sheet.name, cell: a1Of(r, c, 1, 1), formula, error: e.code, message: e.message, unsupported: e.unsupported });
  };

  const stored = (v: Scalar): CellValue | undefined =>
    v === '' ? undefined : v instanceof DateSerial ? instantOfSerial(v.serial) : v instanceof FormulaError ? v.code : v;

  function spill(sheet: FakeSheet, r: number, c: number, formula: string, grid: Grid): void {
    const rows = grid.length;
    const cols = grid[0].length;
    if (r + rows - 1 > sheet.maxRows) {
      fail(
        sheet,
        r,
        c,
        formula,
        new FormulaError('#REF!', `Result was not automatically expanded, please insert more rows (${r + rows - 1 - sheet.maxRows}).`),
      );
      return;
    }
    if (c + cols - 1 > sheet.maxColumns) {
      fail(
        sheet,
        r,
        c,
        formula,
        new FormulaError('#REF!', `Result was not automatically expanded, please insert more columns (${c + cols - 1 - sheet.maxColumns}).`),
      );
      return;
    }
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        if (i === 0 && j === 0) continue;
        const v = sheet.values.get(r + i, c + j);
        if ((v !== undefined && v !== '') || sheet.formulas.get(r + i, c + j)) {
          fail(
            sheet,
            r,
            c,
            formula,
            new FormulaError('#REF!', `Array result was not expanded because it would overwrite data in ${a1Of(r + i, c + j, 1, 1)}.`),
          );
          return;
        }
      }
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) sheet.values.set(r + i, c + j, stored(grid[i][j]));
    spills.get(sheet)!.push({ row: r, col: c, rows, cols });
    const bad = grid.flat().find((v): v is FormulaError => v instanceof FormulaError);
    if (bad) fail(sheet, r, c, formula, bad);
    if (grid[0][0] instanceof FormulaError) return;
    sheet.values.set(r, c, stored(grid[0][0]));
  }

  function compute(sheet: FakeSheet, r: number, c: number): void {
    const k = key(sheet, r, c);
    const formula = sheet.formulas.get(r, c);
    if (!formula || state.get(k) === 'done') return;
    if (state.get(k) === 'running')
      throw new FormulaError('#REF!', `Circular dependency detected. To resolve with iterative calculation, see File > Settings.`);
    state.set(k, 'running');
    computing.push(k);
    if (VOLATILE.test(formula)) volatileCells.add(k);
    try {
      const value: Value = evaluate(parseFormula(formula), contextFor(sheet));
      if (Array.isArray(value)) {
        if (value.length === 1 && value[0].length === 1) settle(sheet, r, c, formula, value[0][0]);
        else spill(sheet, r, c, formula, value);
      } else settle(sheet, r, c, formula, value);
    } catch (e) {
      const err =
        e instanceof FormulaError
          ? e
          : e instanceof FormulaSyntaxError
            ? new FormulaError('#ERROR!', `Formula parse error. ${e.message}`)
            : new FormulaError('#ERROR!', e instanceof Error ? e.message : String(e));
      fail(sheet, r, c, formula, err);
    } finally {
      computing.pop();
      state.set(k, 'done');
    }
  }

  function settle(sheet: FakeSheet, r: number, c: number, formula: string, v: Scalar): void {
    if (v instanceof FormulaError) fail(sheet, r, c, formula, v);
    else sheet.values.set(r, c, stored(v));
  }

  for (const sheet of ss.sheets) {
    const cells: Array<[number, number]> = [];
    sheet.formulas.forEach((r, c) => {
      cells.push([r, c]);
    });
    for (const [r, c] of cells) compute(sheet, r, c);
  }
  return problems;
}
