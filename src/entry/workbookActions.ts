import type { SetupReport } from '../api';
import type { ExampleData } from '../core/example/data';
import { buildExampleSchool, EXAMPLE_FILE } from '../core/example/school';
import { importMemoryTab, tabOrder } from '../core/schema/workbook';
import { writeWaitingCalls } from './callForm';
import { planSetup, type SetupPlan } from '../core/setup/plan';
import { listedProblems, type Problem } from '../core/workbook/problems';
import { problemsHtml } from '../core/workbook/problemsHtml';
import { withDocumentLock } from '../adapters/lock';
import { plural } from '../core/text';
import {
  appendRecords,
  appendRecordsAt,
  applySetup,
  ensureFormulaTab,
  finishTabs,
  isUntouched,
  readColumn,
  readSetupState,
  readWorkbook,
  tabsWithData,
} from '../adapters/sheets';
import { missingSettingRows } from '../core/settings/parse';
import { OPEN_ITEMS_TAB, openItemsCells } from '../core/monitor/openItemsView';
import { formatOpenItems } from '../adapters/openItems';
import { CHARTS_TAB, chartsCells, TREND_CHARTS, TRENDS_TAB, trendFormulas, trendsCells } from '../core/monitor/trendsView';
import { addTrendCharts } from '../adapters/charts';
import { formulaTabLayouts } from '../core/dashboard/layout';
import { formatFormulaTab, updateFormula } from '../adapters/formulaTabs';
import {
  attainmentFormula,
  attainmentFormulaWithoutSettings,
  DASHBOARD_CELLS,
  FINDINGS_TABLE,
  findingsFormulaWithoutSettings,
  lastMonthFormulas,
  VOLATILE_PERIOD_FORMULAS,
} from '../core/dashboard';
import { instantArg } from './arguments';
import { recordExampleRows } from '../adapters/exampleRows';
import { writeStartLinks } from '../adapters/startLinks';
import { START_TAB } from '../core/start/tab';

const TITLE = 'SLM Workbook';

/**
 * Tabs of live formulas after Dashboard and Findings (the Trend charts tab right after the Dashboard), made
 * once and finished when made (never redone over a user's edits). The charts are drawn once both the charts
 * tab and the Trends tab are there (see setUpTabs).
 */
const MONITOR_TABS: ReadonlyArray<{ name: string; cells: () => string[][]; after?: string; finish: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void }> = [
  {
    name: CHARTS_TAB,
    cells: chartsCells,
    after: 'Dashboard',
    finish: (tab) => {
      tab.getRange(1, 1).setFontWeight('bold');
    },
  },
  { name: OPEN_ITEMS_TAB, cells: openItemsCells, finish: formatOpenItems },
  { name: TRENDS_TAB, cells: trendsCells, finish: () => {} },
];

/**
 * Reads the workbook and sets up what can be set up safely: a renamed tab found by its headers gets its name
 * back, missing tabs and columns are made; a tab that cannot be set up without writing over the user's cells
 * or guessing what they hold is left exactly as it is, and the plan says why.
 */
function setUpTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupPlan {
  // The import's hidden memory has the Incidents headers but is never the Incidents tab.
  const formulaTabNames = [...formulaTabLayouts().map((l) => l.name), ...MONITOR_TABS.map((t) => t.name), importMemoryTab().name];
  const { existing, others } = readSetupState(ss, formulaTabNames);
  const plan = planSetup(existing, others);
  applySetup(ss, plan);
  return plan;
}

