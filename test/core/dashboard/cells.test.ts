import { DASHBOARD_CELLS, dashboardCells } from '../../../src/core/dashboard';
import { namedRangeName } from '../../../src/core/schema/workbook';

/** The value at an A1 cell of a grid starting at A1. */
const cellAt = (grid: (string | number)[][], a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return grid[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
};

describe('Dashboard cells', () => {
  const grid = dashboardCells();

  test('a rectangle of rows, with the period inputs and one attainment formula where DASHBOARD_CELLS says', () => {
    expect(new Set(grid.map((r) => r.length)).size).toBe(1);
    expect(cellAt(grid, DASHBOARD_CELLS.periodStart)).toBe('=EOMONTH(TODAY(),-2)+1');
    expect(cellAt(grid, DASHBOARD_CELLS.periodEnd)).toBe('=EOMONTH(TODAY(),-1)');
    const formula = String(cellAt(grid, DASHBOARD_CELLS.table));
    expect(formula).toMatch(new RegExp(`^=SLM_ATTAINMENT\\(${DASHBOARD_CELLS.periodStart},${DASHBOARD_CELLS.periodEnd},`));
    for (const key of ['services', 'sla', 'targets', 'incidents', 'calendars', 'closures'] as const) expect(formula).toContain(namedRangeName(key));
    expect(grid.flat().filter((v) => String(v).startsWith('=SLM_'))).toHaveLength(1);
  });

  test('nothing sits in the way of the table as it spills down and right', () => {
    const row = Number(DASHBOARD_CELLS.table.slice(1));
    expect(grid.slice(row).flat().every((v) => v === '')).toBe(true);
    expect(grid[row - 1].slice(1).every((v) => v === '')).toBe(true);
  });
});
