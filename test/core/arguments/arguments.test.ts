/** Custom-function arguments: one answer for what a range is and which tab a header row belongs to. */
import { ArgumentError, isGrid, single } from '../../../src/core/arguments/grid';
import { rangesByTab, tabOfHeader } from '../../../src/core/arguments/tabs';
import { rangesThenZone, zoneArgument } from '../../../src/core/arguments/zone';
import { tabDef, tabOrder } from '../../../src/core/schema/workbook';
import type { TabKey } from '../../../src/core/schema/types';

const ALL: readonly TabKey[] = tabOrder().filter((k) => k !== 'documents');
const headerOf = (key: TabKey) => tabDef(key).columns.map((c) => c.header);

describe('a range', () => {
  test('is rows of cells; an empty array, a value or a row of values is not one', () => {
    expect(isGrid([[1]])).toBe(true);
    expect(
      isGrid([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe(true);
    expect(isGrid([])).toBe(false);
    expect(isGrid([1, 2])).toBe(false);
    expect(isGrid('A1')).toBe(false);
    expect(isGrid(undefined)).toBe(false);
  });

  test('of one cell counts as its value', () => {
    expect(single([['x']])).toBe('x');
    expect(single([['x', 'y']])).toEqual([['x', 'y']]);
    expect(single('x')).toBe('x');
  });
});

describe('a header row names its tab', () => {
  test("each tab by its own header, in any order and case, including headers holding another tab's required columns", () => {
    for (const key of ALL) {
      expect(tabOfHeader(headerOf(key), ALL)).toBe(key);
      expect(
        tabOfHeader(
          headerOf(key)
            .map((h) => h.toUpperCase())
            .reverse(),
          ALL,
        ),
      ).toBe(key);
    }
    expect(tabOfHeader(['notes', 'SUPPLIER', 'contract ref', 'kind'], ALL)).toBe('contracts');
    expect(tabOfHeader(['Something', 'else'], ALL)).toBeUndefined();
  });

  test('a tie in columns found goes to the tab covered more fully, whatever the order of the tabs asked about', () => {
    // Services' four required columns and all four of Closures': four each, but all of Closures.
    const header = ['Service ID', 'Service', 'Priority rank', 'Status', 'Calendar', 'From', 'To', 'Reason'];
    expect(tabOfHeader(header, ['services', 'closures'])).toBe('closures');
    expect(tabOfHeader(header, ['closures', 'services'])).toBe('closures');
  });

  test('only the tabs asked about are candidates', () => {
    expect(tabOfHeader(headerOf('equipment'), ['services', 'contracts'])).toBe('contracts');
    expect(tabOfHeader(headerOf('people'), ['services', 'incidents'])).toBeUndefined();
  });
});

describe('ranges by tab', () => {
  const services = [headerOf('services'), ['A', 'Email', 1, 'Supported']];
  const incidents = [headerOf('incidents')];

  test('in any order', () => {
    const found = rangesByTab([incidents, services], ALL, ['services']);
    expect(found.services).toBe(services);
    expect(found.incidents).toBe(incidents);
  });

  test('refused with a message naming the argument', () => {
    const fail = (ranges: unknown[]) => () => rangesByTab(ranges, ['services', 'incidents'], ['services']);
    expect(fail([services, 'text'])).toThrow(new ArgumentError('range 2', 'expected a range of a tab, including its header row'));
    expect(fail([services, []])).toThrow('range 2: expected a range');
    expect(fail([[['What']]])).toThrow('range 1: its first row is not the header of a Services, Incidents tab');
    expect(fail([services, services])).toThrow('range 2: a second Services range');
    expect(fail([incidents])).toThrow('ranges: no Services range given (each range is recognised by its header row)');
  });
});

describe('the time zone argument', () => {
  test("a zone named, else the spreadsheet's; date cells are read in the spreadsheet's", () => {
    expect(zoneArgument('Asia/Tokyo', 'Europe/London')).toMatchObject({ tz: 'Asia/Tokyo', dateZone: 'Europe/London' });
    expect(zoneArgument([['Asia/Tokyo']], undefined)).toMatchObject({ tz: 'Asia/Tokyo', dateZone: 'Asia/Tokyo' });
    expect(zoneArgument(' ', 'Europe/London')).toMatchObject({ tz: 'Europe/London', dateZone: 'Europe/London' });
    expect(() => zoneArgument('Mars/Base', 'Europe/London')).toThrow('time_zone: "Mars/Base" is not a time zone');
    expect(() => zoneArgument('', undefined)).toThrow("time_zone: no time zone given and the spreadsheet's is not available");
  });

  test('after ranges, only when the last argument is not a range', () => {
    const r = [['Service ID']];
    expect(rangesThenZone([r, 'Asia/Tokyo'], 'Europe/London')).toMatchObject({ ranges: [r], zones: { tz: 'Asia/Tokyo', dateZone: 'Europe/London' } });
    expect(rangesThenZone([r, r], 'Europe/London').ranges).toEqual([r, r]);
    expect(() => rangesThenZone([r, 'Nowhere'], 'Europe/London')).toThrow('time zone (last argument): "Nowhere" is not a time zone');
  });
});