/** Creates missing tabs and columns; never changes a cell that holds anything. */
export function setUpWorkbook(): SetupReport {
  const report = withDocumentLock((): SetupReport => {
    const ss = SpreadsheetApp.getActive();
    const starter = ss.getSheets();
    const plan = setUpTabs(ss);
    const repairedTabs = finishTabs(ss, plan);
    const addedSettings = addMissingSettings(ss, plan);
    // Tabs of live formulas lead the workbook; made once, then formatted only where the user has not.
    const formulaTabs: string[] = [];
    const layouts = formulaTabLayouts();
    // A Findings tab made before the Settings tab existed is given the Settings range, unless its formula is the user's own.
    const findings = ss.getSheetByName('Findings');
    if (findings && updateFormula(findings, FINDINGS_TABLE.row, FINDINGS_TABLE.col, findingsFormulaWithoutSettings(), FINDINGS_TABLE.formula))
      repairedTabs.push('Findings');
    // Likewise a Dashboard made before statuses read the Settings tab (the fewest items to judge a target).
    const oldDashboard = ss.getSheetByName('Dashboard');
    const table = oldDashboard?.getRange(DASHBOARD_CELLS.table);
    if (oldDashboard && table && updateFormula(oldDashboard, table.getRow(), table.getColumn(), attainmentFormulaWithoutSettings(), attainmentFormula()))
      repairedTabs.push('Dashboard');
    // A Dashboard whose period cells read TODAY() (Sheets refuses them in SLM_ATTAINMENT's arguments) gets
    // last month's dates as fixed DATE formulas; dates or formulas the user typed are left alone.
    if (oldDashboard) {
      const period = lastMonthFormulas(Date.now(), ss.getSpreadsheetTimeZone());
      const [start, end] = [DASHBOARD_CELLS.periodStart, DASHBOARD_CELLS.periodEnd].map((a1) => oldDashboard.getRange(a1));
      const fixed = [
        updateFormula(oldDashboard, start.getRow(), start.getColumn(), VOLATILE_PERIOD_FORMULAS.start, period.start),
        updateFormula(oldDashboard, end.getRow(), end.getColumn(), VOLATILE_PERIOD_FORMULAS.end, period.end),
      ];
      if (fixed.some(Boolean) && !repairedTabs.includes('Dashboard')) repairedTabs.push('Dashboard');
    }
    // Likewise a Trends tab made before trends counted holds is given the Holds range.
    const oldTrends = ss.getSheetByName(TRENDS_TAB);
    if (
      oldTrends &&
      TREND_CHARTS.map(({ measure }) => trendFormulas(measure))
        .map((f) => updateFormula(oldTrends, f.row, 1, f.withoutHolds, f.now))
        .some(Boolean)
    )
      repairedTabs.push(TRENDS_TAB);
    layouts.forEach((layout, i) => {
      const created = ensureFormulaTab(ss, layout.name, layout.cells(Date.now(), ss.getSpreadsheetTimeZone()), i);
      if (created) formulaTabs.push(layout.name);
      if (formatFormulaTab(ss.getSheetByName(layout.name)!, layout) && !created && !repairedTabs.includes(layout.name)) repairedTabs.push(layout.name);
    });
    MONITOR_TABS.forEach((tab, i) => {
      const after = tab.after ? ss.getSheets().findIndex((sheet) => sheet.getName() === tab.after) : -1;
      if (!ensureFormulaTab(ss, tab.name, tab.cells(), after >= 0 ? after + 1 : layouts.length + i)) return;
      tab.finish(ss.getSheetByName(tab.name)!);
      formulaTabs.push(tab.name);
    });
    // The charts are drawn on their tab when it has none: a new workbook, one made before the charts had a tab
    // of their own, and an uploaded .xlsx template (an .xlsx carries no charts).
    const chartsTab = ss.getSheetByName(CHARTS_TAB);
    const trends = ss.getSheetByName(TRENDS_TAB);
    if (chartsTab && trends && chartsTab.getCharts().length === 0) {
      addTrendCharts(chartsTab, trends);
      if (!formulaTabs.includes(CHARTS_TAB) && !repairedTabs.includes(CHARTS_TAB)) repairedTabs.push(CHARTS_TAB);
    }
    // Start here links each step to its tab: the tabs' ids change when a workbook is copied or uploaded, so Set up writes them afresh.
    writeStartLinks(ss);
    if (formulaTabs.includes(START_TAB)) ss.getSheetByName(START_TAB)?.activate();
    const created = plan.steps.filter((s) => s.create);
    // A new spreadsheet's starter tab goes once every tab has been made, and only when nobody has put anything in it.
    if (created.length === tabOrder().length && starter.length === 1 && isUntouched(ss, starter[0])) ss.deleteSheet(starter[0]);
    return {
      createdTabs: [...formulaTabs, ...created.map((s) => s.tab.name)],
      addedColumns: plan.steps.filter((s) => !s.create).flatMap((s) => s.addColumns.map((c) => `${s.tab.name}: ${c.header}`)),
      repairedTabs,
      renamedTabs: plan.renames.map((r) => `Renamed "${r.from}" to "${r.to}": it has the ${r.to} tab's headers, and the add-in finds its tabs by name.`),
      leftAlone: [...plan.leftAlone],
      addedSettings,
    };
  });
  // Set up may have given the Incidents tab its name back: the call form's waiting answers can be written now.
  writeWaitingCalls();
  return report;
}

/**
 * Adds each setting the Settings tab has no row for, with its default and meaning (one read, one write);
 * a row that is there, whatever its value, is never changed. Returns the settings added.
 */
function addMissingSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, plan: SetupPlan): string[] {
  // A Settings tab left as it is (its headers are not ours) is the user's: nothing is written into it.
  const names = plan.finish.includes('settings') ? readColumn(ss, 'settings', 'setting') : undefined;
  if (names === undefined) return [];
  const rows = missingSettingRows(names);
  appendRecords(ss, 'settings', rows);
  return rows.map((r) => r.setting);
}

/**
 * Adds the example school below any existing rows (one write per tab). When the workbook already has rows
 * it asks first, whoever calls (the menu or google.script.run): 0 when the user says no.
 */
export function loadExampleSchool(now?: number): number {
  const at = now === undefined || now === null ? Date.now() : instantArg(now, 'now');
  const ss = SpreadsheetApp.getActive();
  const ui = SpreadsheetApp.getUi();
  const filled = tabsWithData(ss);
  if (filled.length > 0) {
    const answer = ui.alert(
      TITLE,
      `These tabs already have rows: ${filled.join(', ')}.\n\nThe example school will be added below them. Nothing is deleted or changed, but example rows will mix with yours. Continue?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return 0;
  }
  return addExampleSchool(at);
}

function addExampleSchool(now: number): number {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    // Only into tabs set up in full: a tab left as it is (no header row, a headerless column, two candidates) gets nothing.
    const plan = setUpTabs(ss);
    // The example's settings are the defaults: only the rows the tab lacks are added, never a second row.
    const written = addMissingSettings(ss, plan).length;
    const data = JSON.parse(HtmlService.createHtmlOutputFromFile(EXAMPLE_FILE).getContent()) as ExampleData;
    const school = buildExampleSchool(data, now, ss.getSpreadsheetTimeZone());
    const blocks = plan.finish.filter((key) => key !== 'settings').map((key) => ({ key, ...appendRecordsAt(ss, key, school[key]) }));
    // Each row's fingerprint, so Clear example school removes exactly these rows and nothing the school types.
    recordExampleRows(ss, blocks);
    return blocks.reduce((n, b) => n + b.count, written);
  });
}

/** Every problem in the workbook, read with one getValues() per tab. Changes nothing. */
export function checkWorkbook(): Problem[] {
  return listedProblems(readWorkbook(SpreadsheetApp.getActive()).problems);
}

export function menuSetUpWorkbook(): void {
  const ss = SpreadsheetApp.getActive();
  const ui = SpreadsheetApp.getUi();
  const report = setUpWorkbook();
  const { createdTabs: tabs, addedColumns: cols, repairedTabs: fixed, renamedTabs: renamed, leftAlone: left } = report;
  const done =
    tabs.length + cols.length + fixed.length + renamed.length + report.addedSettings.length === 0
      ? left.length
        ? 'Nothing else needed setting up.'
        : 'Every tab and column is already in place; nothing was changed.'
      : [
          tabs.length && `Created ${plural(tabs.length, 'tab')} (${tabs.join(', ')}).`,
          cols.length && `Added ${plural(cols.length, 'column')} to existing tabs.`,
          fixed.length && `Put right the header or formats of ${fixed.join(', ')}.`,
          renamed.length && `${renamed.join(' ')} Formulas that refer to a renamed tab follow its new name.`,
          report.addedSettings.length &&
            `Added ${plural(report.addedSettings.length, 'setting')} with ${report.addedSettings.length === 1 ? 'its default' : 'their defaults'} to the Settings tab.`,
          'No existing cell was changed.',
        ]
          .filter(Boolean)
          .join(' ');
  const message = left.length === 0 ? done : `${done}\n\nLeft as they are, so nothing of yours changed:\n${left.map((l) => `• ${l}`).join('\n')}`;
  // What was renamed or left alone needs reading, not a toast that fades.
  if (renamed.length + left.length > 0 && tabsWithData(ss).length > 0) {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return;
  }
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
  const rows = loadExampleSchool();
  if (rows > 0) SpreadsheetApp.getActive().toast(`Example school loaded: ${rows} rows.`, TITLE);
}

export function menuCheckWorkbook(): void {
  const all = readWorkbook(SpreadsheetApp.getActive()).problems;
  const problems = listedProblems(all);
  const html = HtmlService.createHtmlOutput(problemsHtml(problems)).setWidth(760).setHeight(460);
  SpreadsheetApp.getUi().showModalDialog(html, `Check workbook: ${plural(all.length, 'problem')}`);
}
