import { tabOrder, workbookSchema } from '../../../src/core/schema/workbook';
import type { TabKey } from '../../../src/core/schema/types';
import { columnLetters, planSetup, type ExistingTab } from '../../../src/core/setup/plan';

const header = (key: TabKey): string[] => workbookSchema()[key].columns.map((c) => c.header);
/** A tab as read: its row 1 and, by default, data under every header. */
const tab = (row1: readonly unknown[], more: Partial<ExistingTab> = {}): ExistingTab => ({
  header: row1,
  lastColumn: row1.length,
  lastRow: 5,
  headerlessColumns: [],
  ...more,
});
const complete = (): Partial<Record<TabKey, ExistingTab>> => Object.fromEntries(tabOrder().map((k) => [k, tab(header(k))]));

describe('planSetup', () => {
  test('an empty spreadsheet gets every tab with every column', () => {
    const plan = planSetup({});
    expect(plan.steps.map((s) => s.tab.key)).toEqual(tabOrder());
    expect(plan.steps.every((s) => s.create && s.firstNewColumn === 1 && s.addColumns.length === s.tab.columns.length)).toBe(true);
    expect(plan.finish).toEqual(tabOrder());
    expect(plan.leftAlone).toEqual([]);
  });

  test('a complete workbook needs nothing, whatever the column order or extra columns', () => {
    const headers = Object.fromEntries(tabOrder().map((k) => [k, tab(['Extra', ...header(k).reverse()])]));
    expect(planSetup(headers)).toEqual({ renames: [], steps: [], finish: tabOrder(), leftAlone: [] });
  });

  test('a missing column goes after the last column holding anything, never in between or over a cell in use', () => {
    const headers = complete();
    headers.incidents = tab([...header('incidents').filter((h) => h !== 'On hold (h)'), 'My column', '', ''], { lastColumn: 20 });
    const plan = planSetup(headers);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ create: false, firstNewColumn: 21 });
    expect(plan.steps[0].addColumns.map((c) => c.header)).toEqual(['On hold (h)']);
  });

  test('a column of data with no header while a column is missing: the tab is left as it is, naming the tab and column', () => {
    const headers = complete();
    const row1 = header('incidents').map((h) => (h === 'Summary' ? '' : h));
    headers.incidents = tab([...row1, ''], { headerlessColumns: [5, 18] });
    const plan = planSetup(headers);
    expect(plan.steps).toEqual([]);
    expect(plan.finish).not.toContain('incidents');
    expect(plan.leftAlone).toHaveLength(2);
    expect(plan.leftAlone[0]).toMatch(/^Incidents, column E: it holds data but E1 has no header, and the tab has no "Summary" column/);
    expect(plan.leftAlone[1]).toMatch(/^Incidents, column R: /);
    // With every column present, a headerless column of the user's is simply theirs.
    headers.incidents = tab([...header('incidents'), ''], { headerlessColumns: [18] });
    expect(planSetup(headers)).toMatchObject({ steps: [], leftAlone: [] });
  });

  test('a tab whose row 1 names none of its columns (data with no header row) is left as it is; an empty one is set up', () => {
    const headers = complete();
    headers.services = tab(['EMAIL', 'Email', 'Staff and student email', 3]);
    const plan = planSetup(headers);
    expect(plan.steps).toEqual([]);
    expect(plan.finish).not.toContain('services');
    expect(plan.leftAlone).toEqual([expect.stringMatching(/^Services: row 1 holds none of the tab's headers \(Service ID, Service, /)]);
    headers.services = tab([], { lastColumn: 0, lastRow: 0 });
    expect(planSetup(headers).steps).toEqual([expect.objectContaining({ create: false, firstNewColumn: 1 })]);
  });

  test('a tab renamed by the user is found by its headers and renamed back, not made again; several candidates: none is chosen', () => {
    const headers = complete();
    delete headers.incidents;
    const renamed = { name: 'Incident log', ...tab(header('incidents')) };
    const unrelated = { name: 'Budget', ...tab(['Item', 'Cost']) };
    // A copy of a tab that is present is the user's own.
    const copy = { name: 'Services 2025', ...tab(header('services')) };
    let plan = planSetup(headers, [unrelated, renamed, copy]);
    expect(plan.renames).toEqual([{ key: 'incidents', from: 'Incident log', to: 'Incidents' }]);
    expect(plan.steps).toEqual([]);
    expect(plan.finish).toContain('incidents');
    plan = planSetup(headers, [renamed, { ...renamed, name: 'Old incidents' }]);
    expect(plan.renames).toEqual([]);
    expect(plan.steps).toEqual([]);
    expect(plan.leftAlone).toEqual([expect.stringMatching(/^Incidents: no tab has this name, and tabs "Incident log", "Old incidents" all have its headers/)]);
    // Two of a tab's headers are not enough to take a tab for it.
    expect(planSetup(headers, [{ name: 'Notes', ...tab(['Ref', 'Service ID', 'Type', 'Priority', 'Opened']) }]).steps.map((s) => s.tab.key)).toEqual([
      'incidents',
    ]);
  });

  test('an empty tab of the name beside a tab of its headers with rows is pointed out, and nothing is renamed', () => {
    const headers = complete();
    headers.incidents = tab(header('incidents'), { lastRow: 1 });
    const plan = planSetup(headers, [
      { name: 'Incident log', ...tab(header('incidents'), { lastRow: 251 }) },
      { name: 'Empty copy', ...tab(header('incidents'), { lastRow: 1 }) },
    ]);
    expect(plan.renames).toEqual([]);
    expect(plan.finish).toContain('incidents');
    expect(plan.leftAlone).toEqual([
      'Incidents: this tab has no rows, while "Incident log" has its headers and 250 rows; the add-in and the Dashboard read the tab named "Incidents". If "Incident log" is the one to use, delete the empty "Incidents" tab and run Set up workbook again: it will give "Incident log" the name.',
    ]);
  });

  test('column letters', () => {
    expect([1, 5, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
