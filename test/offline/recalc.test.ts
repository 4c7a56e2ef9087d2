import { CallCounter, FakeSpreadsheet, newEnv } from '../../offline';
import { parseFormula, FormulaSyntaxError } from '../../offline/formulaParse';
import { formulaErrorAt, recalculate } from '../../offline/recalc';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const fresh = () => {
  const ss = new FakeSpreadsheet(newEnv({ calls: new CallCounter(), timeZone: 'Europe/London' }), 'Formulas');
  const sheet = ss.getSheets()[0] as unknown as Sheet;
  return { ss, sheet };
};
/** 18 November 2026, 23:30 in London (23:30 UTC): TODAY is still the 18th there. */
const NOW = Date.UTC(2026, 10, 18, 23, 30);

describe('parseFormula', () => {
  test('references, names, calls and operators with Sheets precedence', () => {
    expect(parseFormula('=EOMONTH(TODAY(),-2)+1')).toEqual({
      k: 'bin',
      op: '+',
      a: {
        k: 'call',
        name: 'EOMONTH',
        args: [
          { k: 'call', name: 'TODAY', args: [] },
          { k: 'neg', x: { k: 'num', v: 2 } },
        ],
      },
      b: { k: 'num', v: 1 },
    });
    expect(parseFormula("='My tab'!$A$2:C + 2*3^2")).toMatchObject({
      k: 'bin',
      op: '+',
      a: { k: 'ref', sheet: 'My tab', a1: 'A2:C' },
      b: { k: 'bin', op: '*' },
    });
    expect(parseFormula('=SLM_Services')).toEqual({ k: 'name', name: 'SLM_Services' });
    expect(parseFormula('=A:C')).toEqual({ k: 'ref', sheet: null, a1: 'A:C' });
    expect(parseFormula('=LOG10(B3)')).toMatchObject({ k: 'call', name: 'LOG10', args: [{ k: 'ref', a1: 'B3' }] });
    expect(parseFormula('="a ""b"""&TRUE')).toEqual({ k: 'bin', op: '&', a: { k: 'str', v: 'a "b"' }, b: { k: 'bool', v: true } });
    expect(() => parseFormula('=SUM(1,')).toThrow(FormulaSyntaxError);
  });
});

