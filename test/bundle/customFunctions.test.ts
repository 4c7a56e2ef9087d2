import fc from 'fast-check';
import { ATTAINMENT_HEADER } from '../../src/core/attainment/table';
import { namedRangeName, tabDef } from '../../src/core/schema/workbook';
import type { TabKey } from '../../src/core/schema/types';
import { localToUtc } from '../../src/core/time/zone';
import { sheet } from '../support/workbook';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';
import { thrownMessage } from '../support/thrown';

const TZ = 'Europe/London';
type Fn = (...args: unknown[]) => any;

// Every call below runs as Sheets runs a custom function: read-only, no authorised services, 30 s.
const rt = loadedRuntime({ mode: 'customFunction' });
const g = rt.global as unknown as Record<string, Fn>;
const RDate = rt.env.realm.Date;
/** A Date made in the bundle's realm, as getValues() would hand it over. */
const at = (y: number, m: number, d: number, h = 0, min = 0) => new RDate(localToUtc(y, m, d, h * 60 + min, TZ));
const OFFICE = 'Mon-Fri 08:00-18:00';
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

describe('the custom functions are top-level functions of the bundle', () => {
  test('each is a function whose stub carries its JSDoc with @customfunction', () => {
    const code = require('node:fs').readFileSync(require('node:path').resolve(__dirname, '../../dist/Code.js'), 'utf8') as string;
    for (const name of ['SLM_WORKHOURS', 'SLM_DUE', 'SLM_AVAILABILITY', 'SLM_ATTAINMENT']) {
      expect(typeof g[name]).toBe('function');
      const stub = new RegExp(`/\\*\\*((?!\\*/)[\\s\\S])*@customfunction\\s*\\*/\\s*function ${name}\\(`);
      expect(code).toMatch(stub);
    }
  });
});

