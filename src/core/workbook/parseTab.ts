import * as z from 'zod/mini';
import type { ColumnDef, Row, TabDef, TabKey } from '../schema';
import { isBlank } from '../values';
import { readCell } from './cells';
import { locateColumns } from './columns';
import { displayValue } from './display';
import type { Problem } from './problems';

type CellSchema = z.ZodMiniType<unknown, unknown>;
/** Each column's zod cell schema, built on first use per column and time zone (never at load time). */
let cellSchemas: Map<string, CellSchema> | undefined;

function schemaOf(tab: TabDef, col: ColumnDef, timeZone: string): CellSchema {
  cellSchemas ??= new Map();
  const key = `${tab.key}|${col.key}|${timeZone}`;
  let schema = cellSchemas.get(key);
  if (!schema) cellSchemas.set(key, (schema = cellSchema(col, timeZone)));
  return schema;
}

function cellSchema(col: ColumnDef, timeZone: string): CellSchema {
  return z.transform((raw: unknown, ctx) => {
      if (isBlank(raw)) {
        if (col.required) ctx.issues.push({ code: 'custom', message: 'is required but blank', input: raw });
        return undefined;
      }
      const r = readCell(col, raw, timeZone);
      if (r.ok) return r.value;
      ctx.issues.push({ code: 'custom', message: `expected ${r.expected}`, input: raw });
      return undefined;
  });
}

export interface ParsedTab<K extends TabKey> {
  readonly rows: Row<K>[];
  readonly problems: Problem[];
  /** False when the tab is absent from the workbook. */
  readonly present: boolean;
}

/**
 * Parses a tab's values (header row first, as getValues() returns them). A row with a bad required cell
 * is left out of `rows`; a bad optional cell is read as blank. Every bad cell becomes a problem. Rows whose
 * known cells are all blank are skipped. Nothing here changes the sheet.
 */
export function parseTab<K extends TabKey>(tab: TabDef & { key: K }, values: readonly (readonly unknown[])[] | undefined, timeZone: string): ParsedTab<K> {
  const problems: Problem[] = [];
  if (!values || values.length === 0) {
    return { rows: [], problems: [{ tab: tab.name, row: 0, column: '', value: '', severity: 'warning', message: `The ${tab.name} tab is missing. Run "Set up workbook" to add it.` }], present: false };
  }
  const { index, missing } = locateColumns(values[0], tab);
  for (const col of missing) {
    problems.push({
      tab: tab.name, row: 1, column: col.header, value: '', severity: col.required ? 'error' : 'warning',
      message: `The column "${col.header}" is missing. Run "Set up workbook" to add it.`,
    });
  }
  const cols = tab.columns.filter((c) => index[c.key] !== undefined);
  const schemas = cols.map((c) => schemaOf(tab, c, timeZone));
  const rows: Row<K>[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (cols.every((c) => isBlank(line[index[c.key]]))) continue;
    const data: Record<string, unknown> = { row: r + 1 };
    let usable = true;
    cols.forEach((col, i) => {
      const raw = line[index[col.key]];
      const result = schemas[i].safeParse(raw);
      if (result.success) {
        if (result.data !== undefined) data[col.key] = result.data;
        return;
      }
      // A bad required cell leaves the row out; a bad optional one is read as blank.
      if (col.required) usable = false;
      const shown = displayValue(raw, timeZone);
      problems.push({
        tab: tab.name, row: r + 1, column: col.header, value: shown, severity: 'error',
        message: isBlank(raw) ? `${col.header} is required but blank.` : `"${shown}" is not valid: ${result.error.issues[0].message}.`,
      });
    });
    if (usable) rows.push(data as Row<K>);
  }
  return { rows, problems, present: true };
}
