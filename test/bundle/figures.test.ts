/**
 * Figures on the built bundle: no response judged on a time nobody recorded (issue 19.11), planned maintenance
 * (19.12), and custom functions that never read 100% by mistake (23.7). Each through SLM_ATTAINMENT,
 * SLM_AVAILABILITY and the panel's overview on one workbook.
 */
import type { Overview } from '../../src/api';
import { ATTAINMENT_HEADER } from '../../src/core/attainment/table';
import { tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import type { OfflineRuntime } from '../../offline/runtime';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';
import { thrownMessage } from '../support/thrown';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const TZ = 'Europe/London';
const OFFICE = 'Mon-Fri 08:00-18:00';

const sheetOf = (rt: OfflineRuntime, key: TabKey) => (rt.spreadsheet as unknown as Ss).getSheetByName(tabDef(key).name)!;
const values = (rt: OfflineRuntime, key: TabKey) => sheetOf(rt, key).getDataRange().getValues();
const local = (rt: OfflineRuntime, y: number, m: number, d: number, h = 0, min = 0) => new rt.env.realm.Date(localToUtc(y, m, d, h * 60 + min, TZ));

/** Writes records under a tab's headers (columns found by name), after its header row. */
function fill(rt: OfflineRuntime, key: TabKey, records: ReadonlyArray<Record<string, unknown>>): void {
  const sheet = sheetOf(rt, key);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const byHeader = new Map(tabDef(key).columns.map((c) => [c.header, c.key]));
  const rows = records.map((r) => header.map((h) => r[byHeader.get(h) ?? ''] ?? ''));
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

/** A set-up workbook with one office-hours Email service (99% availability) and one Incident target, now 18 November 2026. */
function workbook(respondHours: number, resolveHours: number, incidents: (rt: OfflineRuntime) => Array<Record<string, unknown>>): OfflineRuntime {
  const rt = loadedRuntime();
  rt.global.setUpWorkbook();
  rt.run(`Date.now = () => ${Date.UTC(2026, 10, 18, 12)};`);
  fill(rt, 'services', [{ serviceId: 'EMAIL', name: 'Email', rank: 1, status: 'Supported', serviceHours: OFFICE }]);
  fill(rt, 'sla', [{ serviceId: 'EMAIL', status: 'Agreed', availabilityTarget: 90 }]);
  fill(rt, 'targets', [{ serviceId: 'ALL', type: 'Incident', respondHours, resolveHours, compliance: 90 }]);
  fill(rt, 'incidents', incidents(rt));
  rt.calls.reset();
  return rt;
}

/** SLM_ATTAINMENT over the week of Monday 2 to Friday 6 November 2026, as the Dashboard calls it: the EMAIL row by header. */
function attainmentRow(rt: OfflineRuntime): { row: Record<string, unknown>; table: unknown[][] } {
  const ranges = (['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as TabKey[]).map((k) => values(rt, k));
  const table = rt.global.SLM_ATTAINMENT(local(rt, 2026, 11, 2), local(rt, 2026, 11, 6), ...ranges, TZ) as unknown[][];
  const head = table[0] as string[];
  const email = table.find((r) => r[0] === 'EMAIL')!;
  return { row: Object.fromEntries(head.map((h, i) => [h.replace(/ to date$/, ''), email[i]])), table };
}

const overviewOf = (rt: OfflineRuntime) =>
  (rt.global.getOverview({ kind: 'custom', start: '2026-11-02', end: '2026-11-07' }) as Overview).services.find((s) => s.serviceId === 'EMAIL')!;

describe('19.11: no response judged on a time nobody recorded', () => {
  // 12 incidents resolved in 2 h, none with a Responded time, against a 1 h response / 8 h fix target.
  const rt = workbook(1, 8, (r) =>
    Array.from({ length: 12 }, (_, k) => ({
      ref: `N${k + 1}`,
      serviceId: 'EMAIL',
      type: 'Incident',
      priority: 'Medium',
      opened: local(r, 2026, 11, 2 + (k % 5), 9),
      resolved: local(r, 2026, 11, 2 + (k % 5), 11),
    })),
  );

  test('SLM_ATTAINMENT: response not judged, 12 items with no response time, the service not breached', () => {
    const { row } = attainmentRow(rt);
    expect(ATTAINMENT_HEADER).toContain('No response time');
    expect(row['Response met']).toBe('');
    expect(row['Response status']).not.toBe('Breached');
    expect(row['No response time']).toBe(12);
    expect(row['Resolution met']).toBe(1);
    expect([row.Met, row.Breached, row.Pending]).toEqual([12, 0, 0]);
    expect(row.Status).not.toBe('Breached');
    expect(String(row.Targets)).toContain('12 resolved with no Responded time, response not judged');
  });

  test('the panel says the same', () => {
    const email = overviewOf(rt);
    expect(email).toMatchObject({ met: 12, breached: 0, noResponseTime: 12 });
    expect(email.status).not.toBe('Breached');
    const response = email.targets.find((t) => t.measure === 'response')!;
    expect(response).toMatchObject({ met: 0, breached: 0, share: null, noResponseTime: 12 });
  });

  test('an open item past its response due time with no response is breached', () => {
    const open = workbook(1, 8, (r) => [{ ref: 'OPEN', serviceId: 'EMAIL', type: 'Incident', priority: 'Medium', opened: local(r, 2026, 11, 2, 9) }]);
    const { row } = attainmentRow(open);
    expect([row['Response met'], row['No response time'], row.Breached]).toEqual([0, 0, 1]);
    expect(overviewOf(open).targets.find((t) => t.measure === 'response')).toMatchObject({ met: 0, breached: 1, noResponseTime: 0 });
  });
});

describe('19.12: planned maintenance', () => {
  // A week of 50 service hours. Maintenance on Wednesday 08:00-13:00 (5 h); an incident took the service down
  // from 09:00 to 11:30 (2.5 h) within it.
  const week = (loggedDay: number, loggedHour: number) =>
    workbook(1, 8, (r) => [
      {
        ref: 'PM1',
        serviceId: 'EMAIL',
        type: 'Planned maintenance',
        priority: 'Low',
        summary: 'Mail server upgrade',
        opened: local(r, 2026, 11, loggedDay, loggedHour),
        resolved: local(r, 2026, 11, 4, 13),
        serviceDown: 'Yes',
        outageStart: local(r, 2026, 11, 4, 8),
        outageEnd: local(r, 2026, 11, 4, 13),
      },
      {
        ref: 'INC1',
        serviceId: 'EMAIL',
        type: 'Incident',
        priority: 'Critical',
        summary: 'Mail down',
        opened: local(r, 2026, 11, 4, 9),
        responded: local(r, 2026, 11, 4, 9, 10),
        resolved: local(r, 2026, 11, 4, 11, 30),
        serviceDown: 'Yes',
      },
    ]);
  const availability = (rt: OfflineRuntime) =>
    rt.global.SLM_AVAILABILITY('EMAIL', local(rt, 2026, 11, 2), local(rt, 2026, 11, 6), values(rt, 'incidents'), OFFICE, '', TZ) as number;

  test('logged two days ahead, it is not downtime: 95%, and it is never judged against a target', () => {
    const rt = week(2, 8);
    const { row } = attainmentRow(rt);
    expect(row.Availability).toBeCloseTo(0.95, 12);
    expect(availability(rt)).toBeCloseTo(0.95, 12);
    // Only the incident is judged: one item, met.
    expect([row.Met, row.Breached, row.Pending, row['No response time']]).toEqual([1, 0, 0, 0]);
    expect(String(row.Targets)).toContain('Planned maintenance: 1 item, 5 h announced beforehand (not downtime)');
    const email = overviewOf(rt);
    expect(email.availability).toBeCloseTo(0.95, 12);
    expect(email.plannedMaintenance).toEqual({ items: 1, announcedHours: 5, unannounced: [] });
    expect(email.targets.reduce((n, t) => n + t.met + t.breached + t.pending, 0)).toBe(2);
  });

  test('logged after it began, it is downtime and named: 90%', () => {
    const rt = week(4, 9);
    const { row } = attainmentRow(rt);
    expect(row.Availability).toBeCloseTo(0.9, 12);
    expect(availability(rt)).toBeCloseTo(0.9, 12);
    expect(String(row.Targets)).toContain('Planned maintenance logged after its outage began, counted as downtime: PM1 (row 2)');
    const email = overviewOf(rt);
    expect(email.availability).toBeCloseTo(0.9, 12);
    expect(email.plannedMaintenance).toEqual({ items: 1, announcedHours: 0, unannounced: ['PM1'] });
  });

  test('Set up offers Planned maintenance in the Type dropdown of Incidents, and Targets keep their two types', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const choices = (key: TabKey) => {
      const sheet = sheetOf(rt, key);
      const col = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Type') + 1;
      return sheet.getRange(2, col).getDataValidation()!.getCriteriaValues()[0];
    };
    expect(choices('incidents')).toEqual(['Incident', 'Request', 'Planned maintenance']);
    expect(choices('targets')).toEqual(['Incident', 'Request']);
  });
});

describe('23.7: custom functions never read 100% by mistake', () => {
  const school = () => {
    const rt = exampleRuntime();
    rt.run(`Date.now = () => ${NOW};`);
    rt.mode = 'customFunction';
    return rt;
  };
  const args = (rt: OfflineRuntime) => [
    local(rt, 2026, 9, 1),
    local(rt, 2026, 11, 17),
    values(rt, 'incidents'),
    'School day',
    values(rt, 'closures'),
    TZ,
    values(rt, 'calendars'),
  ];

  test('a Service ID in neither the catalogue nor the log is an error naming service_id', () => {
    const rt = school();
    expect(thrownMessage(() => rt.global.SLM_AVAILABILITY('STORAG', ...args(rt)))).toBe(
      'service_id: "STORAG" is neither a Service ID on the Services tab nor in the incident log',
    );
    expect(rt.global.SLM_AVAILABILITY('storage', ...args(rt))).toBeLessThan(1);
    // A catalogued service with nothing logged is truly always up.
    expect(rt.global.SLM_AVAILABILITY('COLOURPRINT', ...args(rt))).toBe(1);
  });

  test('an outage row with an unreadable Priority still counts, and the function says it could not read it', () => {
    const rt = school();
    const log = values(rt, 'incidents');
    const h = log[0] as string[];
    const down = log.findIndex(
      (r, i) =>
        i > 0 &&
        r[h.indexOf('Service down')] === 'Yes' &&
        r[h.indexOf('Service ID')] === 'INTERNET' &&
        r[h.indexOf('Type')] !== 'Planned maintenance' &&
        +(r[h.indexOf('Opened')] as Date) >= +local(rt, 2026, 9, 1) &&
        +(r[h.indexOf('Opened')] as Date) < +local(rt, 2026, 11, 17),
    );
    expect(down).toBeGreaterThan(0);
    const before = rt.global.SLM_AVAILABILITY('INTERNET', ...args(rt)) as number;
    expect(before).toBeLessThan(1);
    sheetOf(rt, 'incidents')
      .getRange(down + 1, h.indexOf('Priority') + 1)
      .setValue('P2');
    const after = rt.global.SLM_AVAILABILITY('INTERNET', ...args(rt)) as unknown[][];
    expect(after).toEqual([[before], [`Not read, so left out or read as blank: Incidents row ${down + 1} (Priority). Run "Check workbook".`]]);
    // SLM_ATTAINMENT counts the outage too, and names the cell in its last line.
    const ranges = (['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as TabKey[]).map((k) => values(rt, k));
    const table = rt.global.SLM_ATTAINMENT(local(rt, 2026, 9, 1), local(rt, 2026, 11, 17), ...ranges, TZ) as unknown[][];
    const availabilityAt = (table[0] as string[]).findIndex((x) => /^Availability( to date)?$/.test(x));
    expect(table.find((r) => r[0] === 'INTERNET')![availabilityAt]).toBeCloseTo(before, 12);
    expect(String(table[table.length - 1][0])).toContain(`Incidents row ${down + 1} (Priority)`);
  });
});
