import * as z from 'zod/mini';
import type { ColumnDef, Row, TabDef, TabKey } from '../schema';
import { isBlank } from '../values';
import { readCell } from './cells';
import { locateColumns } from './columns';
import { displayValue } from './display';
import type { Problem } from './problems';

type RowSchema = z.ZodMiniType<Record<string, unknown>, Record<string, unknown>>;
const rowSchemas = new Map<string, RowSchema>();

/** The zod row schema of a tab, built once per tab and time zone on first use. */
function rowSchema(tab: TabDef, timeZone: string): RowSchema {
  const cacheKey = `${tab.key}|${timeZone}`;
  let schema = rowSchemas.get(cacheKey);
  if (!schema) {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const col of tab.columns) shape[col.key] = cellSchema(col, timeZone);
    schema = z.object(shape) as unknown as RowSchema;
    rowSchemas.set(cacheKey, schema);
  }
  return schema;
}

function cellSchema(col: ColumnDef, timeZone: string): z.ZodMiniType {
  return z.pipe(
    z.unknown(),
    z.transform((raw, ctx) => {
      if (isBlank(raw)) {
        if (col.required) ctx.issues.push({ code: 'custom', message: 'is required but blank', input: raw });
        return undefined;
      }
      const r = readCell(col, raw, timeZone);
      if (r.ok) return r.value;
      ctx.issues.push({ code: 'custom', message: `expected ${r.expected}`, input: raw });
      return undefined;
    }),
  );
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
  const schema = rowSchema(tab, timeZone);
  const cols = tab.columns.filter((c) => index[c.key] !== undefined);
  const rows: Row<K>[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    const input: Record<string, unknown> = {};
    let blank = true;
    for (const c of cols) {
      const v = line[index[c.key]];
      input[c.key] = v;
      if (blank && !isBlank(v)) blank = false;
    }
    if (blank) continue;
    const result = schema.safeParse(input);
    if (result.success) {
      rows.push({ ...result.data, row: r + 1 } as Row<K>);
      continue;
    }
    let usable = true;
    const data: Record<string, unknown> = {};
    const badKeys = new Set<string>();
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      const col = tab.columns.find((c) => c.key === key)!;
      badKeys.add(key);
      if (col.required) usable = false;
      problems.push({
        tab: tab.name, row: r + 1, column: col.header, value: displayValue(input[key], timeZone), severity: 'error',
        message: isBlank(input[key]) ? `${col.header} is required but blank.` : `"${displayValue(input[key], timeZone)}" is not valid: ${issue.message}.`,
      });
    }
    if (!usable) continue;
    // Re-read the good cells of a row whose only faults are in optional columns.
    for (const c of cols) {
      if (badKeys.has(c.key) || isBlank(input[c.key])) continue;
      const cell = readCell(c, input[c.key], timeZone);
      if (cell.ok) data[c.key] = cell.value;
    }
    rows.push({ ...data, row: r + 1 } as Row<K>);
  }
  return { rows, problems, present: true };
}
