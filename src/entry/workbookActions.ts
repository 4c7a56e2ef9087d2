import type { SetupReport } from '../api';
import type { ExampleData } from '../core/example/data';
import { buildExampleSchool, EXAMPLE_FILE } from '../core/example/school';
import { tabOrder, workbookSchema } from '../core/schema';
import { planSetup } from '../core/setup/plan';
import { parseWorkbook, problemsHtml, recordsToRows, type Problem } from '../core/workbook';
import { withDocumentLock } from '../adapters/lock';
import { applySetup, ensureFormulaTab, readHeaders, readWorkbookValues } from '../adapters/sheets';
import { dashboardCells, findingsCells } from '../core/dashboard';

const TITLE = 'SLM Workbook';

/** Tabs of live formulas, placed first, created once and then left to the user. */
const FORMULA_TABS: ReadonlyArray<readonly [name: string, cells: () => (string | number)[][]]> = [
  ['Dashboard', dashboardCells],
  ['Findings', findingsCells],
];

/** Creates missing tabs and columns; never changes a cell that holds data. */
export function setUpWorkbook(): SetupReport {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const plan = planSetup(readHeaders(ss));
    applySetup(ss, plan);
    const formulaTabs = [...FORMULA_TABS].filter(([name, cells], i) => ensureFormulaTab(ss, name, cells(), i)).map(([name]) => name);
    removeBlankStarterSheet(ss);
    return {
      createdTabs: [...formulaTabs, ...plan.filter((s) => s.create).map((s) => s.tab.name)],
      addedColumns: plan.filter((s) => !s.create).flatMap((s) => s.addColumns.map((c) => `${s.tab.name}: ${c.header}`)),
      exampleLoaded: false,
    };
  });
}

/** A new spreadsheet's empty "Sheet1" is removed once the real tabs exist; anything with content stays. */
function removeBlankStarterSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const names = new Set<string>([...tabOrder().map((k) => workbookSchema()[k].name), ...FORMULA_TABS.map(([name]) => name)]);
  const extra = ss.getSheets().filter((s) => !names.has(s.getName()));
  if (extra.length === 1 && ss.getSheets().length > 1 && extra[0].getLastRow() === 0 && extra[0].getLastColumn() === 0) ss.deleteSheet(extra[0]);
}

/** Tabs that already hold rows below the header. */
function tabsWithData(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  return tabOrder().map((k) => ss.getSheetByName(workbookSchema()[k].name)).filter((s) => s && s.getLastRow() > 1).map((s) => s!.getName());
}

/**
 * Adds the example school below any existing rows (one write per tab). The caller must have asked the
 * user first when the workbook already has data.
 */
export function loadExampleSchool(now = Date.now()): number {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    applySetup(ss, planSetup(readHeaders(ss)));
    const data = JSON.parse(HtmlService.createHtmlOutputFromFile(EXAMPLE_FILE).getContent()) as ExampleData;
    const school = buildExampleSchool(data, now, ss.getSpreadsheetTimeZone());
    const schema = workbookSchema();
    let written = 0;
    for (const key of tabOrder()) {
      const records = school[key];
      if (records.length === 0) continue;
      const sheet = ss.getSheetByName(schema[key].name)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const rows = recordsToRows(schema[key], header, records);
      sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
      written += rows.length;
    }
    return written;
  });
}

/** Every problem in the workbook, read with one getValues() per tab. Changes nothing. */
export function checkWorkbook(): Problem[] {
  const ss = SpreadsheetApp.getActive();
  return parseWorkbook(readWorkbookValues(ss), ss.getSpreadsheetTimeZone()).problems;
}

export function menuSetUpWorkbook(): void {
  const ss = SpreadsheetApp.getActive();
  const ui = SpreadsheetApp.getUi();
  const report = setUpWorkbook();
  const changes = report.createdTabs.length + report.addedColumns.length;
  const message = changes === 0
    ? 'Every tab and column is already in place; nothing was changed.'
    : `Created ${report.createdTabs.length} tab(s)${report.createdTabs.length ? ` (${report.createdTabs.join(', ')})` : ''} and added ${report.addedColumns.length} column(s) to existing tabs. No existing cell was changed.`;
  if (tabsWithData(ss).length === 0) {
    const answer = ui.alert(TITLE, `${message}\n\nThe workbook is empty. Load the example school so you can see how it works?`, ui.ButtonSet.YES_NO);
    if (answer === ui.Button.YES) {
      const rows = loadExampleSchool();
      ss.toast(`Example school loaded: ${rows} rows.`, TITLE);
      return;
    }
  }
  ss.toast(message, TITLE);
}

export function menuLoadExample(): void {
  const ss = SpreadsheetApp.getActive();
  const ui = SpreadsheetApp.getUi();
  const filled = tabsWithData(ss);
  if (filled.length > 0) {
    const answer = ui.alert(
      TITLE,
      `These tabs already have rows: ${filled.join(', ')}.\n\nThe example school will be added below them. Nothing is deleted or changed, but example rows will mix with yours. Continue?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
  }
  const rows = loadExampleSchool();
  ss.toast(`Example school loaded: ${rows} rows.`, TITLE);
}

export function menuCheckWorkbook(): void {
  const problems = checkWorkbook();
  const html = HtmlService.createHtmlOutput(problemsHtml(problems)).setWidth(760).setHeight(460);
  SpreadsheetApp.getUi().showModalDialog(html, `Check workbook: ${problems.length} problem(s)`);
}

export function menuHelp(): void {
  const html = HtmlService.createHtmlOutputFromFile('Help').setWidth(520).setHeight(320);
  SpreadsheetApp.getUi().showModalDialog(html, 'SLM Workbook help');
}
