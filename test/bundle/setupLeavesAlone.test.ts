/**
 * Set up workbook on workbooks a school has already made its own (issue 9, item 6): it recognises a renamed
 * tab by its headers, never writes a header over a cell holding anything, never deletes a starter tab
 * someone used, and leaves a tab it cannot set up safely exactly as it is, saying so by tab and column.
 * Every case compares every cell of every tab (value, formula, format, note, colour, weight, dropdown)
 * before and after.
 */
import type { OfflineRuntime } from '../../offline/runtime';
import type { FakeSheet } from '../../offline/sheet';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import { workbookSchema } from '../../src/core/schema/workbook';
import { exampleRuntime, loadedRuntime, NOW } from '../support/offline';

const schema = workbookSchema();
type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything of one tab a person could see or rely on, cell by cell over the whole grid. */
function tabState(sheet: FakeSheet) {
  const cells: Record<string, unknown> = {};
  const grids = {
    value: sheet.values,
    formula: sheet.formulas,
    format: sheet.formats,
    note: sheet.notes,
    weight: sheet.fontWeights,
    background: sheet.backgrounds,
    validation: sheet.validations,
  } as const;
  for (const [kind, grid] of Object.entries(grids)) {
    (grid as { forEach(fn: (r: number, c: number, v: unknown) => void): void }).forEach((r, c, v) => {
      cells[`${kind} ${r},${c}`] =
        Object.prototype.toString.call(v) === '[object Date]'
          ? (v as Date).toISOString()
          : kind === 'validation'
            ? JSON.stringify((v as { state: unknown }).state)
            : v;
    });
  }
  return {
    cells,
    size: [sheet.maxRows, sheet.maxColumns],
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    protections: sheet.protections.map((p) => [p.kind, (p.getRange() as unknown as { getA1Notation(): string }).getA1Notation()]),
    widths: [...sheet.columnWidths],
  };
}

/** Every tab, by the tab object (so a renamed tab is compared with itself), with its name and place. */
function workbookSnapshot(rt: OfflineRuntime) {
  return new Map(rt.spreadsheet.sheets.map((s, i) => [s, { name: s.name, index: i, ...tabState(s) }]));
}

/** Expects every tab in `before` to be unchanged, but for what `allow` says (a new name). */
function expectUnchanged(before: ReturnType<typeof workbookSnapshot>, rt: OfflineRuntime, renamed: Record<string, string> = {}): void {
  const after = workbookSnapshot(rt);
  for (const [sheet, was] of before) {
    expect(rt.spreadsheet.sheets).toContain(sheet);
    const now = after.get(sheet)!;
    expect({ ...now, index: undefined }).toEqual({ ...was, index: undefined, name: renamed[was.name] ?? was.name });
  }
}

const column = (key: 'incidents', header: string) => schema[key].columns.findIndex((c) => c.header === header) + 1;

