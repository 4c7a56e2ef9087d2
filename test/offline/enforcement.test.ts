/**
 * What Google enforces and the offline runtime now enforces too, each failing here where it fails on Google:
 * property sizes, simple triggers' 30 s, volatile cells in a custom function's arguments, and date-times
 * handed to a custom function with their milliseconds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CallCounter,
  createOfflineRuntime,
  FakeSpreadsheet,
  newEnv,
  PROPERTY_STORE_FULL_MESSAGE,
  PROPERTY_VALUE_TOO_LARGE_MESSAGE,
  TIME_LIMIT_MESSAGE,
} from '../../offline';
import { formulaErrorAt, recalculate, VOLATILE_ARGUMENT_MESSAGE } from '../../offline/recalc';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const bundle = (code: string, opts: Parameters<typeof createOfflineRuntime>[0] = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-enforce-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  const rt = createOfflineRuntime({ distDir: dir, ...opts });
  rt.load();
  return rt;
};

describe('PropertiesService limits (9 KB a value, 500 KB a store)', () => {
  test("a value over 9 KB is refused with Google's error and nothing is stored; 9 KB exactly is kept", () => {
    const rt = createOfflineRuntime();
    const props = rt.services.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_VALUE_TOO_LARGE_MESSAGE);
    expect(props.getProperty('big')).toBeNull();
    // Bytes of UTF-8, not characters: 4,700 two-byte letters are over the limit.
    expect(() => props.setProperty('accents', 'é'.repeat(4700))).toThrow(PROPERTY_VALUE_TOO_LARGE_MESSAGE);
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(props.getProperty('fits')).toHaveLength(9 * 1024);
    expect(() => props.setProperties({ a: 'ok', b: 'x'.repeat(10000) })).toThrow(PROPERTY_VALUE_TOO_LARGE_MESSAGE);
    expect(props.getProperty('a')).toBeNull();
  });

  test('a store past 500 KB is refused; replacing a value counts only its new size', () => {
    const rt = createOfflineRuntime();
    const props = rt.services.PropertiesService.getUserProperties();
    // 56 values of 9,000 bytes and their keys: 504,168 bytes of the 512,000.
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow(PROPERTY_STORE_FULL_MESSAGE);
    expect(props.getProperty('k56')).toBeNull();
    props.setProperty('k0', 'y'.repeat(9000));
    props.deleteProperty('k1');
    props.setProperty('k56', 'x'.repeat(9000));
    expect(props.getKeys()).toHaveLength(56);
  });
});

describe('simple triggers stop after 30 seconds', () => {
  const code = `
    function spin(ms) { var end = Date.now() + ms; while (Date.now() < end) {} return 'done'; }
    function onOpen() { return spin(1500); }
    function onEdit() { return spin(1500); }
    function menuAction() { return spin(1500); }`;
  test('onOpen and onEdit are stopped at the simple-trigger limit; a menu action of the same length runs on', () => {
    // The limits scaled down (100 ms for simple triggers, 60 s for scripts) so the test keeps them far apart.
    const rt = bundle(code, { timeLimitMs: { simpleTrigger: 100, script: 60_000 } });
    expect(() => rt.global.onOpen()).toThrow(TIME_LIMIT_MESSAGE);
    expect(() => rt.global.onEdit()).toThrow(TIME_LIMIT_MESSAGE);
    expect(rt.global.menuAction()).toBe('done');
  });
});

describe('custom functions refuse ranges holding volatile formulas', () => {
  const fresh = () => {
    const ss = new FakeSpreadsheet(newEnv({ calls: new CallCounter(), timeZone: 'Europe/London' }), 'Volatile');
    return { ss, sheet: ss.getSheets()[0] as unknown as Sheet };
  };
  const functions = { COUNTCELLS: (range: unknown) => (Array.isArray(range) ? range.flat().length : 1) };

  test("NOW(), TODAY(), RAND(), RANDBETWEEN() in a range passed to a custom function, or a formula that reads one, give Sheets' error", () => {
    const { ss, sheet } = fresh();
    sheet.getRange('A1:A5').setFormulas([['=NOW()'], ['=TODAY()'], ['=RAND()'], ['=RANDBETWEEN(1,6)'], ['=A2+1']]);
    sheet.getRange('B1:B2').setValues([[1], [2]]);
    sheet
      .getRange('C1:C7')
      .setFormulas([
        ['=COUNTCELLS(A1:A1)'],
        ['=COUNTCELLS(A2:A2)'],
        ['=COUNTCELLS(A3:A4)'],
        ['=COUNTCELLS(A5:A5)'],
        ['=COUNTCELLS(A1:B5)'],
        ['=COUNTCELLS(B1:B2)'],
        ['=EOMONTH(A2,0)'],
      ]);
    const problems = recalculate(ss, { functions, now: Date.UTC(2026, 10, 18, 9) });
    // (RAND and RANDBETWEEN themselves are not evaluated offline: A3 and A4 are reported as unsupported.)
    expect(problems.filter((p) => p.cell.startsWith('C')).map((p) => [p.cell, p.error, p.message])).toEqual(
      ['C1', 'C2', 'C3', 'C4', 'C5'].map((c) => [c, '#ERROR!', VOLATILE_ARGUMENT_MESSAGE]),
    );
    expect(formulaErrorAt(ss.sheets[0], 1, 3)?.message).toBe(VOLATILE_ARGUMENT_MESSAGE);
    // Constant cells are fine, and built-in functions may read volatile cells.
    expect(sheet.getRange('C6').getValue()).toBe(2);
    expect(sheet.getRange('C7').getValue()).not.toBe('#ERROR!');
  });

  test('a date-time in a cell reaches a custom function with its milliseconds', () => {
    const { ss, sheet } = fresh();
    const instant = Date.UTC(2026, 10, 18, 9, 15, 30, 700);
    sheet.getRange('A1').setValue(new Date(instant));
    sheet.getRange('B1').setFormula('=MS(A1)');
    const seen: number[] = [];
    recalculate(ss, {
      functions: {
        MS: (d: Date) => {
          seen.push(d.getTime());
          return d.getMilliseconds();
        },
      },
    });
    expect(seen).toEqual([instant]);
    expect(sheet.getRange('B1').getValue()).toBe(700);
  });
});
