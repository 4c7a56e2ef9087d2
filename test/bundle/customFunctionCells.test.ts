/**
 * Issue 9, items 10 and 12, on the built bundle run as Sheets runs a custom function: every bad argument
 * is refused with a message naming it (never a wrong figure or a blank), text dates follow the
 * spreadsheet's locale, and named calendars can be given as ranges so that Sheets recalculates.
 */
import { tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import type { OfflineRuntime } from '../../offline/runtime';
import { sheet } from '../support/workbook';
import { loadedRuntime } from '../support/offline';
import { thrownMessage } from '../support/thrown';

const TZ = 'Europe/London';
const OFFICE = 'Mon-Fri 08:00-18:00';
type Fn = (...args: unknown[]) => any;
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

function cfRuntime(locale?: string): { rt: OfflineRuntime; g: Record<string, Fn>; at: (y: number, m: number, d: number, h?: number, min?: number) => Date } {
  const rt = loadedRuntime();
  if (locale) (rt.spreadsheet as unknown as Ss).setSpreadsheetLocale(locale);
  rt.mode = 'customFunction';
  const D = rt.env.realm.Date;
  return { rt, g: rt.global as unknown as Record<string, Fn>, at: (y, m, d, h = 0, min = 0) => new D(localToUtc(y, m, d, h * 60 + min, TZ)) };
}

const message = thrownMessage;

describe('item 10: custom-function arguments refused by name, never misread', () => {
  const { rt, g, at } = cfRuntime();
  const D = rt.env.realm.Date;

  test("a closure date outside the years 1800 to 2399 is the closures argument's fault", () => {
    const text = message(() => g.SLM_WORKHOURS(at(2026, 11, 2, 9), at(2026, 11, 3, 10), OFFICE, new D(9999, 0, 1)));
    expect(text).toMatch(/^closures: "1 January 9999" is outside the years 1800 to 2399$/);
    expect(
      message(() =>
        g.SLM_WORKHOURS(at(2026, 11, 2, 9), at(2026, 11, 3, 10), OFFICE, [
          ['From', 'To'],
          [at(2026, 11, 4), new D(3000, 0, 1)],
        ]),
      ),
    ).toMatch(/^closures: row 2: "1 January 3000" is outside the years 1800 to 2399$/);
    expect(message(() => g.SLM_WORKHOURS(at(2026, 11, 2, 9), at(2026, 11, 3, 10), OFFICE, '1000-01-01'))).toMatch(
      /^closures: "1000-01-01" is outside the years 1800 to 2399$/,
    );
  });

  test('SLM_DUE reads only decimal numbers of hours', () => {
    for (const bad of ['0x10', '1e3', '0b11', '1,5', 'four', 'Infinity', '-2']) {
      expect(message(() => g.SLM_DUE(at(2026, 11, 2, 9), bad, OFFICE))).toMatch(
        /^duration_hours: ".*" is not a number of hours of 0 or more, such as 4 or 1\.5$/,
      );
    }
    expect(g.SLM_DUE(at(2026, 11, 2, 9), ' 2.5 ', OFFICE).getTime()).toBe(at(2026, 11, 2, 11, 30).getTime());
  });

  test('SLM_DUE says so when the due time lies past 2399, rather than showing a blank', () => {
    expect(message(() => g.SLM_DUE(at(2026, 11, 2, 9), 5_000_000, OFFICE))).toMatch(
      /^duration_hours: 5000000 working hours from start end after 2399, the last year the engine reaches$/,
    );
    expect(message(() => g.SLM_DUE([[at(2026, 11, 2, 9)], [at(2399, 12, 31, 17)]], 2, OFFICE, '', TZ))).toMatch(
      /^duration_hours, row 2: 2 working hours from start end after 2399/,
    );
  });

  test('a cell holding only a time (Sheets hands over 30 December 1899) is refused, naming the argument', () => {
    const nineAm = new D(localToUtc(1899, 12, 30, 9 * 60, TZ));
    expect(message(() => g.SLM_WORKHOURS(nineAm, at(2026, 11, 3, 10), OFFICE))).toMatch(/^start: a time without a date \(09:00\): give a date and time$/);
    expect(message(() => g.SLM_DUE([[at(2026, 11, 2)], [nineAm]], 4, OFFICE))).toMatch(/^start, row 2: a time without a date/);
    expect(message(() => g.SLM_WORKHOURS(at(2026, 11, 2, 9), at(2026, 11, 3, 10), OFFICE, nineAm))).toMatch(/^closures: a time without a date/);
  });

  test('SLM_WORKHOURS over columns reads each cell as one call would: date cells, date text, blanks; bad cells named by row', () => {
    const starts = [[at(2026, 11, 2, 9)], ['2026-11-02 09:00'], [''], [at(1900, 1, 3, 9)], [at(2026, 3, 27, 17)]];
    const ends = [[at(2026, 11, 3, 10)], [at(2026, 11, 3, 10)], [at(2026, 11, 3, 10)], [at(1900, 1, 4, 9)], [at(2026, 3, 30, 9, 30)]];
    const column = g.SLM_WORKHOURS(starts, ends, OFFICE, '', TZ) as unknown[][];
    expect(column.map((row) => row.length)).toEqual([1, 1, 1, 1, 1]);
    expect(column.map((row) => row[0])).toEqual(starts.map((s, i) => g.SLM_WORKHOURS(s[0], ends[i][0], OFFICE, '', TZ)));
    expect(column.map((row) => row[0])).toEqual([11, 11, '', 10, 2.5]);
    const nineAm = new D(localToUtc(1899, 12, 30, 9 * 60, TZ));
    expect(message(() => g.SLM_WORKHOURS([[at(2026, 11, 2)], [nineAm]], at(2026, 11, 3), OFFICE))).toMatch(/^start, row 2: a time without a date \(09:00\)/);
    expect(message(() => g.SLM_WORKHOURS(at(2026, 11, 2), [[at(2026, 11, 3)], [new D(2400, 0, 3)]], OFFICE))).toMatch(
      /^end, row 2: "3 January 2400" is outside the years 1800 to 2399$/,
    );
  });

  test('SLM_ATTAINMENT with one Opened of 1000-01-01 leaves that row out and names it', () => {
    const tabs = {
      services: sheet('services', [{ serviceId: 'EMAIL', name: 'Email', rank: 1, status: 'Supported', serviceHours: OFFICE }]),
      targets: sheet('targets', [{ serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4, compliance: 90 }]),
      incidents: sheet('incidents', [
        { ref: 'I1', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: at(2026, 11, 2, 10), resolved: at(2026, 11, 2, 11) },
        { ref: 'I2', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: '1000-01-01', resolved: at(2026, 11, 2, 11) },
        { ref: 'I3', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: new D(1000, 0, 1), resolved: at(2026, 11, 2, 11) },
      ]),
    };
    const table = g.SLM_ATTAINMENT(at(2026, 11, 1), at(2026, 11, 30), tabs.services, tabs.targets, tabs.incidents) as unknown[][];
    const header = table[0] as string[];
    const email = table.find((r) => r[0] === 'EMAIL')!;
    expect(email[header.indexOf('Resolution met')]).toBe(1);
    expect(String(table[table.length - 1][0])).toMatch(/^Not read, so left out or read as blank: Incidents row 3 \(Opened\), Incidents row 4 \(Opened\)\./);
  });

  test("text dates follow the spreadsheet's locale: en_GB day first, en_US month first", () => {
    const gb = cfRuntime('en_GB');
    const us = cfRuntime('en_US');
    // 11/02/2026 is Wednesday 11 February in the UK and Monday 2 November in the US.
    expect(gb.g.SLM_WORKHOURS('11/02/2026 09:00', '11/02/2026 12:00', 'Wed 08:00-18:00', '', TZ)).toBe(3);
    expect(us.g.SLM_WORKHOURS('11/02/2026 09:00', '11/02/2026 12:00', 'Wed 08:00-18:00', '', TZ)).toBe(0);
    expect(us.g.SLM_WORKHOURS('11/02/2026 09:00', '11/02/2026 12:00', 'Mon 08:00-18:00', '', TZ)).toBe(3);
    expect(us.g.SLM_DUE('11/02/2026 09:00', 1, OFFICE, '', TZ).getTime()).toBe(us.at(2026, 11, 2, 10).getTime());
    // Closures and periods too.
    expect(us.g.SLM_WORKHOURS(us.at(2026, 11, 2), us.at(2026, 11, 4), OFFICE, '11/03/2026', TZ)).toBe(10);
    expect(gb.g.SLM_WORKHOURS(gb.at(2026, 11, 2), gb.at(2026, 11, 4), OFFICE, '03/11/2026', TZ)).toBe(10);
    // A slash date the locale cannot read says how to type it.
    expect(message(() => us.g.SLM_WORKHOURS('25/12/2026', us.at(2026, 12, 31), OFFICE))).toMatch(
      /^start: "25\/12\/2026" is not a date and time in this spreadsheet's locale \(en_US, month first\): type 2026-12-25 or use a date cell$/,
    );
  });
});

describe('item 12: named calendars given as ranges, so Sheets recalculates when they change', () => {
  function school() {
    const c = cfRuntime();
    c.rt.mode = 'script';
    c.rt.global.setUpWorkbook();
    const ss = c.rt.spreadsheet as unknown as Ss;
    const put = (key: TabKey, rows: unknown[][]) => ss.getSheetByName(tabDef(key).name)!.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    put(
      'calendars',
      sheet('calendars', [
        { name: 'Library', hours: 'Mon-Fri 09:00-15:00' },
        { name: 'Tokyo desk', hours: 'Mon-Fri 09:00-17:00', timeZone: 'Asia/Tokyo' },
      ]),
    );
    put(
      'closures',
      sheet('closures', [
        { calendar: 'Library', from: c.at(2026, 11, 4) },
        { calendar: 'ALL', from: c.at(2026, 11, 5) },
      ]),
    );
    c.rt.mode = 'customFunction';
    return c;
  }

  test('hours and closures may be the Calendars and Closures ranges; the sheet is then not read', () => {
    const { rt, g, at } = school();
    const calendars = sheet('calendars', [{ name: 'Library', hours: 'Mon-Fri 10:00-12:00' }]);
    const closures = sheet('closures', [{ calendar: 'Library', from: at(2026, 11, 3) }]);
    rt.calls.reset();
    // The ranges passed are what counts, not the tabs: 2 h a day, Monday, Wednesday, Thursday, Friday.
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library', closures, '', calendars)).toBe(8);
    expect(g.SLM_DUE(at(2026, 11, 2, 11), 2, 'Library', closures, '', calendars).getTime()).toBe(at(2026, 11, 4, 11).getTime());
    // The short order: the Calendars range where the closures go, then the Closures range.
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library', calendars, closures)).toBe(8);
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library', calendars)).toBe(10);
    expect(rt.calls.count('Range.getValues')).toBe(0);
    // Without the ranges, the tabs are read (the older form still works).
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library')).toBe(18);
    expect(rt.calls.count('Range.getValues')).toBeGreaterThan(0);
  });

  test('a calendar range that does not name the calendar says so', () => {
    const { g, at } = school();
    const calendars = sheet('calendars', [{ name: 'Office', hours: OFFICE }]);
    expect(message(() => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library', '', '', calendars))).toMatch(
      /^hours: "Library" is not a calendar of the calendars range given/,
    );
    expect(message(() => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 7), 'Library', '', '', [['Nothing']]))).toMatch(
      /^calendars: expected the Calendars tab's range, header row first$/,
    );
  });

  test('SLM_AVAILABILITY takes the Calendars range too', () => {
    const { g, at } = school();
    const incidents = sheet('incidents', [
      { ref: 'I1', serviceId: 'LIB', type: 'Incident', priority: 'High', opened: at(2026, 11, 2, 10), resolved: at(2026, 11, 2, 11), serviceDown: 'Yes' },
    ]);
    const calendars = sheet('calendars', [{ name: 'Library', hours: 'Mon-Fri 10:00-12:00' }]);
    // 1 h down of 2 h a day over Monday and Tuesday.
    expect(g.SLM_AVAILABILITY('LIB', at(2026, 11, 2), at(2026, 11, 3), incidents, 'Library', '', '', calendars)).toBeCloseTo(3 / 4, 12);
  });

  test("each function's help says that a named calendar read from the tabs does not recalculate", () => {
    const code = require('node:fs').readFileSync(require('node:path').resolve(__dirname, '../../dist/Code.js'), 'utf8') as string;
    for (const name of ['SLM_WORKHOURS', 'SLM_DUE', 'SLM_AVAILABILITY']) {
      const doc = new RegExp(`/\\*\\*(((?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(`).exec(code)![1];
      expect(doc).toMatch(/@param \{Range\} calendars/);
      expect(doc).toMatch(/not recalculated|does not recalculate/);
    }
  });
});