describe('SLM_WORKHOURS', () => {
  test("working hours between two instants, in the spreadsheet's zone by default", () => {
    // Monday 09:00 to Tuesday 10:00: 9 h + 2 h.
    expect(g.SLM_WORKHOURS(at(2026, 11, 2, 9), at(2026, 11, 3, 10), OFFICE)).toBe(11);
    expect(g.SLM_WORKHOURS(at(2026, 11, 3, 10), at(2026, 11, 2, 9), OFFICE)).toBe(0);
    // Plain Node Dates are accepted as well as the runtime's.
    expect(g.SLM_WORKHOURS(new Date(at(2026, 11, 2, 9).getTime()), new Date(at(2026, 11, 2, 12).getTime()), OFFICE, '', TZ)).toBe(3);
  });

  test('columns in, a column out; blank rows stay blank', () => {
    const starts = [[at(2026, 11, 2, 9)], [''], [at(2026, 11, 6, 17)]];
    const ends = [[at(2026, 11, 2, 10, 30)], [''], [at(2026, 11, 9, 9)]];
    expect(g.SLM_WORKHOURS(starts, ends, OFFICE)).toEqual([[1.5], [''], [2]]);
    // One end for every start.
    expect(g.SLM_WORKHOURS(starts, at(2026, 11, 2, 12), OFFICE)).toEqual([[3], [''], [0]]);
  });

  test('closures as a column of dates, as from/to pairs, or as the Closures tab (ALL rows only for a spec)', () => {
    const mon = at(2026, 11, 2, 9);
    const fri = at(2026, 11, 6, 18);
    expect(g.SLM_WORKHOURS(mon, fri, OFFICE)).toBe(49);
    expect(g.SLM_WORKHOURS(mon, fri, OFFICE, [[at(2026, 11, 3)], [at(2026, 11, 5)]])).toBe(29);
    expect(
      g.SLM_WORKHOURS(mon, fri, OFFICE, [
        ['From', 'To'],
        [at(2026, 11, 3), at(2026, 11, 4)],
        ['', ''],
      ]),
    ).toBe(29);
    expect(g.SLM_WORKHOURS(mon, fri, OFFICE, at(2026, 11, 6))).toBe(39);
    const tab = sheet('closures', [
      { calendar: 'ALL', from: at(2026, 11, 3), to: at(2026, 11, 3) },
      { calendar: 'Library', from: at(2026, 11, 4), to: at(2026, 11, 4) },
    ]);
    expect(g.SLM_WORKHOURS(mon, fri, OFFICE, tab)).toBe(39);
  });

  test('hours may name a row of the Calendars tab, whose own closures then apply', () => {
    const local = loadedRuntime();
    local.global.setUpWorkbook();
    local.mode = 'customFunction';
    const ss = local.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const put = (key: TabKey, rows: unknown[][]) => ss.getSheetByName(tabDef(key).name)!.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    const D = local.env.realm.Date;
    put(
      'calendars',
      sheet('calendars', [
        { name: 'Library', hours: 'Mon-Fri 09:00-15:00' },
        { name: 'Tokyo desk', hours: 'Mon-Fri 09:00-17:00', timeZone: 'Asia/Tokyo' },
      ]),
    );
    put('closures', sheet('closures', [{ calendar: 'Library', from: new D(at(2026, 11, 4).getTime()) }]));
    const fn = (local.global as unknown as Record<string, Fn>).SLM_WORKHOURS;
    expect(fn(new D(at(2026, 11, 2, 8).getTime()), new D(at(2026, 11, 7).getTime()), 'library')).toBe(24);
    // A calendar with its own zone keeps it: 00:00-08:00 UTC on a Monday is 09:00-17:00 in Tokyo.
    expect(fn(new D(Date.UTC(2026, 10, 2, 0)), new D(Date.UTC(2026, 10, 2, 8)), 'Tokyo desk')).toBe(8);
    // An unknown name is reported as unreadable hours.
    expect(() => fn(new D(Date.UTC(2026, 10, 2, 0)), new D(Date.UTC(2026, 10, 2, 8)), 'Paris desk')).toThrow(
      /^hours: Cannot read hours "Paris desk".*Calendars tab$/,
    );
  });

  test("faults in a Calendars row named as the hours are reported as that row's, on the hours argument", () => {
    const local = loadedRuntime();
    local.global.setUpWorkbook();
    local.mode = 'customFunction';
    const ss = local.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const rows = sheet('calendars', [
      { name: 'Night', hours: '22:00-06:00', timeZone: 'Mars/Base' },
      { name: 'Library', hours: 'Mon-Fry 09:00-15:00' },
    ]);
    ss.getSheetByName(tabDef('calendars').name)!.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    const fn = (local.global as unknown as Record<string, Fn>).SLM_WORKHOURS;
    const D = local.env.realm.Date;
    const [a, b] = [new D(at(2026, 11, 2).getTime()), new D(at(2026, 11, 3).getTime())];
    expect(() => fn(a, b, 'Night')).toThrow(/^hours: the Calendars row "Night" has an unknown time zone "Mars\/Base"/);
    expect(() => fn(a, b, 'library')).toThrow(
      /^hours: the Calendars row "Library" has hours that cannot be read: "Mon-Fry 09:00-15:00": "Mon-Fry" is not a range of days/,
    );
  });

  test('a casual start of 12 is noon: "12-5" is the afternoon', () => {
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 3), 'Mon-Fri 12-5', '', TZ)).toBe(5);
    expect(g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 3), 'Mon-Fri 12-1', '', TZ)).toBe(1);
  });

  test('working time adds up: a→b plus b→c is a→c, and a column gives what each cell gives', () => {
    const base = localToUtc(2026, 3, 1, 0, TZ);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * 24 * 90 }), { minLength: 3, maxLength: 3 }), (mins) => {
        const [a, b, c] = mins.sort((x, y) => x - y).map((m) => new RDate(base + m * 60_000));
        const ab = g.SLM_WORKHOURS(a, b, OFFICE, '', TZ);
        const bc = g.SLM_WORKHOURS(b, c, OFFICE, '', TZ);
        expect(ab + bc).toBeCloseTo(g.SLM_WORKHOURS(a, c, OFFICE, '', TZ), 9);
        expect(g.SLM_WORKHOURS([[a], [b]], [[b], [c]], OFFICE, '', TZ)).toEqual([[ab], [bc]]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('SLM_DUE', () => {
  test('the instant a number of working hours have passed, as a Date', () => {
    const due = g.SLM_DUE(at(2026, 11, 6, 16), 4, OFFICE);
    expect(isDate(due)).toBe(true);
    expect(due.getTime()).toBe(at(2026, 11, 9, 10).getTime());
    const col = g.SLM_DUE([[at(2026, 11, 2, 9)], ['']], [[20], ['']], OFFICE, '', TZ);
    // Monday 9 h, Tuesday 10 h, then 1 h on Wednesday.
    expect(col[0][0].getTime()).toBe(at(2026, 11, 4, 9).getTime());
    expect(col[1][0]).toBe('');
  });

  test('due and working hours agree', () => {
    const start = at(2026, 10, 23, 15, 17);
    const due = g.SLM_DUE(start, 13.25, OFFICE, '', TZ);
    expect(g.SLM_WORKHOURS(start, due, OFFICE, '', TZ)).toBeCloseTo(13.25, 9);
  });
});

describe('bad arguments give a message naming the argument, never a stack trace', () => {
  const message = thrownMessage;
  test.each([
    ['hours', () => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 3), 'Mon-Fry 08:00-18:00', '', TZ), /^hours: Cannot read hours "Mon-Fry 08:00-18:00"/],
    ['time_zone', () => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 3), OFFICE, '', 'Mars/Olympus'), /^time_zone: "Mars\/Olympus" is not a time zone/],
    ['start', () => g.SLM_WORKHOURS([['soon']], [[at(2026, 11, 3)]], OFFICE, '', TZ), /^start, row 1: "soon" is not a date and time/],
    ['sizes', () => g.SLM_WORKHOURS([[at(2026, 11, 2)], [at(2026, 11, 2)]], [[at(2026, 11, 3)]], OFFICE), /^start and end: ranges of different sizes/],
    ['closures', () => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 3), OFFICE, [['From'], ['never']]), /^closures: row 2: "never" is not a date/],
    [
      'closures, three dates in a row',
      () => g.SLM_WORKHOURS(at(2026, 11, 2), at(2026, 11, 6), OFFICE, [[at(2026, 11, 3), at(2026, 11, 4), at(2026, 11, 5)]]),
      /^closures: row 1 has more than two cells: give a column of dates, or from\/to pairs$/,
    ],
    ['duration', () => g.SLM_DUE(at(2026, 11, 2), -1, OFFICE), /^duration_hours: "-1" is not a number of hours/],
    ['period', () => g.SLM_ATTAINMENT(at(2026, 11, 30), at(2026, 11, 1), [['x']]), /^period_end: is before period_start/],
    ['range', () => g.SLM_ATTAINMENT(at(2026, 11, 1), at(2026, 11, 30), [['Nothing', 'Here']]), /^range 1: its first row is not the header of a Services/],
    // Dates outside the engine's years: the argument, and the date as typed (a date cell at noon, whatever the zone's old offset).
    [
      'early start',
      () => g.SLM_WORKHOURS(new RDate(Date.UTC(1700, 0, 1, 12)), at(2026, 11, 3), OFFICE),
      /^start: "1 January 1700" is outside the years 1800 to 2399$/,
    ],
    ['early text', () => g.SLM_WORKHOURS('1700-01-01', at(2026, 11, 3), OFFICE), /^start: "1700-01-01" is outside the years 1800 to 2399$/],
    ['late end', () => g.SLM_WORKHOURS(at(2026, 11, 3), [[new RDate(Date.UTC(2500, 0, 1))]], OFFICE, '', 'UTC'), /^end, row 1: "1 January 2500" is outside/],
    ['due start', () => g.SLM_DUE(new RDate(Date.UTC(1700, 5, 1, 12)), 4, OFFICE), /^start: "1 June 1700" is outside/],
    ['early period', () => g.SLM_ATTAINMENT(new RDate(Date.UTC(1700, 0, 1, 12)), at(2026, 11, 30), [['x']]), /^period_start: "1 January 1700" is outside/],
    ['late period', () => g.SLM_AVAILABILITY('EMAIL', at(2026, 11, 1), '2500-01-01', [['Service ID']], OFFICE), /^period_end: "2500-01-01" is outside/],
  ])('%s', (_name, f, expected) => {
    const text = message(f);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('SLM_AVAILABILITY and SLM_ATTAINMENT', () => {
  const incidents = sheet('incidents', [
    {
      ref: 'I1',
      serviceId: 'EMAIL',
      type: 'Incident',
      priority: 'High',
      opened: at(2026, 11, 2, 10),
      responded: at(2026, 11, 2, 10, 20),
      resolved: at(2026, 11, 2, 15),
      serviceDown: 'Yes',
    },
    { ref: 'I2', serviceId: 'email', type: 'incident', priority: 'Low', opened: at(2026, 11, 2, 14), resolved: at(2026, 11, 2, 16), serviceDown: true },
    {
      ref: 'R1',
      serviceId: 'EMAIL',
      type: 'Request',
      priority: 'Low',
      opened: at(2026, 11, 3, 9),
      responded: at(2026, 11, 3, 9, 30),
      resolved: at(2026, 11, 4, 9),
    },
    { ref: 'X1', serviceId: 'GONE', type: 'Incident', priority: 'Low', opened: at(2026, 11, 3, 9), serviceDown: 'Yes' },
  ]);
  incidents.push(tabDef('incidents').columns.map(() => ''));

  test('availability: overlapping outages once, within the service hours; blank when there are none', () => {
    // 6 h down (10:00-16:00) of a 50 h week.
    expect(g.SLM_AVAILABILITY('EMAIL', at(2026, 11, 2), at(2026, 11, 6), incidents, OFFICE)).toBeCloseTo(44 / 50, 12);
    // NET is in neither the log nor a Services tab (this spreadsheet has none): an error naming service_id, never 100%.
    expect(() => g.SLM_AVAILABILITY('NET', at(2026, 11, 2), at(2026, 11, 6), incidents, OFFICE)).toThrow(
      /^service_id: "NET" is neither a Service ID on the Services tab nor in the incident log$/,
    );
    // GONE has an open outage from Tuesday 09:00 to the period's end: 9 + 3 * 10 = 39 h of 50.
    expect(g.SLM_AVAILABILITY('gone', at(2026, 11, 2), at(2026, 11, 6), incidents, OFFICE)).toBeCloseTo(11 / 50, 12);
    expect(g.SLM_AVAILABILITY('EMAIL', at(2026, 11, 7), at(2026, 11, 8), incidents, OFFICE)).toBe('—');
    // The engine's last day, west of Greenwich, where the day after it begins past the engine's last instant.
    // A period still to come has no hours to date: no figure, and no error at the engine's edge.
    expect(g.SLM_AVAILABILITY('EMAIL', '2399-12-01', '2399-12-31', incidents, OFFICE, '', 'America/New_York')).toBe('—');
  });

  test('availability refuses an incidents range without the columns it needs, rather than showing 100%', () => {
    const call = (range: unknown[][]) => () => g.SLM_AVAILABILITY('EMAIL', at(2026, 11, 2), at(2026, 11, 6), range, OFFICE);
    expect(call(incidents.slice(1))).toThrow(/^incidents: its header row lacks Service ID, Opened, Service down/);
    const down = incidents[0].indexOf('Service down');
    expect(call(incidents.map((r) => r.filter((_, c) => c !== down)))).toThrow(/^incidents: its header row lacks Service down$/);
  });

  const tabs = {
    services: sheet('services', [
      { serviceId: 'EMAIL', name: 'Email', rank: 2, status: 'Supported', serviceHours: OFFICE },
      { serviceId: 'NET', name: 'Internet access', rank: 1, status: 'Supported', serviceHours: '24x7' },
    ]),
    sla: sheet('sla', [{ serviceId: 'EMAIL', status: 'Agreed', availabilityTarget: 0.99 }]),
    targets: sheet('targets', [
      { serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4, compliance: 90 },
      { serviceId: 'ALL', type: 'Request', respondHours: 4, resolveHours: 20, compliance: 90 },
    ]),
    closures: sheet('closures', [{ calendar: 'ALL', from: at(2026, 11, 20) }]),
  };

  test('one call gives the whole table, ranges in any order, recognised by their headers', () => {
    const table = g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), tabs.targets, incidents, tabs.closures, tabs.sla, tabs.services, TZ);
    expect(table[0]).toEqual([...ATTAINMENT_HEADER]);
    const col = (row: unknown[], name: (typeof ATTAINMENT_HEADER)[number]) => row[ATTAINMENT_HEADER.indexOf(name)];
    expect(table.map((r: unknown[]) => r[0])).toEqual(['Service ID', 'NET', 'EMAIL']);
    const email = table[2];
    expect(col(email, 'Availability')).toBeCloseTo(44 / 50, 12);
    expect(col(email, 'Availability target')).toBe(0.99);
    expect(col(email, 'Availability status')).toBe('Breached');
    // Resolution: I1 in 5 h (breached), I2 in 2 h (met), R1 in 10 h (met). I2 has no response time, so its
    // response is not judged (and counted apart). Items: R1 and I2 met, I1 breached.
    expect(col(email, 'Resolution met')).toBeCloseTo(2 / 3, 12);
    expect(col(email, 'Response met')).toBe(1);
    expect(col(email, 'No response time')).toBe(1);
    expect([col(email, 'Met'), col(email, 'Breached'), col(email, 'Pending')]).toEqual([2, 1, 0]);
    expect(col(email, 'Status')).toBe('Breached');
    // NET has service hours but no SLA row: nothing was agreed, so no availability figure (never 100%).
    expect(col(table[1], 'Availability')).toBe('—');
    expect(col(table[1], 'Availability target')).toBe('');
    // The same in the other order, with the zone left to the spreadsheet.
    expect(g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), tabs.services, tabs.sla, incidents, tabs.targets)).toEqual(table);
  });

  test('a row that cannot be read is never dropped silently: the table ends with where it is', () => {
    const services = [
      ...tabs.services,
      ...sheet('services', [{ serviceId: 'WP', name: 'Word processing', rank: 'first', status: 'Supported', serviceHours: OFFICE }]).slice(1),
    ];
    const table = g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), services, tabs.sla, tabs.targets, incidents, TZ);
    expect(table.map((r: unknown[]) => r[0]).slice(0, 3)).toEqual(['Service ID', 'NET', 'EMAIL']);
    const last = table[table.length - 1];
    expect(last).toHaveLength(ATTAINMENT_HEADER.length);
    expect(last[0]).toBe('Not read, so left out or read as blank: Services row 4 (Priority rank). Run "Check workbook".');
    expect(g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), tabs.services, incidents, TZ)).toHaveLength(3);
  });

  test('a Calendars row with an unknown time zone leaves only the services on it without figures', () => {
    const calendars = sheet('calendars', [{ name: 'Night', hours: '22:00-06:00', timeZone: 'Mars/Base' }]);
    const services = sheet('services', [
      { serviceId: 'EMAIL', name: 'Email', rank: 2, status: 'Supported', serviceHours: OFFICE },
      { serviceId: 'NET', name: 'Internet access', rank: 1, status: 'Supported', serviceHours: 'Night' },
    ]);
    const table = g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), services, tabs.sla, tabs.targets, incidents, calendars, TZ);
    const col = (row: unknown[], name: (typeof ATTAINMENT_HEADER)[number]) => row[ATTAINMENT_HEADER.indexOf(name)];
    const [net, email] = [table[1], table[2]];
    expect(col(net, 'Availability')).toBe('—');
    expect(col(net, 'Targets')).toBe('Service hours: Calendar "Night": unknown time zone "Mars/Base"');
    expect(col(email, 'Availability')).toBeCloseTo(44 / 50, 12);
  });

  test('reordering the incident log changes nothing', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(incidents.slice(1), { minLength: incidents.length - 1 }), (rows) => {
        const a = g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), tabs.services, tabs.sla, tabs.targets, incidents, TZ);
        const b = g.SLM_ATTAINMENT(at(2026, 11, 2), at(2026, 11, 6), tabs.services, tabs.sla, tabs.targets, [incidents[0], ...rows], TZ);
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  test("the example school: the Dashboard formula's named ranges give a row per service", () => {
    const ex = exampleRuntime();
    ex.mode = 'customFunction';
    const ss = ex.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const ranges = (['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as const).map((k) =>
      (ss.getRangeByName(namedRangeName(k)) ?? ss.getSheetByName(tabDef(k).name)!.getDataRange()).getValues(),
    );
    const D = ex.env.realm.Date;
    const now = new Date(NOW);
    const start = new D(localToUtc(now.getUTCFullYear(), 9, 1, 0, TZ));
    const end = new D(NOW);
    ex.calls.reset();
    const table = (ex.global as unknown as Record<string, Fn>).SLM_ATTAINMENT(start, end, ...ranges);
    // A pure function of its arguments: it reads nothing from the sheet itself.
    expect(ex.calls.count('Range.*')).toBe(0);
    const services = ss.getSheetByName(tabDef('services').name)!.getDataRange().getValues().length - 1;
    expect(table.length).toBe(services + 1);
    expect(table.slice(1).some((r: unknown[]) => typeof r[3] === 'number')).toBe(true);
  });
});
