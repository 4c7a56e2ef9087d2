/**
 * Every custom function of the bundle, run as Sheets runs it (custom-function mode), on the example
 * school's ranges and on bad input: none may reach a service or setter Sheets refuses a custom function.
 * Their results are asserted in customFunctions.test.ts and findings.test.ts, which run in the same mode.
 */
import * as path from 'node:path';
import { workbookSchema, type TabKey } from '../../src/core/schema';
import { entryPoints } from '../../scripts/stubs';
import { exampleRuntime, NOW } from '../support/offline';

const REFUSED = /You do not have permission to call|Cannot call SpreadsheetApp\.getUi|Exceeded maximum execution time/;
const customFunctions = entryPoints(path.resolve(__dirname, '../../src/main.ts')).filter((e) => e.customFunction).map((e) => e.name);

describe('the bundle\'s custom functions in custom-function mode', () => {
  const rt = exampleRuntime();
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const tab = (key: TabKey) => ss.getSheetByName(workbookSchema()[key].name)!.getDataRange().getValues();
  const findingsRanges = (['services', 'equipment', 'sla', 'targets', 'contracts', 'incidents', 'calendars', 'closures', 'people'] as const).map(tab);
  const attainmentRanges = (['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as const).map(tab);
  const D = rt.env.realm.Date;
  const start = new D(NOW - 30 * 86_400_000);
  const end = new D(NOW);
  rt.mode = 'customFunction';

  test('there are custom functions to check', () => {
    expect(customFunctions).toEqual(expect.arrayContaining(['SLM_WORKHOURS', 'SLM_DUE', 'SLM_AVAILABILITY', 'SLM_ATTAINMENT', 'SLM_FINDINGS']));
  });

  test.each(customFunctions)('%s answers, or refuses its input, without touching what Sheets refuses', (name) => {
    const fn = rt.global[name] as (...a: unknown[]) => unknown;
    const argumentLists: unknown[][] = [
      [], findingsRanges, [start, end, ...attainmentRanges], ['PRINT', start, end, tab('incidents'), 'Mon-Fri 08:00-18:00'],
      [start, end, 'Mon-Fri 08:00-18:00'],
      [start, 4, 'Mon-Fri 08:00-18:00'], ['', '', ''], [[['not', 'a'], ['range', 1]]],
    ];
    let answered = 0;
    for (const args of argumentLists) {
      try {
        fn(...args);
        answered += 1;
      } catch (e) {
        expect((e as Error).message).not.toMatch(REFUSED);
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(rt.spreadsheet.toasts).toHaveLength(0);
  });
});