describe('Set up workbook leaves what it cannot set up safely as it is, and says so', () => {
  test('a renamed Incidents tab is found by its headers and given its name back: no empty tab is made, the named range and figures stay, formulas follow', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const incidents = rt.spreadsheet.sheet('Incidents');
    // The Dashboard's and Findings' cells as Sheets computes them.
    const figures = () => {
      expect(recalculateRuntime(rt, NOW)).toEqual([]);
      return ['Dashboard', 'Findings'].map((t) => tabState(rt.spreadsheet.sheet(t)).cells);
    };
    const computed = figures();
    expect(Object.keys(computed[0]).length).toBeGreaterThan(50);
    ss.getSheetByName('Incidents')!.setName('Incident log');
    const mine = ss.insertSheet('My sums');
    mine.getRange('A1').setFormula("='Incident log'!A2");
    const before = workbookSnapshot(rt);
    // Its one formula is the one thing meant to change: it follows the tab's new name, as in Sheets.
    before.delete(rt.spreadsheet.sheet('My sums'));
    const count = ss.getSheets().length;

    const report = rt.global.setUpWorkbook();

    expect(report.renamedTabs).toEqual(['Renamed "Incident log" to "Incidents": it has the Incidents tab\'s headers, and the add-in finds its tabs by name.']);
    expect(report.createdTabs).toEqual([]);
    expect(report.leftAlone).toEqual([]);
    expect(ss.getSheets()).toHaveLength(count);
    expect(ss.getSheetByName('Incidents')).toBe(incidents);
    expect(ss.getRangeByName('SLM_Incidents')!.getSheet()).toBe(incidents);
    expect(mine.getRange('A1').getFormula()).toBe('=Incidents!A2');
    expectUnchanged(before, rt, { 'Incident log': 'Incidents' });
    // The Dashboard's figures are what they were, not zero; Check workbook and the panel read the tab again.
    expect(figures()).toEqual(computed);
    expect(rt.global.checkWorkbook().filter((p: { tab: string; row: number }) => p.tab === 'Incidents' && p.row === 0)).toEqual([]);
    expect(rt.global.setUpWorkbook()).toEqual({ createdTabs: [], addedColumns: [], repairedTabs: [], renamedTabs: [], leftAlone: [], addedSettings: [] });
  });

  test('the menu tells the user which tab it renamed and why, in a dialog rather than a toast', () => {
    const rt = exampleRuntime();
    (rt.spreadsheet as unknown as Ss).getSheetByName('Reviews')!.setName('Review log');
    rt.global.menuSetUpWorkbook();
    expect(rt.ui.alerts.at(-1)!.prompt).toBe(
      'Renamed "Review log" to "Reviews": it has the Reviews tab\'s headers, and the add-in finds its tabs by name. Formulas that refer to a renamed tab follow its new name. No existing cell was changed.',
    );
  });

  test('an empty Incidents tab beside the renamed one holding the rows (as an earlier setup left it) is pointed out, nothing changed', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const log = ss.getSheetByName('Incidents')!;
    log.setName('Incident log');
    const empty = ss.insertSheet('Incidents');
    empty.getRange(1, 1, 1, schema.incidents.columns.length).setValues([schema.incidents.columns.map((c) => c.header)]);
    ss.setNamedRange('SLM_Incidents', empty.getRange('A:Q'));
    const before = workbookSnapshot(rt);
    const report = rt.global.setUpWorkbook();
    expect(report.leftAlone).toEqual([expect.stringMatching(/^Incidents: this tab has no rows, while "Incident log" has its headers and \d{3} rows/)]);
    expect(report.renamedTabs).toEqual([]);
    // The empty tab is set up as any tab is (frozen, protected header); the user's tabs keep every cell.
    before.delete(rt.spreadsheet.sheet('Incidents'));
    expectUnchanged(before, rt);
  });

  test('two tabs with the Incidents headers and none named Incidents: neither is renamed, none is made, and the dialog says so', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const values = ss.getSheetByName('Incidents')!.getDataRange().getValues();
    ss.getSheetByName('Incidents')!.setName('Incidents 2025');
    ss.insertSheet('Incidents 2026').getRange(1, 1, 1, values[0].length).setValues([values[0]]);
    const before = workbookSnapshot(rt);
    rt.global.menuSetUpWorkbook();
    expectUnchanged(before, rt);
    expect(ss.getSheetByName('Incidents')).toBeNull();
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(
      /Left as they are, so nothing of yours changed:\n• Incidents: no tab has this name, and tabs "Incidents 2025", "Incidents 2026" all have its headers/,
    );
  });

  test("a deleted header with a column of data under it, and a column of the user's with data but no header: no header is written, no cell formatted", () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Incidents')!;
    const width = schema.incidents.columns.length;
    sheet.getRange(1, column('incidents', 'Summary')).setValue('');
    sheet.getRange(2, width + 1, 3, 1).setValues([['room 4'], ['room 9'], ['hall']]);
    const before = workbookSnapshot(rt);

    const report = rt.global.setUpWorkbook();

    expectUnchanged(before, rt);
    expect(report.addedColumns).toEqual([]);
    expect(report.leftAlone).toEqual([
      expect.stringMatching(
        /^Incidents, column E: it holds data but E1 has no header, and the tab has no "Summary" column, so the tab was left as it is\. Type the column's header in E1 \("Summary" if that is what it holds\)/,
      ),
      expect.stringMatching(/^Incidents, column R: it holds data but R1 has no header/),
    ]);
    rt.global.menuSetUpWorkbook();
    expectUnchanged(before, rt);
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(
      /^Nothing else needed setting up\.\n\nLeft as they are, so nothing of yours changed:\n• Incidents, column E: .*\n• Incidents, column R: /,
    );
    // Once the user types the header back, the tab is set up again.
    sheet.getRange(1, column('incidents', 'Summary')).setValue('Summary');
    expect(rt.global.setUpWorkbook().leftAlone).toEqual([]);
  });

  test('a missing column goes past every cell in use: a header cell holding only a note is not written over', () => {
    const rt = exampleRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const sheet = ss.getSheetByName('Reviews')!;
    const values = sheet.getDataRange().getValues();
    const status = values[0].indexOf('Status');
    expect(status).toBe(values[0].length - 1);
    sheet.getRange(1, status + 1, values.length, 1).clear();
    sheet.getRange(1, status + 2).setNote('keep this column free');
    sheet.getRange(3, status + 3).setBackground('#ffff00');
    const before = tabState(rt.spreadsheet.sheet('Reviews'));

    const report = rt.global.setUpWorkbook();

    expect(report.addedColumns).toEqual(['Reviews: Status']);
    const after = tabState(rt.spreadsheet.sheet('Reviews'));
    // Every cell that held anything before holds the same now; the new column went to the first free one.
    for (const [cell, v] of Object.entries(before.cells)) expect({ cell, v: after.cells[cell] }).toEqual({ cell, v });
    expect(sheet.getRange(1, status + 2).getValue()).toBe('');
    expect(sheet.getRange(1, status + 3).getValue()).toBe('Status');
  });

  test.each([
    [
      'a note',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.getRange('C7').setNote('ring the supplier');
      },
    ],
    [
      'a colour',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.getRange('B2:D4').setBackground('#fce5cd');
      },
    ],
    [
      'a number format',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.getRange('A1:A20').setNumberFormat('0.00');
      },
    ],
    [
      'bold text formatting',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.getRange('A1').setFontWeight('bold');
      },
    ],
    [
      'a frozen row',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.setFrozenRows(1);
      },
    ],
    [
      'a formula showing nothing',
      (s: GoogleAppsScript.Spreadsheet.Sheet) => {
        s.getRange('A1').setFormula('=""');
      },
    ],
  ])("a new spreadsheet's starter tab holding only %s is kept", (_what, touch) => {
    const rt = loadedRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const starter = ss.getSheets()[0];
    touch(starter);
    const before = workbookSnapshot(rt);
    rt.global.setUpWorkbook();
    expectUnchanged(before, rt);
    expect(ss.getSheetByName('Sheet1')).toBe(starter);
  });

  test.each([
    ['data from row 1', 1],
    ['a blank row 1 and data below it', 2],
  ])('a tab with %s but no header row is left as it is: no header after its data, no data row frozen or protected', (_what, firstRow) => {
    const rt = loadedRuntime();
    const ss = rt.spreadsheet as unknown as Ss;
    const services = ss.insertSheet('Services');
    services.getRange(firstRow, 1, 2, 4).setValues([
      ['EMAIL', 'Email', 'Staff and student email', 3],
      ['PRINT', 'Printing', 'Printers in every room', 5],
    ]);
    const before = workbookSnapshot(rt);

    const report = rt.global.setUpWorkbook();

    expectUnchanged(before, rt);
    expect(services.getFrozenRows()).toBe(0);
    expect(report.createdTabs).not.toContain('Services');
    expect(report.leftAlone).toEqual([
      expect.stringMatching(/^Services: row 1 holds none of the tab's headers \(Service ID, Service, .*Insert a row above the data and type the headers in it/),
    ]);
    // Every other tab is set up as usual, and the example school goes only into tabs set up in full.
    expect(report.createdTabs).toContain('Incidents');
    rt.ui.respond('YES');
    expect(rt.global.loadExampleSchool(NOW)).toBeGreaterThan(100);
    expectUnchanged(new Map([...before].filter(([sheet]) => sheet.name === 'Services')), rt);
    expect(ss.getSheetByName('Incidents')!.getLastRow()).toBeGreaterThan(100);
  });
});
