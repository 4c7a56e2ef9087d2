import { ATTAINMENT_HEADER } from '../../src/core/attainment/table';
import { CHARTS_TAB, TRENDS_TAB } from '../../src/core/monitor/trendsView';
import { TREND_COLOURS } from '../../src/core/monitor/trendChart';
import { tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import type { FakeEmbeddedChart } from '../../offline/charts';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';

const TZ = 'Europe/London';
type Fn = (...args: unknown[]) => any;
const sheet = (key: TabKey, records: ReadonlyArray<Record<string, unknown>>) => [
  tabDef(key).columns.map((c) => c.header),
  ...records.map((r) => tabDef(key).columns.map((c) => r[c.key] ?? '')),
];

describe('trends on the built bundle', () => {
  const rt = exampleRuntime();
  const g = rt.global as unknown as Record<string, Fn>;
  const RDate = rt.env.realm.Date;
  const tab = (name: string) => rt.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const ranges = () => [tab('Incidents'), tab('Services'), tab('SLA'), tab('Targets'), tab('Calendars'), tab('Closures')];

  test("Set up workbook puts two native line charts on their own tab after the Dashboard, one under the other at column A, fed by the Trends tab's tables", () => {
    expect(
      rt.spreadsheet
        .getSheets()
        .map((s) => s.getName())
        .slice(0, 4),
    ).toEqual(['Start here', 'Dashboard', CHARTS_TAB, 'Findings']);
    expect((rt.spreadsheet.getSheetByName('Dashboard')! as unknown as { charts: FakeEmbeddedChart[] }).charts).toEqual([]);
    const dashboard = rt.spreadsheet.getSheetByName(CHARTS_TAB)! as unknown as { charts: FakeEmbeddedChart[] };
    const charts = dashboard.charts;
    expect(charts).toHaveLength(2);
    // Seen without scrolling sideways: column A, the second under the first (400 px is 19 rows of 21 px).
    expect(charts.map((c) => [c.state.position.row, c.state.position.column])).toEqual([
      [5, 1],
      [26, 1],
    ]);
    expect(charts.map((c) => c.state.options.get('colors'))).toEqual([TREND_COLOURS, TREND_COLOURS]);
    expect(charts.map((c) => c.state.type)).toEqual(['LINE', 'LINE']);
    expect(charts.map((c) => c.state.ranges.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`))).toEqual([['Trends!A5:Z17'], ['Trends!A20:Z32']]);
    expect(charts.map((c) => c.state.options.get('interpolateNulls'))).toEqual([false, false]);
    expect(charts.map((c) => c.state.options.get('title'))).toEqual(['Items met per month (share of items judged)', 'Availability per month']);
    const trends = rt.spreadsheet.getSheetByName(TRENDS_TAB)!;
    expect(trends.getRange('A5').getFormula()).toMatch(/^=SLM_TRENDS\("met",B3,SLM_Incidents,/);
    expect(trends.getRange('A20').getFormula()).toMatch(/^=SLM_TRENDS\("availability",B3,/);
    // A second run adds nothing.
    g.setUpWorkbook();
    expect(dashboard.charts).toHaveLength(2);
  });

  test("each month's share of items met is what SLM_ATTAINMENT gives for that month", () => {
    const table = g.SLM_TRENDS('met', new RDate(NOW), ...ranges()) as unknown[][];
    expect(table).toHaveLength(13);
    expect(table[12][0]).toBe('Nov 2026 (to date)');
    const met = ATTAINMENT_HEADER.indexOf('Met');
    const breached = ATTAINMENT_HEADER.indexOf('Breached');
    let compared = 0;
    for (let j = 1; j <= 11; j++) {
      const [mon, year] = String(table[j][0]).split(' ');
      const m = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon) + 1;
      const y = Number(year);
      const start = new RDate(localToUtc(y, m, 1, 0, TZ));
      const last = new RDate(localToUtc(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1, 0, TZ) - 86_400_000);
      const att = g.SLM_ATTAINMENT(start, last, ...ranges()) as unknown[][];
      for (const row of att.slice(1)) {
        // Each line is the service's name followed by its own target.
        const col = (table[0] as string[]).findIndex((h) => h === String(row[1]) || h.startsWith(`${String(row[1])} (target `));
        if (col < 0) continue;
        const judged = (row[met] as number) + (row[breached] as number);
        expect(table[j][col]).toBe(judged ? (row[met] as number) / judged : '');
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  test('a month with nothing to judge is a gap, not 0%; availability before the log begins is a gap too', () => {
    const fresh = loadedRuntime();
    const f = fresh.global as unknown as Record<string, Fn>;
    const D = fresh.env.realm.Date;
    const at = (y: number, m: number, d: number, h = 0) => new D(localToUtc(y, m, d, h * 60, TZ));
    const services = sheet('services', [{ serviceId: 'PRN', name: 'Printing', rank: 1, status: 'Supported', serviceHours: 'Mon-Fri 08:00-16:00' }]);
    const targets = sheet('targets', [{ serviceId: 'ALL', type: 'Incident', respondHours: 2, resolveHours: 8, compliance: 90 }]);
    const sla = sheet('sla', [{ serviceId: 'PRN', status: 'Agreed', availabilityTarget: 99 }]);
    const incidents = sheet('incidents', [
      {
        ref: 'A',
        serviceId: 'PRN',
        type: 'Incident',
        priority: 'High',
        opened: at(2026, 9, 7, 9),
        responded: at(2026, 9, 7, 10),
        resolved: at(2026, 9, 7, 11),
      },
      { ref: 'B', serviceId: 'PRN', type: 'Incident', priority: 'High', opened: at(2026, 11, 2, 9), resolved: at(2026, 11, 5, 9), serviceDown: 'Yes' },
    ]);
    const met = f.SLM_TRENDS('met', at(2026, 11, 20), incidents, services, targets, sla) as unknown[][];
    // No single target line: each service's line is named with its own target.
    expect(met[0]).toEqual(['Month', 'Printing (target 90%)']);
    const row = (t: unknown[][], label: string) => t.find((r) => r[0] === label)!;
    expect(row(met, 'Sep 2026')[1]).toBe(1);
    expect(row(met, 'Oct 2026')[1]).toBe('');
    expect(row(met, 'Nov 2026 (to date)')[1]).toBe(0);
    expect(row(met, 'Nov 2026 (to date)')).toHaveLength(2);
    const avail = f.SLM_TRENDS('availability', at(2026, 11, 20), incidents, services, targets, sla) as unknown[][];
    expect(row(avail, 'Aug 2026')[1]).toBe('');
    expect(row(avail, 'Oct 2026')[1]).toBe(1);
    expect(row(avail, 'Nov 2026 (to date)')[1]).toBeLessThan(1);
    expect(avail[0]).toEqual(['Month', 'Printing (target 99%)']);
    expect(() => f.SLM_TRENDS('speed', '', incidents, services)).toThrow(/^measure: /);
  });

  test('a service with service hours but no SLA row has no availability line (never 100%); each line names its own target', () => {
    const fresh = loadedRuntime();
    const f = fresh.global as unknown as Record<string, Fn>;
    const D = fresh.env.realm.Date;
    const at = (y: number, m: number, d: number, h = 0) => new D(localToUtc(y, m, d, h * 60, TZ));
    const services = sheet('services', [
      { serviceId: 'PRN', name: 'Printing', rank: 1, status: 'Supported', serviceHours: 'Mon-Fri 08:00-16:00' },
      { serviceId: 'STO', name: 'Storage', rank: 2, status: 'Supported', serviceHours: 'Mon-Fri 08:00-16:00' },
      { serviceId: 'CLR', name: 'Colour printing', rank: 3, status: 'Supported', serviceHours: 'Mon-Fri 08:00-16:00' },
    ]);
    const targets = sheet('targets', [
      { serviceId: 'ALL', type: 'Incident', respondHours: 2, resolveHours: 8, compliance: 85 },
      { serviceId: 'PRN', type: 'Incident', priority: 'Critical', respondHours: 1, resolveHours: 4, compliance: 95 },
    ]);
    const sla = sheet('sla', [
      { serviceId: 'PRN', status: 'Agreed', availabilityTarget: 95 },
      { serviceId: 'STO', status: 'Agreed', availabilityTarget: 98 },
    ]);
    const incidents = sheet('incidents', [
      {
        ref: 'A',
        serviceId: 'PRN',
        type: 'Incident',
        priority: 'Critical',
        opened: at(2026, 9, 7, 9),
        responded: at(2026, 9, 7, 9),
        resolved: at(2026, 9, 7, 10),
      },
      // Fixed two days late: Printing's line is not at 100%, so it is drawn with its own targets.
      {
        ref: 'D',
        serviceId: 'PRN',
        type: 'Incident',
        priority: 'High',
        opened: at(2026, 10, 7, 9),
        responded: at(2026, 10, 7, 9),
        resolved: at(2026, 10, 9, 15),
      },
      {
        ref: 'B',
        serviceId: 'STO',
        type: 'Incident',
        priority: 'High',
        opened: at(2026, 9, 8, 9),
        responded: at(2026, 9, 8, 10),
        resolved: at(2026, 9, 8, 11),
      },
      {
        ref: 'C',
        serviceId: 'CLR',
        type: 'Incident',
        priority: 'High',
        opened: at(2026, 9, 9, 9),
        responded: at(2026, 9, 9, 10),
        resolved: at(2026, 9, 9, 11),
      },
    ]);
    const avail = f.SLM_TRENDS('availability', at(2026, 11, 20), incidents, services, targets, sla) as unknown[][];
    // Lines at 100% in every month measured share one column, which names them (they would lie on one another).
    expect(avail[0]).toEqual(['Month', 'Printing, Storage: 100% in every month measured']);
    const met = f.SLM_TRENDS('met', at(2026, 11, 20), incidents, services, targets, sla) as unknown[][];
    expect(met[0]).toEqual(['Month', 'Printing (target 85–95%)', 'Storage, Colour printing: 100% in every month measured']);
    const oct = met.findIndex((r) => r[0] === 'Oct 2026');
    expect(met[oct]).toEqual(['Oct 2026', 0, '']);
  });
});
