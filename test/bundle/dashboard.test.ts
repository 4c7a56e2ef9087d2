/**
 * The Dashboard and Findings tabs as a person sees them: the built bundle sets up the workbook and loads the
 * example school, the offline runtime recalculates the template's own formulas (custom functions from the
 * bundle), and the display values are read as Sheets would show them.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ATTAINMENT_FRACTIONS, ATTAINMENT_HEADER } from '../../src/core/attainment/table';
import { STATUS_COLOURS } from '../../src/core/dashboard/layout';
import { FINDINGS_HEADER } from '../../src/core/findings/table';
import { writeXlsx } from '../../offline/xlsx';
import type { OfflineRuntime } from '../../offline/runtime';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import { exampleWithFormulas } from '../support/formulas';
import { loadedRuntime } from '../support/offline';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

const tab = (rt: OfflineRuntime, name: string) => (rt.spreadsheet as unknown as Ss).getSheetByName(name)!;

describe('the Dashboard after Set up workbook with the example school', () => {
  const { rt, problems } = exampleWithFormulas();
  const dashboard = tab(rt, 'Dashboard');
  const shown = dashboard.getDataRange().getDisplayValues();
  const headerRow = shown.findIndex((r) => r[0] === ATTAINMENT_HEADER[0]);
  const body = shown.slice(headerRow + 1).filter((r) => r[0] !== '');

  test('every formula evaluates; the table spills from its cell with one row per service', () => {
    expect(problems).toEqual([]);
    expect(shown[headerRow]).toEqual([...ATTAINMENT_HEADER]);
    const services = tab(rt, 'Services')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    expect(body.map((r) => r[0]).sort()).toEqual([...services].sort());
    expect(body[0][0]).toBe('INTERNET');
  });

  test('the period shows as dates: last month, 1 October to 31 October 2026', () => {
    expect(shown[2].slice(0, 2)).toEqual(['Period start', '1 Oct 2026']);
    expect(shown[3].slice(0, 2)).toEqual(['Period end (included)', '31 Oct 2026']);
  });

  test('availability, its target and the shares met show as percentages; no raw fraction anywhere', () => {
    for (const name of ATTAINMENT_FRACTIONS) {
      const col = shown[headerRow].indexOf(name);
      for (const row of body) expect(row[col]).toMatch(/^(\d{1,3}\.\d%|—|)$/);
    }
    const internet = body[0];
    expect(internet[shown[headerRow].indexOf('Availability target')]).toBe('99.0%');
    expect(shown.flat().filter((v) => /^-?\d*\.\d{2,}$/.test(v))).toEqual([]);
    // The underlying values stay fractions, so formulas built on them still work.
    expect(typeof dashboard.getRange(headerRow + 2, shown[headerRow].indexOf('Availability') + 1).getValue()).toBe('number');
  });

  test("status words keep their words and are coloured by rules with the sidebar's colours", () => {
    const css = fs.readFileSync(path.resolve(__dirname, '../../sidebar/style.css'), 'utf8');
    const rules = dashboard.getConditionalFormatRules().map((r) => r.getBooleanCondition()!);
    expect(rules.map((c) => c.getCriteriaValues()[0])).toEqual(Object.keys(STATUS_COLOURS));
    for (const c of rules) {
      const word = String(c.getCriteriaValues()[0]);
      const badge = new RegExp(`\\.badge\\.${word.toLowerCase().replace(/ /g, '-')} \\{ background: ${c.getBackground()}; color: ${c.getFontColor()}; \\}`);
      expect(css).toMatch(badge);
    }
    const ranges = dashboard
      .getConditionalFormatRules()[0]
      .getRanges()
      .map((r) => dashboard.getRange(headerRow + 1, r.getColumn()).getValue());
    expect(ranges).toEqual(ATTAINMENT_HEADER.filter((h) => /status$/i.test(h)));
    expect(body.map((r) => r[shown[headerRow].indexOf('Status')])).toEqual(expect.arrayContaining(['Met', 'At risk', 'Breached']));
  });

  test("the table's header is frozen, bold and filled; columns have widths; the Targets text wraps", () => {
    expect(dashboard.getFrozenRows()).toBe(headerRow + 1);
    const header = dashboard.getRange(headerRow + 1, 1, 1, ATTAINMENT_HEADER.length);
    expect(new Set(header.getFontWeights()[0])).toEqual(new Set(['bold']));
    expect(dashboard.getColumnWidth(ATTAINMENT_HEADER.indexOf('Targets') + 1)).toBeGreaterThan(300);
    expect(dashboard.getRange(headerRow + 2, ATTAINMENT_HEADER.indexOf('Targets') + 1).getWrap()).toBe(true);
  });

  test('the Findings table spills under a frozen header, its long sentences wrap and High severities are coloured', () => {
    const findings = tab(rt, 'Findings');
    const values = findings.getDataRange().getDisplayValues();
    const at = values.findIndex((r) => r[0] === FINDINGS_HEADER[0]);
    expect(values[at]).toEqual([...FINDINGS_HEADER]);
    expect(values.length - at - 1).toBeGreaterThan(10);
    expect(findings.getFrozenRows()).toBe(at + 1);
    expect(findings.getRange(at + 2, FINDINGS_HEADER.indexOf('Finding') + 1).getWrap()).toBe(true);
    expect(findings.getColumnWidth(FINDINGS_HEADER.indexOf('Finding') + 1)).toBeGreaterThanOrEqual(300);
    expect(findings.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual(['High', 'Medium']);
  });

  test('the xlsx template carries the same formats, colours, frozen header and spill area', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'slm-dash-')), 'template.xlsx');
    await writeXlsx(rt.spreadsheet, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Dashboard')!;
    expect(ws.getCell('B3').numFmt).toBe('d mmm yyyy');
    expect(ws.getCell('B4').numFmt).toBe('d mmm yyyy');
    expect(ws.getCell('B3').value).toMatchObject({ formula: expect.stringMatching(/^DATE\(\d{4},\d{1,2},1\)$/) });
    for (const name of ATTAINMENT_FRACTIONS) {
      const col = ATTAINMENT_HEADER.indexOf(name) + 1;
      expect(ws.getCell(headerRow + 2, col).numFmt).toBe('0.0%');
      expect(ws.getCell(headerRow + 50, col).numFmt).toBe('0.0%');
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow + 1 });
    expect(ws.getCell(headerRow + 2, ATTAINMENT_HEADER.indexOf('Targets') + 1).alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(ATTAINMENT_HEADER.indexOf('Targets') + 1).width).toBeGreaterThan(40);
    const anchor = ws.getCell(headerRow + 1, 1).value as ExcelJS.CellFormulaValue & { ref?: string; shareType?: string };
    expect(anchor).toMatchObject({
      shareType: 'array',
      ref: `A${headerRow + 1}:${String.fromCharCode(64 + ATTAINMENT_HEADER.length)}${headerRow + 1 + body.length}`,
    });
    const cf = (
      ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[]; style: { fill: { bgColor: { argb: string } } } }> }> }
    ).conditionalFormattings;
    expect(cf.map((c) => c.rules[0].formulae[0])).toEqual(['"Met"', '"At risk"', '"Breached"', '"Too few to judge"']);
    expect(cf[0].rules[0].style.fill.bgColor.argb).toBe('FFE6F4EA');
    const findings = wb.getWorksheet('Findings')!;
    expect(findings.getCell('C5').alignment).toMatchObject({ wrapText: true });
    expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });
});

describe('recalculation runs custom functions as Sheets does', () => {
  test("in custom-function mode: a function that writes gets Google's refusal as #ERROR!; the runtime's mode is restored", () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    rt.run('function TRY_WRITE() { SpreadsheetApp.getActive().getSheets()[0].getRange("Z1").setValue(1); return 1; }');
    const sheet = tab(rt, 'Findings');
    sheet.getRange('H1').setFormula('=TRY_WRITE()');
    const problems = recalculateRuntime(rt);
    expect(problems.find((p) => p.cell === 'H1')).toMatchObject({
      tab: 'Findings',
      error: '#ERROR!',
      message: expect.stringMatching(/You do not have permission to call/),
    });
    expect(rt.mode).toBe('script');
    expect(sheet.getRange('H1').getDisplayValue()).toBe('#ERROR!');
  });
});

describe('formatting never overrides what the user changed', () => {
  test('a second Set up writes no format; cells, widths and rules the user changed keep theirs, untouched cells of an old tab are formatted', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    rt.calls.reset();
    expect(rt.global.setUpWorkbook()).toEqual({ createdTabs: [], addedColumns: [], repairedTabs: [], renamedTabs: [], leftAlone: [], addedSettings: [] });
    for (const m of ['setNumberFormats', 'setBackgrounds', 'setFontWeights', 'setWraps']) expect(rt.calls.count(`Range.${m}`)).toBe(0);
    expect(rt.calls.count('Sheet.setConditionalFormatRules') + rt.calls.count('Sheet.setColumnWidth')).toBe(0);

    const dashboard = tab(rt, 'Dashboard') as Sheet;
    // An older Dashboard: no formats at all, except what the user chose.
    dashboard.clearFormats();
    dashboard.setConditionalFormatRules([]);
    dashboard.setFrozenRows(0);
    dashboard.getRange('B3').setNumberFormat('yyyy-mm-dd');
    dashboard.getRange('D7').setNumberFormat('0.000');
    dashboard.getRange('E7').setBackground('#ffff00');
    dashboard.setColumnWidth(2, 260);
    const report = rt.global.setUpWorkbook();
    expect(report.repairedTabs).toEqual(['Dashboard']);
    expect(dashboard.getRange('B3:B4').getNumberFormats()).toEqual([['yyyy-mm-dd'], ['d mmm yyyy']]);
    expect(dashboard.getRange('D7:E8').getNumberFormats()).toEqual([
      ['0.000', ''],
      ['0.0%', '0.0%'],
    ]);
    expect(dashboard.getRange('E7').getBackground()).toBe('#ffff00');
    expect(dashboard.getColumnWidth(2)).toBe(260);
    expect(dashboard.getFrozenRows()).toBe(6);
    expect(dashboard.getConditionalFormatRules()).toHaveLength(Object.keys(STATUS_COLOURS).length);
  });

  test("a Dashboard the user rewrote (its table cell no longer the template's formula) is not formatted", () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const dashboard = tab(rt, 'Dashboard') as Sheet;
    dashboard.clearFormats();
    dashboard.setFrozenRows(0);
    dashboard.getRange('A6').setValue('My own notes');
    rt.calls.reset();
    expect(rt.global.setUpWorkbook().repairedTabs).toEqual([]);
    expect(dashboard.getRange('D7').getNumberFormat()).toBe('');
    expect(dashboard.getFrozenRows()).toBe(0);
  });

  test('a Dashboard uploaded from the .xlsx template (its table an ARRAYFORMULA) is still recognised', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const dashboard = tab(rt, 'Dashboard') as Sheet;
    const formula = dashboard.getRange('A6').getFormula();
    dashboard.clearFormats();
    dashboard.getRange('A6').setFormula(`=ARRAYFORMULA(${formula.slice(1)})`);
    expect(rt.global.setUpWorkbook().repairedTabs).toEqual(['Dashboard']);
    expect(dashboard.getRange('D7').getNumberFormat()).toBe('0.0%');
  });
});
