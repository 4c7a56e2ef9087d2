/**
 * Blocks of cells as the two halves of one Sheets API write (spreadsheets.values.batchUpdate): text goes with
 * valueInputOption RAW, stored exactly as written, never read as a formula, number or date; everything else
 * (dates, numbers, Yes/No ticks, blanks, a user's formula kept where a write passes over it) goes with
 * USER_ENTERED, as setValues would write it. Each block is one range in each half, null where the other half
 * writes ("Null values will be skipped": https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange),
 * so a write of any number of changed cells is two requests whatever their number, or a few more for a large
 * write: each request is kept under the 2 MB payload the Sheets API recommends
 * (https://developers.google.com/sheets/api/limits), a large block split by rows.
 */
import { columnLetters } from '../setup/plan';
import { utcOffsetMs } from '../time/zone';
import { type CellBlock, isCellFormula } from './toCells';

export interface ValueRange {
  readonly range: string;
  readonly values: (string | number | boolean | null)[][];
}

/** `'Tab name'!B5:C6`, the sheet name quoted as A1 notation wants it. */
export const a1Range = (sheetName: string, row: number, column: number, rows: number, columns: number): string =>
  `'${sheetName.replace(/'/g, "''")}'!${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;

/** A date-time as Sheets reads it typed in the spreadsheet's zone: "2026-11-20 09:30:00" (with ".250" when it has milliseconds). */
export function enteredDateTime(ms: number, timeZone: string): string {
  const local = new Date(ms + utcOffsetMs(ms, timeZone)).toISOString();
  const millis = local.slice(19, 23);
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${millis === '.000' ? '' : millis}`;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The payload the Sheets API recommends at most for one request. */
const REQUEST_BYTES = 2_000_000;

/** The blocks, a large one cut into runs of rows of about `maxBytes` of values each. */
function splitBlocks(blocks: readonly CellBlock[], maxBytes: number): CellBlock[] {
  const out: CellBlock[] = [];
  for (const b of blocks) {
    let start = 0;
    let bytes = 0;
    b.values.forEach((line, i) => {
      const size = JSON.stringify(line).length;
      if (i > start && bytes + size > maxBytes) {
        out.push({ row: b.row + start, column: b.column, values: b.values.slice(start, i) });
        start = i;
        bytes = 0;
      }
      bytes += size;
    });
    out.push(start === 0 ? b : { row: b.row + start, column: b.column, values: b.values.slice(start) });
  }
  return out;
}

/** What a request's body adds to its ranges: `{"valueInputOption":"USER_ENTERED","data":[…]}`, with room to spare. */
const REQUEST_OVERHEAD = 100;

/** Ranges grouped into requests of at most `maxBytes` each (a range larger than that alone in its request). */
export function requestsOf(ranges: readonly ValueRange[], maxBytes = REQUEST_BYTES): ValueRange[][] {
  const requests: ValueRange[][] = [];
  let current: ValueRange[] = [];
  let bytes = 0;
  for (const r of ranges) {
    // The range's JSON and the comma before it.
    const size = JSON.stringify(r).length + 1;
    if (current.length > 0 && bytes + size > maxBytes - REQUEST_OVERHEAD) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/**
 * The blocks as the RAW half (text) and the USER_ENTERED half (the rest); a half with nothing to write is empty.
 * A block larger than half a request is cut by rows, so each range fits in a request with room to spare.
 */
export function blockValueRanges(
  sheetName: string,
  blocks: readonly CellBlock[],
  timeZone: string,
  maxBytes = REQUEST_BYTES,
): { raw: ValueRange[]; entered: ValueRange[] } {
  const raw: ValueRange[] = [];
  const entered: ValueRange[] = [];
  for (const b of splitBlocks(blocks, maxBytes / 2)) {
    const width = b.values[0]?.length ?? 0;
    if (width === 0) continue;
    let anyText = false;
    let anyOther = false;
    const text = b.values.map((line) =>
      line.map((v) => {
        if (!isText(v)) return null;
        anyText = true;
        return v;
      }),
    );
    const other = b.values.map((line) =>
      line.map((v): string | number | boolean | null => {
        if (isText(v)) return null;
        anyOther = true;
        if (v instanceof Date) return enteredDateTime(v.getTime(), timeZone);
        if (isCellFormula(v)) return v.formula;
        if (typeof v === 'number' || typeof v === 'boolean') return v;
        return v === undefined || v === null ? '' : String(v);
      }),
    );
    const range = a1Range(sheetName, b.row, b.column, b.values.length, width);
    if (anyText) raw.push({ range, values: text });
    if (anyOther) entered.push({ range, values: other });
  }
  return { raw, entered };
}
