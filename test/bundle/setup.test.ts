import { attainmentFormula, DASHBOARD_CELLS } from '../../src/core/dashboard';
import { tabOrder, workbookSchema } from '../../src/core/schema/workbook';
import { exampleRuntime, loadedRuntime, NOW, workbookState } from '../support/offline';

const schema = workbookSchema();
const tabNames = tabOrder().map((k) => schema[k].name);
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('Set up workbook, on the built bundle', () => {
  test('an empty spreadsheet gets every tab: header, note per column, frozen and protected row 1, named range', () => {
    const rt = loadedRuntime();
    const report = rt.global.setUpWorkbook();
    const ss = rt.spreadsheet as unknown as Ss;
    expect(report.createdTabs).toEqual(['Start here', 'Dashboard', 'Findings', 'Trend charts', 'Open items', 'Trends', ...tabNames]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Start here', 'Dashboard', 'Trend charts', 'Findings', 'Open items', 'Trends', ...tabNames]);
    expect(ss.getSheetByName('Findings')!.getRange('A4').getFormula()).toMatch(/^=SLM_FINDINGS\(SLM_Services,SLM_Equipment,/);
    const dashboard = ss.getSheetByName('Dashboard')!;
    expect(dashboard.getRange(DASHBOARD_CELLS.table).getFormula()).toBe(attainmentFormula());
    expect(attainmentFormula()).toMatch(/^=SLM_ATTAINMENT\(B3,B4,SLM_Services,/);
    for (const key of tabOrder()) {
      const tab = schema[key];
      const sheet = ss.getSheetByName(tab.name)!;
      const header = sheet.getRange(1, 1, 1, tab.columns.length);
      expect(header.getValues()[0]).toEqual(tab.columns.map((c) => c.header));
      expect(header.getNotes()[0]).toEqual(tab.columns.map((c) => c.help));
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getProtections((rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).ProtectionType.RANGE)).toHaveLength(1);
      expect(ss.getRangeByName(`SLM_${tab.name}`)?.getSheet().getName()).toBe(tab.name);
    }
    const incidents = ss.getSheetByName('Incidents')!;
    const col = (h: string) => schema.incidents.columns.findIndex((c) => c.header === h) + 1;
    expect(incidents.getRange(2, col('Priority')).getDataValidation()?.getCriteriaValues()[0]).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(incidents.getRange(2, col('Opened')).getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
    expect(incidents.getRange(2, col('Summary')).getNumberFormat()).toBe('@');
    // Numbers keep the automatic format, so 4 shows as 4 (a "0.##" pattern would show "4.").
    const onHold = incidents.getRange(2, col('On hold (h)'));
    expect(onHold.getNumberFormat()).toBe('');
    expect(onHold.setValue(4).getDisplayValue()).toBe('4');
    expect(incidents.getRange(2, col('Priority')).getNumberFormat()).toBe('@');
    expect(incidents.getRange(2, col('Outage start')).getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
  });

  test('running it twice changes nothing and writes no value', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const before = workbookState(rt);
    rt.calls.reset();
    const report = rt.global.setUpWorkbook();
    expect(report).toEqual({ createdTabs: [], addedColumns: [], repairedTabs: [], renamedTabs: [], leftAlone: [], addedSettings: [] });
    expect(workbookState(rt)).toEqual(before);
    expect(rt.calls.count('Range.setValues') + rt.calls.count('Range.setValue')).toBe(0);
  });

  test("on a workbook with data no cell changes; a user's reordered and extra columns stay; a missing column goes at the end", () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    // The user reorders a tab, adds a column of their own and deletes one of ours.
    const sheet = ss.getSheetByName('Targets')!;
    const values = sheet.getDataRange().getValues();
    const drop = values[0].indexOf('Description');
    const reordered = values.map((r) => ['mine', ...r.filter((_, i) => i !== drop).reverse()]);
    sheet.clear();
    sheet.getRange(1, 1, reordered.length, reordered[0].length).setValues(reordered);
    const before = workbookState(rt);
    const report = rt.global.setUpWorkbook();
    expect(report.createdTabs).toEqual([]);
    expect(report.addedColumns).toEqual(['Targets: Description']);
    const after = workbookState(rt);
    for (const [i, tab] of before.entries()) {
      if (tab.name !== 'Targets') expect(after[i].values).toEqual(tab.values);
    }
    const targets = after.find((t) => t.name === 'Targets')!;
    expect(targets.values.map((r) => r.slice(0, reordered[0].length))).toEqual(before.find((t) => t.name === 'Targets')!.values);
    expect(targets.values[0][reordered[0].length]).toBe('Description');
  });

  test("a tab of the user's, even a blank one, survives; only a new spreadsheet's blank starter tab goes", () => {
    const rt = loadedRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    rt.global.setUpWorkbook();
    expect(ss.getSheetByName('Sheet1')).toBeNull();
    ss.insertSheet('Budget 2027').getRange('A1').setBackground('#ff0000');
    rt.global.setUpWorkbook();
    expect(ss.getSheetByName('Budget 2027')).not.toBeNull();

    const kept = loadedRuntime();
    const kss = kept.spreadsheet as unknown as Ss;
    kss.insertSheet('Notes');
    kept.global.setUpWorkbook();
    expect(kss.getSheets().map((s) => s.getName())).toEqual(expect.arrayContaining(['Sheet1', 'Notes']));
  });

  test('an existing tab missing its frozen header, protection or named range (a hand-made or uploaded one) gets them back; no cell changes', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const services = ss.getSheetByName('Services')!;
    services.setFrozenRows(0);
    const rangeProtection = (rt.services.SpreadsheetApp as unknown as typeof SpreadsheetApp).ProtectionType.RANGE;
    services.getProtections(rangeProtection).forEach((p) => {
      p.remove();
    });
    ss.removeNamedRange('SLM_Services');
    ss.removeNamedRange('SLM_Incidents');
    const incidents = ss.getSheetByName('Incidents')!;
    incidents.setFrozenRows(2);
    const before = workbookState(rt);

    const report = rt.global.setUpWorkbook();
    expect(report.repairedTabs).toEqual(['Services', 'Incidents']);
    expect(services.getFrozenRows()).toBe(1);
    expect(incidents.getFrozenRows()).toBe(2);
    expect(services.getProtections(rangeProtection).map((p) => p.getRange().getA1Notation())).toEqual([
      `A1:${String.fromCharCode(64 + schema.services.columns.length)}1`,
    ]);
    for (const name of ['SLM_Services', 'SLM_Incidents']) expect(ss.getRangeByName(name)?.getRow()).toBe(1);
    expect(ss.getRangeByName('SLM_Services')!.getNumColumns()).toBe(schema.services.columns.length);
    const after = workbookState(rt);
    expect(after.map((t) => t.values)).toEqual(before.map((t) => t.values));
    expect(rt.global.setUpWorkbook().repairedTabs).toEqual([]);
  });

  test('the uploaded .xlsx template (names bounded to its rows, no charts) gets whole-column names and the two trend charts; no cell changes', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const dashboard = ss.getSheetByName('Trend charts')!;
    expect(dashboard.getCharts()).toHaveLength(2);
    // As offline/xlsx.ts writes them, and as the upload brings them back.
    dashboard.getCharts().forEach((c) => {
      dashboard.removeChart(c);
    });
    const incidents = ss.getSheetByName('Incidents')!;
    ss.setNamedRange('SLM_Incidents', incidents.getRange(1, 1, incidents.getMaxRows(), schema.incidents.columns.length));
    const before = workbookState(rt);

    const report = rt.global.setUpWorkbook();
    expect(report.repairedTabs).toEqual(expect.arrayContaining(['Trend charts', 'Incidents']));
    expect(dashboard.getCharts()).toHaveLength(2);
    expect(ss.getRangeByName('SLM_Incidents')!.getA1Notation()).toMatch(/^A:[A-Z]+$/);
    expect(workbookState(rt).map((t) => t.values)).toEqual(before.map((t) => t.values));
    expect(rt.global.setUpWorkbook().repairedTabs).toEqual([]);
    expect(dashboard.getCharts()).toHaveLength(2);
  });

  test('a workbook made before the charts had a tab of their own gets the Trend charts tab, after the Dashboard, with its two charts; no cell changes', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    ss.deleteSheet(ss.getSheetByName('Trend charts')!);
    const before = workbookState(rt);
    const report = rt.global.setUpWorkbook();
    expect(report.createdTabs).toEqual(['Trend charts']);
    expect(
      ss
        .getSheets()
        .map((s) => s.getName())
        .slice(0, 4),
    ).toEqual(['Start here', 'Dashboard', 'Trend charts', 'Findings']);
    expect(ss.getSheetByName('Trend charts')!.getCharts()).toHaveLength(2);
    expect(ss.getSheetByName('Trend charts')!.getRange('A1').getValue()).toBe('Trend charts: the last 12 months');
    const kept = workbookState(rt).filter((t) => t.name !== 'Trend charts');
    expect(kept.map((t) => t.values)).toEqual(before.map((t) => t.values));
  });

  test('the menu action says what it did, and offers the example school only to an empty workbook', () => {
    const rt = loadedRuntime();
    rt.ui.respond('NO');
    rt.global.menuSetUpWorkbook();
    expect(rt.ui.alerts[0].prompt).toMatch(
      /^Created 20 tabs \(Start here, Dashboard, Findings, Trend charts, Open items, Trends, Services.*Settings\)\. Added 5 settings with their defaults to the Settings tab\./,
    );
    expect(rt.ui.alerts[0].prompt).toMatch(/The workbook is empty\. Load the example school/);
    expect((rt.spreadsheet as unknown as Ss).getSheetByName('Services')!.getLastRow()).toBe(1);
    rt.ui.respond('YES');
    rt.global.menuSetUpWorkbook();
    expect(rt.ui.alerts[1].prompt).toMatch(/^Every tab and column is already in place; nothing was changed\./);
    expect((rt.spreadsheet as unknown as Ss).getSheetByName('Services')!.getLastRow()).toBeGreaterThan(5);
    const alerts = rt.ui.alerts.length;
    rt.global.menuSetUpWorkbook();
    expect(rt.ui.alerts).toHaveLength(alerts);
    expect(rt.spreadsheet.toasts.at(-1)?.message).toBe('Every tab and column is already in place; nothing was changed.');
  });

  test('user text in a text column stays text, never a formula', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Incidents')!;
    const col = schema.incidents.columns.findIndex((c) => c.header === 'Summary') + 1;
    sheet.getRange(2, col).setValue('=IMPORTXML("http://x","//a")');
    expect(sheet.getRange(2, col).getFormula()).toBe('');
    expect(sheet.getRange(2, col).getValue()).toBe('=IMPORTXML("http://x","//a")');
  });
});

