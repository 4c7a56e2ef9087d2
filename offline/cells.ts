/** Cell-level rules of Sheets: A1 notation, what a written value becomes, and how a value is displayed. */
import { isDate } from './realm';
import { instantOf, partsAt } from './zoned';

/** What a cell holds: a number, boolean, string (`""` is blank) or Date (kept in Node's realm). */
export type CellValue = number | boolean | string | Date;

export const columnLetters = (col: number): string => {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

export const columnIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

export interface A1 {
  sheetName: string | null;
  /** Undefined ends are open (whole columns `A:B` or whole rows `2:3`). */
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses `A1`, `A1:C3`, `A:A`, `2:2`, `Sheet1!A1:B2`, `'My tab'!B2`; null when not a range. */
export const parseA1 = (text: string): A1 | null => {
  let rest = text.trim();
  let sheetName: string | null = null;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b, extra] = rest.split(':');
  if (extra !== undefined || !a) return null;
  const m1 = CELL.exec(a);
  const m2 = b === undefined ? m1 : CELL.exec(b);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return null;
  const out: A1 = { sheetName };
  if (m1[1]) out.c1 = columnIndex(m1[1]);
  if (m1[2]) out.r1 = Number(m1[2]);
  if (m2[1]) out.c2 = columnIndex(m2[1]);
  if (m2[2]) out.r2 = Number(m2[2]);
  if (b === undefined && (out.r1 === undefined || out.c1 === undefined)) return null;
  if (out.r1 === 0 || out.r2 === 0) return null;
  return out;
};

export const a1Of = (row: number, col: number, numRows: number, numCols: number): string => {
  const first = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return first;
  return `${first}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
};

/** Plain text number format: strings are kept as typed. */
export const TEXT_FORMAT = '@';

export interface Written {
  value: CellValue;
  formula: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * What a value written by setValue(s) becomes: Sheets parses text typed into a cell (numbers,
 * percentages, TRUE/FALSE, ISO dates in the spreadsheet's zone, `=` formulas) unless the cell's
 * number format is plain text (`@`) or the text starts with an apostrophe.
 */
export const written = (v: unknown, numberFormat: string, timeZone: string): Written => {
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : String(v), formula: '' };
  if (typeof v === 'boolean') return { value: v, formula: '' };
  if (isDate(v)) return { value: new Date(v.getTime()), formula: '' };
  const s = String(v);
  if (numberFormat === TEXT_FORMAT) return { value: s, formula: '' };
  if (s.startsWith("'")) return { value: s.slice(1), formula: '' };
  if (s.startsWith('=') && s.length > 1) return { value: '', formula: s };
  const t = s.trim();
  if (t === '') return { value: s, formula: '' };
  if (NUMBER.test(t) && /\d/.test(t)) return { value: Number(t.replace(/,/g, '')), formula: '' };
  if (t.endsWith('%') && NUMBER.test(t.slice(0, -1).trim()) && /\d/.test(t)) {
    return { value: Number(t.slice(0, -1).trim().replace(/,/g, '')) / 100, formula: '' };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  const d = ISO_DATE.exec(t);
  if (d) {
    const [y, mo, da, h, mi, se] = d.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
    // Sheets keeps the milliseconds of a time typed with them ("09:30:00.250").
    const ms = d[7] === undefined ? 0 : Number(d[7].padEnd(3, '0'));
    if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31 && h < 24 && mi < 60 && se < 60) {
      return { value: new Date(instantOf(timeZone, y, mo, da, h, mi, se, ms)), formula: '' };
    }
  }
  return { value: s, formula: '' };
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Renders a date with a Sheets date/time format (yyyy yy mmmm mmm mm m dddd ddd dd d hh h ss am/pm). */
export const formatSheetsDate = (ms: number, timeZone: string, format: string): string => {
  const p = partsAt(ms, timeZone);
  const twelve = /am\/pm|a\/p/i.test(format);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|AM\/PM|a\/p|y+|m+|d+|h+|s+|[^ymdhs"\\]+|./gi) ?? [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const lower = tok.toLowerCase();
    const prev =
      tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[ymdhs]/i.test(t))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[ymdhs]/i.test(t))
        ?.toLowerCase() ?? '';
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += p.hour < 12 ? 'A' : 'P';
    else if (lower[0] === 'y') out += lower.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    else if (lower[0] === 'd') {
      out += lower.length >= 4 ? DAYS[p.weekday] : lower.length === 3 ? DAYS[p.weekday].slice(0, 3) : pad(p.day, lower.length);
    } else if (lower[0] === 'h') {
      const h = twelve ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      out += pad(h, lower.length);
    } else if (lower[0] === 's') out += pad(p.second, lower.length);
    else if (lower[0] === 'm') {
      const minute = lower.length <= 2 && (prev.startsWith('h') || next.startsWith('s'));
      if (minute) out += pad(p.minute, lower.length);
      else if (lower.length >= 4) out += MONTHS[p.month - 1];
      else if (lower.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else out += pad(p.month, lower.length);
    } else out += tok;
  }
  return out;
};

const isDateFormat = (f: string): boolean => /[yd]|h+:m|m+:s/i.test(f.replace(/"[^"]*"/g, ''));

const formatNumber = (n: number, format: string): string => {
  const percent = format.includes('%');
  const v = percent ? n * 100 : n;
  const main = format.split(';')[0].replace(/[%"]/g, '');
  const places = /\.([0#]*)/.exec(main);
  const required = places ? (places[1].match(/0/g) ?? []).length : 0;
  const decimals = places ? places[1].length : 0;
  const grouped = main.includes(',');
  let text = Math.abs(v).toFixed(decimals);
  // "#" places drop insignificant zeros; the point stays even with no decimals left ("0.##" shows 4 as "4.").
  if (decimals > required) text = text.replace(new RegExp(`0{1,${decimals - required}}$`), '');
  if (grouped) {
    const [int, frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return `${v < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : ''}${text}${percent ? '%' : ''}`;
};

/** The text a cell shows for its value and number format, as getDisplayValues() returns it. */
export const displayed = (v: CellValue, format: string, timeZone: string): string => {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (isDate(v)) {
    const f = format && format !== TEXT_FORMAT && isDateFormat(format) ? format : 'yyyy-mm-dd hh:mm:ss';
    return formatSheetsDate(v.getTime(), timeZone, f);
  }
  if (!format || format === TEXT_FORMAT || /^general$/i.test(format) || isDateFormat(format)) {
    return String(Number(v.toPrecision(15)));
  }
  return formatNumber(v, format);
};
