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

export type Tabs = Partial<Record<TabKey, ReadonlyArray<Record<string, unknown>>>>;

/** Sheet values for each tab given as records. */
export function valuesOf(tabs: Tabs): WorkbookValues {
  const values: WorkbookValues = {};
  for (const [k, rows] of Object.entries(tabs)) values[k as TabKey] = sheet(k as TabKey, rows!);
  return values;
}

/** A workbook from records; fails on any cell error so a fixture can never be silently half-read. */
export function workbook(tabs: Tabs, tz = TZ): Workbook {
  const { workbook: wb, problems } = parseWorkbook(valuesOf(tabs), tz);
  const errors = problems.filter((p) => p.severity === 'error' && p.row > 0);
  if (errors.length) throw new Error(errors.map((p) => `${p.tab} ${p.row} ${p.column}: ${p.message}`).join('\n'));
  return wb;
}

/** Epoch ms of a local "YYYY-MM-DD HH:MM" in the zone. */
export function at(text: string, tz = TZ): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text)!;
  return localToUtc(+m[1], +m[2], +m[3], m[4] ? +m[4] * 60 + +m[5] : 0, tz);
}
