import type { CellType, ColumnDef } from '../schema/types';

/**
 * The sheet number format of each cell type ('@' keeps user text as text, never a formula or number).
 * Numbers and percentages keep Sheets' automatic format (undefined): a pattern such as "0.##" would show
 * 4 as "4.", and automatic shows 4, 0.25 and a typed 95% as they are.
 */
export function numberFormat(type: CellType): string | undefined {
  switch (type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'number':
    case 'percent':
      return undefined;
    case 'integer':
      return '0';
    default:
      return '@';
  }
}

/** How a column's cells are validated in the sheet. */
export type ValidationRule =
  | { kind: 'list'; values: readonly string[]; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'number'; min: number; max: number; help: string };

export function validationRule(col: ColumnDef): ValidationRule | undefined {
  switch (col.type) {
    case 'enum':
      return { kind: 'list', values: col.values ?? [], help: col.help };
    case 'yesno':
      return { kind: 'list', values: ['Yes', 'No'], help: col.help };
    case 'date':
    case 'datetime':
      return { kind: 'date', help: col.help };
    case 'percent':
      return { kind: 'number', min: 0, max: 100, help: col.help };
    case 'number':
      return { kind: 'number', min: 0, max: 1e9, help: col.help };
    case 'integer':
      return { kind: 'number', min: 1, max: 1e6, help: col.help };
    default:
      return undefined;
  }
}
