/**
 * Evaluates a parsed formula the way Sheets does for the functions the template writes: dates are day
 * serials (0 = 30 December 1899) on the spreadsheet's wall clock, TODAY/NOW/DATE/EOMONTH/EDATE return
 * dates, arithmetic on a date keeps it a date, ranges and named ranges read cells, and any other name
 * is called as one of the bundle's custom functions. What cannot be evaluated is an error, never a blank.
 */
import type { Formula } from './formulaParse';

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A number Sheets shows as a date. */
export class DateSerial {
  constructor(readonly serial: number) {}
}

/** An error value such as #REF!, with the message Sheets shows when the cell is hovered. */
export class FormulaError {
  /** `unsupported`: Sheets would compute this, the offline runtime cannot. */
  constructor(
    readonly code: string,
    readonly message: string,
    readonly unsupported = false,
  ) {}
}

export type Scalar = number | string | boolean | DateSerial | FormulaError;
/** A range's cells, row by row ("" for blanks). */
export type Grid = Scalar[][];
export type Value = Scalar | Grid;

export interface EvalContext {
  /** The cells of a reference (A1 on `sheet`, or the formula's own tab when null); throws FormulaError. */
  range(sheet: string | null, a1: string): Grid;
  /** The cells of a named range, or undefined when there is no such name. */
  named(name: string): Grid | undefined;
  /** Runs a custom function (its result made a value with `resultOf`); undefined when the bundle has no function of that name. */
  custom(name: string, args: Value[]): Value | undefined;
  /** The wall clock now, as a day serial with its fraction. */
  now(): number;
}

export const serialOfUtcParts = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - EPOCH) / DAY;
export const partsOfSerial = (serial: number): { y: number; m: number; d: number; ms: number } => {
  const whole = Math.floor(serial);
  const date = new Date(EPOCH + whole * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), ms: Math.round((serial - whole) * DAY) };
};

const isGrid = (v: Value): v is Grid => Array.isArray(v);

/** A single value from a value: a one-cell range is its cell; a larger range is an error outside an array formula. */
function scalar(v: Value, fn: string): Scalar {
  if (!isGrid(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  return new FormulaError('#VALUE!', `${fn} expects a single value, not a range of ${v.length} × ${v[0]?.length ?? 0} cells.`);
}

function numberOf(v: Scalar, fn: string, arg: number): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v instanceof DateSerial) return v.serial;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v.trim());
  if (v.trim() !== '' && Number.isFinite(n)) return n;
  return new FormulaError('#VALUE!', `Function ${fn} parameter ${arg} expects number values. But '${v}' is a text and cannot be coerced to a number.`);
}

const textOf = (v: Scalar): string => (v instanceof DateSerial ? String(v.serial) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));

/** Sheets' DATE: years 0-1899 count from 1900; months and days beyond their range carry over. */
function date(y: number, m: number, d: number): DateSerial | FormulaError {
  const year = Math.trunc(y) < 1900 ? Math.trunc(y) + 1900 : Math.trunc(y);
  if (year < 1900 || year > 10000) return new FormulaError('#NUM!', `Function DATE parameter 1 value is ${y}. It should be greater than or equal to 0.`);
  return new DateSerial((Date.UTC(year, Math.trunc(m) - 1, Math.trunc(d)) - EPOCH) / DAY);
}

function shiftMonths(start: number, months: number, endOfMonth: boolean): DateSerial {
  const p = partsOfSerial(Math.floor(start));
  const monthIndex = p.m - 1 + Math.trunc(months);
  if (endOfMonth) return new DateSerial((Date.UTC(p.y, monthIndex + 1, 0) - EPOCH) / DAY);
  const last = new Date(Date.UTC(p.y, monthIndex + 1, 0)).getUTCDate();
  return new DateSerial((Date.UTC(p.y, monthIndex, Math.min(p.d, last)) - EPOCH) / DAY);
}

type Builtin = (args: Scalar[], ctx: EvalContext) => Scalar;

const arity = (fn: string, args: Scalar[], min: number, max: number): FormulaError | undefined =>
  args.length < min || args.length > max
    ? new FormulaError(
        '#N/A',
        `Wrong number of arguments to ${fn}. Expected ${min === max ? min : `between ${min} and ${max}`} arguments, but got ${args.length} arguments.`,
      )
    : undefined;

function numbers(fn: string, args: Scalar[]): number[] | FormulaError {
  const out: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const n = numberOf(args[i], fn, i + 1);
    if (n instanceof FormulaError) return n;
    out.push(n);
  }
  return out;
}