describe('Load example school', () => {
  test('fills an empty workbook without asking, one setValues per tab', () => {
    const rt = loadedRuntime();
    rt.global.setUpWorkbook();
    rt.calls.reset();
    const rows = rt.global.loadExampleSchool(NOW);
    expect(rows).toBeGreaterThan(150);
    // The example has no documents, comments or hold intervals (its holds are typed as hours); its settings are the defaults Set up wrote.
    const filled = tabOrder().filter((k) => k !== 'documents' && k !== 'comments' && k !== 'holds' && k !== 'settings').length;
    // One more: the example's row fingerprints on their hidden tab, for Clear example school.
    expect(rt.calls.count('Range.setValues')).toBe(filled + 1);
    expect(rt.ui.alerts).toHaveLength(0);
  });

  test('into a workbook with data only after the user says yes, and it adds rows, never replaces', () => {
    const rt = exampleRuntime();
    const before = workbookState(rt);
    rt.ui.respond('NO');
    rt.global.menuLoadExample();
    expect(rt.ui.alerts[0].prompt).toMatch(/already have rows/);
    expect(workbookState(rt)).toEqual(before);
    rt.ui.respond('YES');
    rt.global.menuLoadExample();
    const after = workbookState(rt);
    for (const [i, tab] of before.entries()) expect(after[i].values.slice(0, tab.values.length)).toEqual(tab.values);
    expect(after.find((t) => t.name === 'Services')!.values.length).toBe(2 * before.find((t) => t.name === 'Services')!.values.length - 1);
  });
});

describe('Check workbook', () => {
  test('reads each tab with one getValues() and reports problems by tab, row and column', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Incidents')!;
    const col = schema.incidents.columns.findIndex((c) => c.header === 'Opened') + 1;
    sheet.getRange(5, col).setValue('not a date');
    rt.calls.reset();
    const problems = rt.global.checkWorkbook();
    expect(rt.calls.count('Range.getValues')).toBe(tabOrder().length);
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Incidents', row: 5, column: 'Opened', value: 'not a date', severity: 'error' }));
    expect(problems).toContainEqual(expect.objectContaining({ tab: 'Incidents', column: 'Service ID', value: 'LIBRARY', severity: 'warning' }));
  });

  test('the dialog escapes sheet text', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Services')!;
    const col = schema.services.columns.findIndex((c) => c.header === 'Priority rank') + 1;
    sheet.getRange(2, col).setValue('<img src=x onerror=alert(1)>');
    rt.global.menuCheckWorkbook();
    const html = rt.ui.shown[rt.ui.shown.length - 1].output.getContent();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
