import { tabOrder, workbookSchema } from '../../../src/core/schema/workbook';
import type { TabKey } from '../../../src/core/schema/types';
import { planSetup } from '../../../src/core/setup/plan';

const header = (key: TabKey): string[] => workbookSchema()[key].columns.map((c) => c.header);

describe('planSetup', () => {
  test('an empty spreadsheet gets every tab with every column', () => {
    const plan = planSetup({});
    expect(plan.map((s) => s.tab.key)).toEqual(tabOrder());
    expect(plan.every((s) => s.create && s.firstNewColumn === 1 && s.addColumns.length === s.tab.columns.length)).toBe(true);
  });

  test('a complete workbook needs nothing, whatever the column order or extra columns', () => {
    const headers = Object.fromEntries(tabOrder().map((k) => [k, ['Extra', ...header(k).reverse()]]));
    expect(planSetup(headers)).toEqual([]);
  });

  test('a missing column is appended after the last used column, never in between', () => {
    const headers = Object.fromEntries(tabOrder().map((k) => [k, header(k)]));
    headers.incidents = [...header('incidents').filter((h) => h !== 'On hold (h)'), 'My column', '', ''];
    const plan = planSetup(headers);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ create: false, firstNewColumn: header('incidents').length + 1 });
    expect(plan[0].addColumns.map((c) => c.header)).toEqual(['On hold (h)']);
  });
});
