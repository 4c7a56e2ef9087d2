import type { ColumnDef, TabDef } from '../schema/types';
import { locateColumns } from './columns';

/** A cell to be written as the formula it holds (a user's formula kept where a write passes over it). */
export interface CellFormula {
  readonly formula: string;
}

/** Cells to write: the top-left cell (1-based) and the rows of values below and right of it. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
}

export const isCellFormula = (v: unknown): v is CellFormula =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellFormula).formula === 'string';

/** A typed field as a sheet cell: dates become Date, Yes/No text, lists comma-separated, blanks "". */
function toCell(col: ColumnDef, value: unknown): unknown {
  if (value === undefined || value === null) return '';
  switch (col.type) {
    case 'date':
    case 'datetime':
      return new Date(value as number);
    case 'yesno':
      return value ? 'Yes' : 'No';
    case 'refs':
    case 'list':
      return (value as string[]).join(', ');
    default:
      return value;
  }
}

/**
 * Records as rows laid out under an existing header (columns found by name, so a user's order and
 * extra columns are respected; their cells in the new rows stay blank).
 */
export function recordsToRows(tab: TabDef, header: readonly unknown[], records: readonly object[]): unknown[][] {
  const { index } = locateColumns(header, tab);
  return records.map((r) => {
    const line: unknown[] = new Array(header.length).fill('');
    for (const col of tab.columns) {
      const i = index[col.key];
      if (i !== undefined) line[i] = toCell(col, (r as Record<string, unknown>)[col.key]);
    }
    return line;
  });
}
