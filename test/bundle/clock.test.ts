import { CLOCK_HEADER } from '../../src/core/monitor/clock';
import { OPEN_ITEMS_TAB, clockFormula } from '../../src/core/monitor/openItemsView';
import { localToUtc } from '../../src/core/time/zone';
import { loadedRuntime } from '../support/offline';
import { sheet } from '../support/workbook';

const TZ = 'Europe/London';
type Fn = (...args: unknown[]) => any;

const rt = loadedRuntime();
const g = rt.global as unknown as Record<string, Fn>;
const RDate = rt.env.realm.Date;
const at = (y: number, m: number, d: number, h = 0, min = 0) => new RDate(localToUtc(y, m, d, h * 60 + min, TZ));
const col = (name: (typeof CLOCK_HEADER)[number]) => CLOCK_HEADER.indexOf(name);

// Support Mon-Fri 08:00-16:00 (8 h a day); Monday 9 November 2026 is an INSET day for everyone.
const services = sheet('services', [
  { serviceId: 'PRN', name: 'Printing', rank: 1, status: 'Supported', serviceHours: 'Mon-Fri 08:00-16:00' },
  { serviceId: 'WEB', name: 'Website', rank: 2, status: 'Supported', serviceHours: '24x7' },
]);
const targets = sheet('targets', [{ serviceId: 'PRN', type: 'Incident', priority: 'High', respondHours: 2, resolveHours: 16, compliance: 90 }]);
const closures = sheet('closures', [{ calendar: 'ALL', from: at(2026, 11, 9), to: at(2026, 11, 9), reason: 'INSET day' }]);
const opened = at(2026, 11, 6, 12); // Friday noon: 4 working hours before the weekend
const incidents = sheet('incidents', [
  { ref: 'INC-1', serviceId: 'PRN', type: 'Incident', priority: 'High', opened, responded: at(2026, 11, 6, 13) },
  { ref: 'INC-2', serviceId: 'PRN', type: 'Incident', priority: 'High', opened, onHoldHours: 2 },
  { ref: 'INC-3', serviceId: 'PRN', type: 'Incident', priority: 'High', opened, resolved: at(2026, 11, 6, 15) },
  { ref: 'INC-4', serviceId: '', type: 'Incident', priority: 'High', opened },
  { ref: 'INC-5', serviceId: 'WEB', type: 'Incident', priority: 'Low', opened },
]);
const clock = (asOf: Date, withClosures = true) => g.SLM_CLOCK(asOf, incidents, services, targets, ...(withClosures ? [closures] : [])) as unknown[][];
const rowOf = (table: unknown[][], ref: string) => table.find((r) => r[0] === ref)!;

describe('SLM_CLOCK on the built bundle: open items against their targets in working time', () => {
  test('74% used is on track, 75% is flagged, 100% is breached, across a weekend and a closed day', () => {
    // Fri 12-16 (4 h) + Tue 08:00-15:50 (7 h 50): 11.83 of 16 h = 74%; Monday is closed, the weekend does not count.
    const t74 = rowOf(clock(at(2026, 11, 10, 15, 50)), 'INC-1');
    expect(t74[col('State')]).toBe('On track');
    expect(t74[col('Used')]).toBeCloseTo(0.74, 2);
    // Tue 16:00: 12 of 16 h, 4 h left.
    const t75 = rowOf(clock(at(2026, 11, 10, 16)), 'INC-1');
    expect(t75[col('State')]).toBe('75% used');
    expect(t75[col('Time left (h)')]).toBe(4);
    // Still 75% overnight: no working time passes.
    expect(rowOf(clock(at(2026, 11, 11, 7, 59)), 'INC-1')[col('Time left (h)')]).toBe(4);
    // Wed 12:00: all 16 h used.
    const t100 = rowOf(clock(at(2026, 11, 11, 12)), 'INC-1');
    expect(t100[col('State')]).toBe('Breached');
    expect(t100[col('Time left (h)')]).toBe(0);
    expect(rowOf(clock(at(2026, 11, 11, 13, 30)), 'INC-1')[col('Time left (h)')]).toBe(-1.5);
  });

  test('fix-by is in support hours, skips the closure and is pushed back by time on hold; respond-by only until a response', () => {
    const table = clock(at(2026, 11, 6, 13, 30));
    const one = rowOf(table, 'INC-1');
    expect((one[col('Fix by')] as Date).getTime()).toBe(at(2026, 11, 11, 12).getTime());
    expect(one[col('Respond by')]).toBe('');
    const two = rowOf(table, 'INC-2');
    expect((two[col('Respond by')] as Date).getTime()).toBe(at(2026, 11, 6, 14).getTime());
    expect((two[col('Fix by')] as Date).getTime()).toBe(at(2026, 11, 11, 14).getTime());
    // Without the closure the same item is due a working day earlier.
    expect((rowOf(clock(at(2026, 11, 6, 12, 30), false), 'INC-1')[col('Fix by')] as Date).getTime()).toBe(at(2026, 11, 10, 12).getTime());
  });

  test('resolved items are left out; items without a target say why, a row without a service is named; the most urgent come first', () => {
    const table = clock(at(2026, 11, 6, 15, 30));
    expect(table[0]).toEqual([...CLOCK_HEADER]);
    // INC-4's Service ID is blank: like every row with a required cell missing, it is left out and named.
    expect(table.map((r) => r[0])).toEqual([
      'Ref',
      'INC-2',
      'INC-1',
      'INC-5',
      'Not read, so left out or read as blank: Incidents row 5 (Service ID). Run "Check workbook".',
    ]);
    // INC-2 has passed its 2 h response target: breached on response although its fix time is far off.
    expect(rowOf(table, 'INC-2')[col('State')]).toBe('Breached');
    expect(rowOf(table, 'INC-5')[col('State')]).toMatch(/^No target: no row of the Targets tab applies to WEB Incident Low/);
  });

  test('a bad argument names itself', () => {
    expect(() => g.SLM_CLOCK('not a date', incidents, services, targets)).toThrow(/^as_of: /);
    expect(() => g.SLM_CLOCK('', incidents, services)).toThrow(/no Targets range/);
  });
});

describe('Set up workbook adds the Open items tab once, beside the log', () => {
  test("formula, formats and row colours at 75% and 100%; a second run and a user's own tab are left alone", () => {
    const fresh = loadedRuntime();
    fresh.global.setUpWorkbook();
    const tab = fresh.spreadsheet.getSheetByName(OPEN_ITEMS_TAB)! as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    expect(tab.getRange('A5').getFormula()).toBe(clockFormula());
    const rules = tab.getConditionalFormatRules() as unknown as Array<{ state: { values: unknown[]; background: string } }>;
    expect(rules.map((r) => [r.state.values[0], r.state.background])).toEqual([
      ['=$J6="Breached"', '#f4c7c3'],
      ['=$J6="75% used"', '#fce8b2'],
    ]);
    expect(tab.getRange('I6').getNumberFormat()).toBe('0%');
    fresh.global.setUpWorkbook();
    expect(tab.getConditionalFormatRules()).toHaveLength(2);

    const mine = loadedRuntime();
    const own = mine.spreadsheet.insertSheet(OPEN_ITEMS_TAB);
    own.getRange('A1').setValue('my notes');
    expect(mine.global.setUpWorkbook().createdTabs).not.toContain(OPEN_ITEMS_TAB);
    expect(own.getRange('A1').getValue()).toBe('my notes');
    expect(own.getConditionalFormatRules()).toHaveLength(0);
  });
});
