/**
 * Holds as intervals on the built bundle: overlapping holds count once, an open hold counts to now, a
 * hold outside the item's life is reported, and SLM_ATTAINMENT and the sidebar's overview give the same
 * figures whether a hold is typed as intervals on the Holds tab or as the equivalent "On hold (h)".
 */
import { tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import { loadedRuntime, NOW } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const TZ = 'Europe/London';
const at = (m: number, d: number, h: number, min = 0) => new Date(localToUtc(2026, m, d, h * 60 + min, TZ));

function workbook() {
  const rt = loadedRuntime();
  rt.run(`Date.now = function () { return ${NOW}; };`);
  rt.global.setUpWorkbook();
  const ss = rt.spreadsheet as unknown as Ss;
  const put = (key: TabKey, records: Array<Record<string, unknown>>) => {
    const sheet = ss.getSheetByName(tabDef(key).name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const keys = header.map((h) => tabDef(key).columns.find((c) => c.header === h)!.key);
    const last = sheet.getLastRow();
    if (last > 1) sheet.getRange(2, 1, last - 1, header.length).clearContent();
    if (records.length) sheet.getRange(2, 1, records.length, header.length).setValues(records.map((r) => keys.map((k) => r[k] ?? '')));
  };
  put('services', [{ serviceId: 'EMAIL', name: 'Email', rank: 1, status: 'Supported', serviceHours: 'Mon-Fri 08:00-18:00' }]);
  put('targets', [{ serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4, compliance: 90 }]);
  const items = (i1Hold?: number, i2Hold?: number) =>
    put('incidents', [
      // 12 working hours from opened to resolved.
      {
        ref: 'I1',
        serviceId: 'EMAIL',
        type: 'Incident',
        priority: 'High',
        opened: at(11, 2, 9),
        responded: at(11, 2, 9, 30),
        resolved: at(11, 3, 11),
        onHoldHours: i1Hold,
      },
      // Still open at NOW (Wednesday 18 November 12:00).
      { ref: 'I2', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: at(11, 4, 9), responded: at(11, 4, 9, 15), onHoldHours: i2Hold },
    ]);
  const holds = (rows: Array<Record<string, unknown>>) => put('holds', rows);
  const figures = () => {
    const overview = rt.global.getOverview({ kind: 'custom', start: '2026-11-01', end: '2026-11-30' });
    const range = (key: TabKey) => ss.getSheetByName(tabDef(key).name)!.getDataRange().getValues();
    const table = rt.global.SLM_ATTAINMENT(at(11, 1, 0), at(11, 30, 0), range('services'), range('targets'), range('incidents'), range('holds'), range('sla'));
    return { targets: JSON.parse(JSON.stringify(overview.services[0].targets)), table: JSON.parse(JSON.stringify(table)) };
  };
  return { rt, items, holds, figures };
}

test('two overlapping holds and an open one give the figures of the same time typed as hours, in SLM_ATTAINMENT and the sidebar', () => {
  const w = workbook();
  w.items();
  w.holds([]);
  const none = w.figures();
  // I1: 10:00 Monday to 10:00 Tuesday in two overlapping holds = 8 h + 2 h of working time, once.
  // I2: on hold from 10:00 Wednesday 4th, still on hold: to now (12:00 on the 18th) = 8 + 20 + 50 + 20 + 4 = 102 h.
  w.holds([
    { ref: 'I1', from: at(11, 2, 10), until: at(11, 2, 17), reason: 'Waiting on the user' },
    { ref: 'I1', from: at(11, 2, 16), until: at(11, 3, 10), reason: 'Waiting on the supplier' },
    { ref: 'I2', from: at(11, 4, 10), reason: 'Part on order' },
  ]);
  const intervals = w.figures();
  w.holds([]);
  w.items(10, 102);
  const typed = w.figures();
  expect(intervals).toEqual(typed);
  expect(intervals).not.toEqual(none);
  const resolution = intervals.targets.find((t: { measure: string }) => t.measure === 'resolution');
  expect([resolution.met, resolution.breached, resolution.pending]).toEqual([1, 0, 1]);
  const before = none.targets.find((t: { measure: string }) => t.measure === 'resolution');
  expect([before.met, before.breached, before.pending]).toEqual([0, 2, 0]);
});

test("a hold outside the item's life, and one ending before it starts, are reported by Check workbook; typed hours stay the fallback", () => {
  const w = workbook();
  w.items(9);
  w.holds([
    { ref: 'I2', from: at(11, 4, 10), until: at(11, 4, 12) },
    { ref: 'I1', from: at(11, 5, 10), until: at(11, 5, 12) },
    { ref: 'I2', from: at(11, 5, 10), until: at(11, 5, 9) },
    { ref: 'NOPE', from: at(11, 5, 10) },
  ]);
  const problems = w.rt.global.checkWorkbook().filter((p: { tab: string }) => p.tab === 'Holds');
  expect(problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
    [3, expect.stringMatching(/outside the life of I1 \(opened 2026-11-02 09:00, resolved 2026-11-03 11:00\)/)],
    [4, expect.stringMatching(/Until \(2026-11-05 09:00\) is before From/)],
    [5, expect.stringMatching(/"NOPE" is not a Ref on the Incidents tab/)],
  ]);
  // I1 has a hold, outside its life: its typed 9 h (which would leave 3 h, met) gives way to the interval,
  // which takes nothing off, so its 12 h breach 4 h. I2 is still open and long past its target.
  const resolution = w.figures().targets.find((t: { measure: string }) => t.measure === 'resolution');
  expect([resolution.met, resolution.breached]).toEqual([0, 2]);
});

test("SLM_CLOCK counts an open item's holds so far as attainment does: the same row as the equivalent typed hours", () => {
  const w = workbook();
  const ss = w.rt.spreadsheet as unknown as Ss;
  const range = (key: TabKey) => ss.getSheetByName(tabDef(key).name)!.getDataRange().getValues();
  const clock = () => JSON.parse(JSON.stringify(w.rt.global.SLM_CLOCK('', range('incidents'), range('services'), range('targets'), range('holds'))));
  w.items();
  w.holds([]);
  const none = clock();
  // I2: 1 h worked before its hold, then on hold from 10:00 Wednesday 4th to now (102 h).
  w.holds([{ ref: 'I2', from: at(11, 4, 10), reason: 'Part on order' }]);
  const intervals = clock();
  w.holds([]);
  w.items(undefined, 102);
  expect(intervals).toEqual(clock());
  expect(intervals).not.toEqual(none);
  const row = intervals.find((r: unknown[]) => r[0] === 'I2');
  expect(row[row.length - 1]).toBe('On track');
  expect(row[row.length - 2]).toBeCloseTo(0.25, 9);
});

test("the trends (panel, SLM_TRENDS and the Trends tab's formula) count holds as attainment does", () => {
  const w = workbook();
  const ss = w.rt.spreadsheet as unknown as Ss;
  const range = (key: TabKey) => ss.getSheetByName(tabDef(key).name)!.getDataRange().getValues();
  const trends = () => ({
    panel: JSON.parse(JSON.stringify(w.rt.global.getTrends())),
    cell: JSON.parse(JSON.stringify(w.rt.global.SLM_TRENDS('met', '', range('incidents'), range('holds'), range('services'), range('targets')))),
  });
  // I1 took 12 working hours against 4: met once 10 h of it (10:00 Monday to 10:00 Tuesday) are on hold.
  w.items();
  w.holds([]);
  const none = trends();
  w.holds([{ ref: 'I1', from: at(11, 2, 10), until: at(11, 3, 10), reason: 'Waiting for the user' }]);
  const intervals = trends();
  w.holds([]);
  w.items(10);
  expect(intervals).toEqual(trends());
  expect(intervals.panel).not.toEqual(none.panel);
  expect(intervals.cell).not.toEqual(none.cell);
  const trendsFormula = String(ss.getSheetByName('Trends')?.getRange('A5').getFormula() ?? '');
  expect(trendsFormula).toContain('SLM_Holds');
});

test("Set up gives a Trends tab made before trends counted holds the Holds range; a formula of the user's own is left alone", () => {
  const w = workbook();
  const ss = w.rt.spreadsheet as unknown as Ss;
  const trends = ss.getSheetByName('Trends')!;
  const met = trends.getRange('A5');
  const older = met.getFormula().replace(',SLM_Holds', '');
  expect(older).not.toContain('SLM_Holds');
  met.setFormula(older);
  const report = w.rt.global.setUpWorkbook();
  expect(met.getFormula()).toContain('SLM_Holds');
  expect(report.repairedTabs).toContain('Trends');
  const own = '=SLM_TRENDS("met",DATE(2026,7,31),SLM_Incidents,SLM_Services)';
  met.setFormula(own);
  w.rt.global.setUpWorkbook();
  expect(met.getFormula()).toBe(own);
});
