import { tabDef } from '../../../src/core/schema/workbook';
import type { TabKey } from '../../../src/core/schema/types';
import { parseWorkbook, type WorkbookValues, type Workbook } from '../../../src/core/workbook/parseWorkbook';
import { localToUtc } from '../../../src/core/time/zone';

export const TZ = 'Europe/London';

/** Sheet values for a tab: its schema headers, then one line per record keyed by column key. */
export function sheet(key: TabKey, records: ReadonlyArray<Record<string, unknown>>): unknown[][] {
  const cols = tabDef(key).columns;
  return [cols.map((c) => c.header), ...records.map((r) => cols.map((c) => r[c.key] ?? ''))];
}

export type Tabs = Partial<Record<TabKey, ReadonlyArray<Record<string, unknown>>>>;

export function valuesOf(tabs: Tabs): WorkbookValues {
  const values: WorkbookValues = {};
  for (const [k, rows] of Object.entries(tabs)) values[k as TabKey] = sheet(k as TabKey, rows!);
  return values;
}

export function workbook(tabs: Tabs, tz = TZ): Workbook {
  const { workbook: wb, problems } = parseWorkbook(valuesOf(tabs), tz);
  const errors = problems.filter((p) => p.severity === 'error' && p.row > 0);
  if (errors.length) throw new Error(errors.map((p) => `${p.tab} ${p.row} ${p.column}: ${p.message}`).join('\n'));
  return wb;
}

/** Epoch ms of a local "YYYY-MM-DD HH:MM" in the zone. */
export function at(text: string, tz = TZ): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text)!;
  return localToUtc(+m[1], +m[2], +m[3], (m[4] ? +m[4] * 60 + +m[5] : 0), tz);
}

export const period = (from: string, to: string, tz = TZ) => ({ start: at(from, tz), end: at(to, tz), label: `${from} to ${to}` });

/** A catalogue with one office-hours service (EMAIL) and a 24x7 one (NET), with ALL targets. */
export const baseTabs = (): Tabs => ({
  services: [
    { serviceId: 'EMAIL', name: 'Email', rank: 2, status: 'Supported', serviceHours: 'Mon-Fri 08:00-18:00' },
    { serviceId: 'NET', name: 'Internet access', rank: 1, status: 'Supported', serviceHours: '24x7' },
  ],
  sla: [
    { serviceId: 'EMAIL', status: 'Agreed', availabilityTarget: 99 },
    { serviceId: 'NET', status: 'Agreed', availabilityTarget: 99.5 },
  ],
  targets: [
    { serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4, compliance: 90 },
    { serviceId: 'ALL', type: 'Request', respondHours: 4, resolveHours: 20, compliance: 90 },
  ],
});
