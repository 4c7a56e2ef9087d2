import { DASHBOARD_CELLS, dashboardCells, lastMonthFormulas } from '../../../src/core/dashboard';
import { namedRangeName } from '../../../src/core/schema/workbook';

/** The value at an A1 cell of a grid starting at A1. */
const cellAt = (grid: (string | number)[][], a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return grid[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
};

describe('Dashboard cells', () => {
  // 18 November 2026, 09:00 in London.
  const grid = dashboardCells(Date.UTC(2026, 10, 18, 9), 'Europe/London');

  test('a rectangle of rows, with the period inputs and one attainment formula where DASHBOARD_CELLS says', () => {
    expect(new Set(grid.map((r) => r.length)).size).toBe(1);
    // Last month as fixed dates: Sheets refuses a custom function whose arguments read TODAY() or NOW().
    expect(cellAt(grid, DASHBOARD_CELLS.periodStart)).toBe('=DATE(2026,10,1)');
    expect(cellAt(grid, DASHBOARD_CELLS.periodEnd)).toBe('=DATE(2026,10,31)');
    expect(grid.flat().some((v) => /TODAY|NOW|RAND/i.test(String(v)))).toBe(false);
    const formula = String(cellAt(grid, DASHBOARD_CELLS.table));
    expect(formula).toMatch(new RegExp(`^=SLM_ATTAINMENT\\(${DASHBOARD_CELLS.periodStart},${DASHBOARD_CELLS.periodEnd},`));
    for (const key of ['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as const) expect(formula).toContain(namedRangeName(key));
    expect(grid.flat().filter((v) => String(v).startsWith('=SLM_'))).toHaveLength(1);
  });

  test('nothing sits in the way of the table as it spills down and right', () => {
    const row = Number(DASHBOARD_CELLS.table.slice(1));
    expect(
      grid
        .slice(row)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(grid[row - 1].slice(1).every((v) => v === '')).toBe(true);
  });
});

test("last month is read on the spreadsheet's own calendar: just after midnight on 1 March in Sydney is still February in UTC", () => {
  expect(lastMonthFormulas(Date.UTC(2026, 1, 28, 14), 'Australia/Sydney')).toEqual({ start: '=DATE(2026,2,1)', end: '=DATE(2026,2,28)' });
  expect(lastMonthFormulas(Date.UTC(2026, 1, 28, 14), 'UTC')).toEqual({ start: '=DATE(2026,1,1)', end: '=DATE(2026,1,31)' });
  expect(lastMonthFormulas(Date.UTC(2024, 2, 15), 'Europe/London')).toEqual({ start: '=DATE(2024,2,1)', end: '=DATE(2024,2,29)' });
  expect(lastMonthFormulas(Date.UTC(2027, 0, 5), 'Europe/London')).toEqual({ start: '=DATE(2026,12,1)', end: '=DATE(2026,12,31)' });
});