describe('recalculate', () => {
  test("TODAY, EOMONTH, DATE, EDATE and arithmetic on dates in the spreadsheet's wall clock", () => {
    const { ss, sheet } = fresh();
    sheet
      .getRange('A1:A6')
      .setFormulas([['=EOMONTH(TODAY(),-2)+1'], ['=EOMONTH(TODAY(),-1)'], ['=DATE(2024,2,30)'], ['=A2-A1'], ['=EDATE(DATE(2024,1,31),1)'], ['=TODAY()']]);
    sheet.getRange('A1:A6').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('A4').setNumberFormat('0');
    expect(recalculate(ss, { now: NOW })).toEqual([]);
    expect(sheet.getRange('A1:A6').getDisplayValues().flat()).toEqual(['2026-10-01', '2026-10-31', '2024-03-01', '30', '2024-02-29', '2026-11-18']);
    // Dates read back as Dates at local midnight; a difference of dates is a number.
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(sheet.getRange('A4').getValue()).toBe(30);
    // The formulas stay formulas.
    expect(sheet.getRange('A1').getFormula()).toBe('=EOMONTH(TODAY(),-2)+1');
  });

  test('custom functions get cell values, Dates and 2-D ranges from bounded and whole-column named ranges, and their arrays spill', () => {
    const { ss, sheet } = fresh();
    const data = ss.insertSheet('Data') as unknown as Sheet;
    data.getRange('A1:B3').setValues([
      ['Name', 'Hours'],
      ['Email', 4],
      ['Print', 8],
    ]);
    ss.setNamedRange('Bounded', data.getRange('A1:B3'));
    ss.setNamedRange('Whole', data.getRange('A:B'));
    sheet.getRange('B1').setValue(new Date(Date.UTC(2026, 9, 1)));
    sheet.getRange('A3').setFormula('=ECHO(B1, Bounded)');
    sheet.getRange('A8').setFormula('=COUNTROWS(Whole)');
    const seen: unknown[][] = [];
    const functions = {
      ECHO: (day: unknown, grid: unknown[][]) => {
        seen.push([day, grid]);
        return grid.map((r) => [...r, Object.prototype.toString.call(day)]);
      },
      COUNTROWS: (grid: unknown[][]) => grid.length,
      helper_: () => 1,
    };
    expect(recalculate(ss, { now: NOW, functions })).toEqual([]);
    expect(sheet.getRange('A3:C5').getValues()).toEqual([
      ['Name', 'Hours', '[object Date]'],
      ['Email', 4, '[object Date]'],
      ['Print', 8, '[object Date]'],
    ]);
    expect(sheet.getRange('B4').getFormula()).toBe('');
    // A whole-column range hands over every row of the tab, blanks as "".
    expect(sheet.getRange('A8').getValue()).toBe(1000);
    expect((seen[0][0] as Date).toISOString()).toBe('2026-10-01T00:00:00.000Z');

    // Data grows: the whole-column name sees it; the next recalculation spills further and clears nothing of the user's.
    data.getRange('A4:B4').setValues([['Wifi', 2]]);
    recalculate(ss, { now: NOW, functions });
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['', '']]);
    ss.setNamedRange('Bounded', data.getRange('A1:B4'));
    recalculate(ss, { now: NOW, functions });
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['Wifi', 2]]);
  });

  test("a spill blocked by data, or past the tab's last row, is #REF! with Sheets' message; nothing is left blank", () => {
    const { ss, sheet } = fresh();
    const functions = { TABLE: (n: number) => Array.from({ length: n }, (_, i) => [i, i * 2]) };
    sheet.getRange('A1').setFormula('=TABLE(3)');
    sheet.getRange('B3').setValue('mine');
    sheet.getRange('D998').setFormula('=TABLE(5)');
    sheet.getRange('F1').setFormula('=NOSUCH(1)');
    sheet.getRange('G1').setFormula('=TABLE(1/0)');
    const problems = recalculate(ss, { now: NOW, functions });
    expect(problems).toEqual([
      {
        tab: 'Sheet1',
        cell: 'A1',
        formula: '=TABLE(3)',
        error: '#REF!',
        message: 'Array result was not expanded because it would overwrite data in B3.',
        unsupported: false,
      },
      {
        tab: 'Sheet1',
        cell: 'F1',
        formula: '=NOSUCH(1)',
        error: '#NAME?',
        message: expect.stringMatching(/^NOSUCH is not evaluated by the offline runtime/),
        unsupported: true,
      },
      { tab: 'Sheet1', cell: 'G1', formula: '=TABLE(1/0)', error: '#DIV/0!', message: 'Function DIVIDE parameter 2 cannot be zero.', unsupported: false },
      {
        tab: 'Sheet1',
        cell: 'D998',
        formula: '=TABLE(5)',
        error: '#REF!',
        message: 'Result was not automatically expanded, please insert more rows (2).',
        unsupported: false,
      },
    ]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#REF!');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('#NAME?');
    expect(sheet.getRange('B3').getValue()).toBe('mine');
    expect(formulaErrorAt(ss.sheet('Sheet1'), 1, 1)?.message).toMatch(/overwrite data in B3/);
  });

  test('a custom function that throws shows #ERROR! with its message; a cell a formula reads is computed first', () => {
    const { ss, sheet } = fresh();
    sheet.getRange('A1').setFormula('=FAIL(B1)');
    sheet.getRange('B1').setFormula('=DATE(2026,1,1)+C1');
    sheet.getRange('C1').setValue(2);
    const args: unknown[] = [];
    const problems = recalculate(ss, {
      now: NOW,
      functions: {
        FAIL: (d: unknown) => {
          args.push(d);
          throw new Error('period_start: not a date');
        },
      },
    });
    expect(problems).toMatchObject([{ cell: 'A1', error: '#ERROR!', message: 'period_start: not a date' }]);
    expect((args[0] as Date).toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });
});

describe('conditional format rules', () => {
  test('the builder makes a rule the sheet keeps, with its condition, colours and ranges', () => {
    const { ss, sheet } = fresh();
    const app = { newConditionalFormatRule: () => new (require('../../offline/conditionalFormat').FakeConditionalFormatRuleBuilder)(ss.env) };
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Met')
      .setBackground('#E6F4EA')
      .setFontColor('#0d652d')
      .setRanges([sheet.getRange('F7:F') as Range])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const [kept] = sheet.getConditionalFormatRules();
    const condition = kept.getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe('TEXT_EQUAL_TO');
    expect(condition.getCriteriaValues()).toEqual(['Met']);
    expect(condition.getBackground()?.toLowerCase()).toBe('#e6f4ea');
    expect(kept.getRanges().map((r) => r.getA1Notation())).toEqual(['F7:F1000']);
    expect((condition as unknown as { matches(d: string, v: unknown): boolean }).matches('met', 'met')).toBe(true);
    expect((condition as unknown as { matches(d: string, v: unknown): boolean }).matches('Met!', 'Met!')).toBe(false);
  });
});
