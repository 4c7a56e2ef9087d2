/**
 * Every custom function of the bundle, run as Sheets runs it (custom-function mode): each SLM_ formula the
 * example school's workbook holds is evaluated from its own cells and named ranges, and every custom function
 * is also given bad input; none may reach a service or setter that Sheets refuses a custom function.
 * Their results are asserted in customFunctions.test.ts and findings.test.ts, which run in the same mode.
 */
import * as path from 'node:path';
import { entryPoints } from '../../scripts/stubs';
import { exampleRuntime, NOW } from '../support/offline';

const REFUSED = /You do not have permission to call|Cannot call SpreadsheetApp\.getUi|Exceeded maximum execution time/;
const customFunctions = entryPoints(path.resolve(__dirname, '../../src/main.ts'))
  .filter((e) => e.customFunction)
  .map((e) => e.name);

const rt = exampleRuntime();
const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
const D = rt.env.realm.Date;

/** `=SLM_X(B3,SLM_Incidents,…)` in the workbook, with each argument read as Sheets would pass it. */
const formulas = ss.getSheets().flatMap((sheet) =>
  sheet
    .getDataRange()
    .getFormulas()
    .flatMap((row) =>
      row
        .map((f) => /^=(SLM_[A-Z_]+)\((.*)\)$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map(([formula, name, args]) => ({
          formula,
          name,
          sheet: sheet.getName(),
          args: () => {
            // A date Sheets would compute (=EOMONTH(TODAY(),…)): the first is a month before the fixed "now", the next "now".
            const computed = [new D(NOW - 30 * 86_400_000), new D(NOW)];
            return args.split(',').map((a) => {
              // A text literal ("met") is passed as the text.
              if (/^".*"$/.test(a.trim())) return a.trim().slice(1, -1);
              const named = ss.getRangeByName(a.trim());
              if (named) return named.getValues();
              const v = sheet.getRange(a.trim()).getValue();
              return v === '' || String(v).startsWith('=') ? (computed.shift() ?? new D(NOW)) : v;
            });
          },
        })),
    ),
);

describe("the bundle's custom functions in custom-function mode", () => {
  beforeAll(() => {
    rt.mode = 'customFunction';
  });

  test("the workbook's own formulas call custom functions of the bundle", () => {
    expect(formulas.length).toBeGreaterThanOrEqual(3);
    for (const f of formulas) expect(customFunctions).toContain(f.name);
  });

  test.each(formulas.map((f) => [f.sheet, f.formula, f] as const))('%s!%s answers a table', (_sheet, _formula, f) => {
    const out = (rt.global[f.name] as (...a: unknown[]) => unknown)(...f.args());
    expect(Array.isArray(out) && Array.isArray((out as unknown[])[0])).toBe(true);
    expect((out as unknown[][]).length).toBeGreaterThan(1);
  });

  test.each(customFunctions)("%s refuses bad input with its own message, never one of Google's refusals", (name) => {
    const fn = rt.global[name] as (...a: unknown[]) => unknown;
    const start = new D(NOW - 30 * 86_400_000);
    const end = new D(NOW);
    const argumentLists: unknown[][] = [
      [],
      ['', '', ''],
      [
        [
          ['not', 'a'],
          ['range', 1],
        ],
      ],
      [start, end, 'Mon-Fri 08:00-18:00'],
      [start, 4, 'Mon-Fri 08:00-25:00'],
      ['PRINT', 'yesterday', end, [['x']], 'always'],
    ];
    for (const args of argumentLists) {
      try {
        fn(...args);
      } catch (e) {
        expect((e as Error).message).not.toMatch(REFUSED);
      }
    }
    expect(rt.spreadsheet.toasts).toHaveLength(0);
  });
});
