/** Workbook fixtures shared by the tests: the example school as the sheet holds it, and sheets built from records. */
import { exampleSchool } from '../../src/core/example';
import { tabDef, tabOrder, workbookSchema } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import { parseWorkbook, type Workbook, type WorkbookValues } from '../../src/core/workbook/parseWorkbook';
import { recordsToRows } from '../../src/core/workbook/toCells';

export const TZ = 'Europe/London';
/** A fixed "now" so the example school is the same in every run: a Wednesday in the autumn term. */
export const NOW = Date.UTC(2026, 10, 18, 12);

/** A tab's header row, from the schema. */
export const header = (key: TabKey): string[] => tabDef(key).columns.map((c) => c.header);

/** Sheet values for a tab: its schema headers, then one line per record keyed by column key. */
export function sheet(key: TabKey, records: ReadonlyArray<Record<string, unknown>>): unknown[][] {
  const cols = tabDef(key).columns;
  return [cols.map((c) => c.header), ...records.map((r) => cols.map((c) => r[c.key] ?? ''))];
}

/** The example school's tabs as getValues() would give them. */
export function exampleValues(now = NOW, tz = TZ): WorkbookValues {
  const school = exampleSchool(now, tz);
  const values: WorkbookValues = {};
  for (const key of tabOrder()) {
    const tab = workbookSchema()[key];
    const cols = tab.columns.map((c) => c.header);
    values[key] = [cols, ...recordsToRows(tab, cols, school[key])];
  }
  return values;
}

export const exampleWorkbook = (now = NOW, tz = TZ): Workbook => parseWorkbook(exampleValues(now, tz), tz).workbook;

/** Epoch ms of a local date and time in the zone. */
export const atLocal = (y: number, m: number, d: number, h = 0, min = 0, tz = TZ): number => localToUtc(y, m, d, h * 60 + min, tz);