const BUILTINS: Record<string, Builtin> = {
  TODAY: (a, ctx) => arity('TODAY', a, 0, 0) ?? new DateSerial(Math.floor(ctx.now())),
  NOW: (a, ctx) => arity('NOW', a, 0, 0) ?? new DateSerial(ctx.now()),
  DATE: (a) => {
    const n = arity('DATE', a, 3, 3) ?? numbers('DATE', a);
    return n instanceof FormulaError ? n : date(n[0], n[1], n[2]);
  },
  EOMONTH: (a) => {
    const n = arity('EOMONTH', a, 2, 2) ?? numbers('EOMONTH', a);
    return n instanceof FormulaError ? n : shiftMonths(n[0], n[1], true);
  },
  EDATE: (a) => {
    const n = arity('EDATE', a, 2, 2) ?? numbers('EDATE', a);
    return n instanceof FormulaError ? n : shiftMonths(n[0], n[1], false);
  },
  // HYPERLINK(url, [link_label]) shows its label, else the URL (https://support.google.com/docs/answer/3093313).
  HYPERLINK: (a) => arity('HYPERLINK', a, 1, 2) ?? String(a.length > 1 && a[1] !== '' ? a[1] : a[0]),
};

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const names: Record<string, string> = { '+': 'ADD', '-': 'MINUS', '*': 'MULTIPLY', '/': 'DIVIDE', '^': 'POW' };
  const x = numberOf(a, names[op], 1);
  if (x instanceof FormulaError) return x;
  const y = numberOf(b, names[op], 2);
  if (y instanceof FormulaError) return y;
  switch (op) {
    case '+':
    case '-': {
      const n = op === '+' ? x + y : x - y;
      // A date plus or minus days is a date; the difference of two dates is a number of days.
      const dated = a instanceof DateSerial !== b instanceof DateSerial && !(op === '-' && b instanceof DateSerial);
      return dated ? new DateSerial(n) : n;
    }
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.') : x / y;
    default:
      return x ** y;
  }
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  const key = (v: Scalar): number | string =>
    v instanceof DateSerial ? v.serial : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? v.toLowerCase() : (v as number);
  const x = key(a);
  const y = key(b);
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** The value of `f`; errors come back as FormulaError values (as in Sheets, they flow through). */
export function evaluate(f: Formula, ctx: EvalContext): Value {
  switch (f.k) {
    case 'num':
    case 'str':
    case 'bool':
      return f.v;
    case 'ref':
      try {
        return ctx.range(f.sheet, f.a1);
      } catch (e) {
        return e instanceof FormulaError ? e : new FormulaError('#REF!', `Unresolved sheet name '${f.sheet ?? ''}'.`);
      }
    case 'name': {
      const g = ctx.named(f.name);
      return g ?? new FormulaError('#NAME?', `Unknown range name: '${f.name.toUpperCase()}'.`);
    }
    case 'neg': {
      const x = scalar(evaluate(f.x, ctx), 'UMINUS');
      const n = numberOf(x, 'UMINUS', 1);
      return n instanceof FormulaError ? n : -n;
    }
    case 'pct': {
      const n = numberOf(scalar(evaluate(f.x, ctx), 'UNARY_PERCENT'), 'UNARY_PERCENT', 1);
      return n instanceof FormulaError ? n : n / 100;
    }
    case 'bin': {
      const a = scalar(evaluate(f.a, ctx), f.op);
      if (a instanceof FormulaError) return a;
      const b = scalar(evaluate(f.b, ctx), f.op);
      if (b instanceof FormulaError) return b;
      if (f.op === '&') return textOf(a) + textOf(b);
      if (['=', '<>', '<', '>', '<=', '>='].includes(f.op)) return compare(f.op, a, b);
      return arithmetic(f.op, a, b);
    }
    case 'call': {
      const builtin = BUILTINS[f.name];
      const args = f.args.map((x) => evaluate(x, ctx));
      if (builtin) {
        const scalars = args.map((v) => scalar(v, f.name));
        const bad = scalars.find((v) => v instanceof FormulaError);
        return bad ?? builtin(scalars, ctx);
      }
      // Sheets hands a custom function its arguments' values, errors included; it decides what to do.
      const ran = ctx.custom(f.name, args);
      if (ran !== undefined) return ran;
      return new FormulaError(
        '#NAME?',
        `${f.name} is not evaluated by the offline runtime (only TODAY, NOW, DATE, EOMONTH, EDATE, HYPERLINK, arithmetic, references and the bundle's custom functions are).`,
        true,
      );
    }
  }
}

const isAnyDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * What a custom function's return value shows: dates as dates (`serialOf` puts an instant on the
 * spreadsheet's wall clock), arrays spilled, null and undefined as blanks.
 */
export function resultOf(v: unknown, serialOf: (d: Date) => number): Value {
  const one = (x: unknown): Scalar => {
    if (x === null || x === undefined) return '';
    if (typeof x === 'number') return Number.isFinite(x) ? x : new FormulaError('#NUM!', 'The result was not a finite number.');
    if (typeof x === 'string' || typeof x === 'boolean') return x;
    if (isAnyDate(x)) return new DateSerial(serialOf(x));
    return String(x);
  };
  if (!Array.isArray(v)) return one(v);
  if (v.length === 0) return new FormulaError('#N/A', 'Result was empty.');
  const rows = v.every(Array.isArray) ? (v as unknown[][]) : [v];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, j) => one(r[j])));
}
