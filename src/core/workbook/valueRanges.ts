/**
 * Blocks of cells as the two halves of one Sheets API write (spreadsheets.values.batchUpdate): text goes with
 * valueInputOption RAW, stored exactly as written, never read as a formula, number or date; everything else
 * (dates, numbers, Yes/No ticks, blanks, a user's formula kept where a write passes over it) goes with
 * USER_ENTERED, as setValues would write it. Each block is one range in each half, null where the other half
 * writes ("Null values will be skipped": https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange),
 * so a write of any number of changed cells is two requests whatever their number.
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

/** The blocks as the RAW half (text) and the USER_ENTERED half (the rest); a half with nothing to write is empty. */
export function blockValueRanges(sheetName: string, blocks: readonly CellBlock[], timeZone: string): { raw: ValueRange[]; entered: ValueRange[] } {
  const raw: ValueRange[] = [];
  const entered: ValueRange[] = [];
  for (const b of blocks) {
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
