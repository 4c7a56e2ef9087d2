/**
 * The Dashboard's period cells are fixed dates, never TODAY(): Sheets refuses SLM_ATTAINMENT when a cell it
 * reads holds a volatile function. Set up repairs a Dashboard made with the earlier TODAY() formulas and
 * leaves dates the user typed alone.
 */
import { DASHBOARD_CELLS, VOLATILE_PERIOD_FORMULAS } from '../../src/core/dashboard';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import { VOLATILE_ARGUMENT_MESSAGE } from '../../offline/recalc';
import { exampleRuntime, NOW } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const dashboard = (rt: ReturnType<typeof exampleRuntime>) => (rt.spreadsheet as unknown as Ss).getSheetByName('Dashboard')!;

test("a Dashboard made with TODAY() fails as Sheets fails it; Set up gives it last month's dates and it evaluates again", () => {
  const rt = exampleRuntime();
  rt.run(`Date.now = () => ${NOW};`);
  const sheet = dashboard(rt);
  sheet.getRange(DASHBOARD_CELLS.periodStart).setFormula(VOLATILE_PERIOD_FORMULAS.start);
  sheet.getRange(DASHBOARD_CELLS.periodEnd).setFormula(VOLATILE_PERIOD_FORMULAS.end);
  const refused = recalculateRuntime(rt, NOW).filter((p) => p.tab === 'Dashboard');
  expect(refused.map((p) => [p.cell, p.message])).toEqual([[DASHBOARD_CELLS.table, VOLATILE_ARGUMENT_MESSAGE]]);

  const report = rt.global.setUpWorkbook();
  expect(JSON.stringify(report)).toContain('Dashboard');
  expect([sheet.getRange(DASHBOARD_CELLS.periodStart).getFormula(), sheet.getRange(DASHBOARD_CELLS.periodEnd).getFormula()]).toEqual([
    '=DATE(2026,10,1)',
    '=DATE(2026,10,31)',
  ]);
  expect(recalculateRuntime(rt, NOW).filter((p) => p.tab === 'Dashboard')).toEqual([]);
  expect(sheet.getRange(DASHBOARD_CELLS.periodStart).getDisplayValue()).toBe('1 Oct 2026');
});

test('dates the user typed in the period cells are left as they are by Set up', () => {
  const rt = exampleRuntime();
  const sheet = dashboard(rt);
  sheet.getRange(DASHBOARD_CELLS.periodStart).setValue(new Date(Date.UTC(2026, 8, 1)));
  sheet.getRange(DASHBOARD_CELLS.periodEnd).setFormula('=DATE(2026,12,19)');
  rt.global.setUpWorkbook();
  expect((sheet.getRange(DASHBOARD_CELLS.periodStart).getValue() as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
  expect(sheet.getRange(DASHBOARD_CELLS.periodEnd).getFormula()).toBe('=DATE(2026,12,19)');
});
