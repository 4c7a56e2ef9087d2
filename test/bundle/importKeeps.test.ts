/**
 * Issue 23, the way in: an import writes only the cells it changes (formulas anywhere survive, rows the
 * file does not name are never written), keeps a value a person has corrected since the last import
 * (listing it, with a choice to take the export's), matches Refs whatever their case and spaces and never
 * rewrites one, and importing the same file again changes nothing and says so. On the built bundle, offline.
 */
import { exampleRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rt = ReturnType<typeof exampleRuntime>;
const HEADER = 'Ref,Service ID,Priority,Opened,Summary,Resolved';
const incidents = (rt: Rt) => (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
function cells(rt: Rt) {
  const range = incidents(rt).getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas(), shown: range.getDisplayValues() };
}
const rowOf = (rt: Rt, ref: string) =>
  incidents(rt)
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === ref) + 1;
const col = (rt: Rt, header: string) => incidents(rt).getRange(1, 1, 1, incidents(rt).getLastColumn()).getValues()[0].indexOf(header) + 1;
const shown = (rt: Rt, ref: string, header: string) => incidents(rt).getRange(rowOf(rt, ref), col(rt, header)).getDisplayValue();

const lines = (n: number) => Array.from({ length: n }, (_, i) => `K${i + 1},EMAIL,Medium,2026-01-05 09:00,Call ${i + 1},`);

describe('the import writes only the cells it changes', () => {
  test('a later export with 200 changed rows is written in a few Sheets API calls, not a call per cell; the new values land as typed, text as text', () => {
    const rt = exampleRuntime();
    const rows = lines(2000);
    rt.global.importIncidents(`${HEADER}\n${rows.join('\n')}\n`, null);
    for (let i = 0; i < 2000; i += 10) rows[i] = `K${i + 1},EMAIL,High,2026-01-05 09:00,=HYPERLINK("http://x") ${i + 1},2026-01-06 10:15`;
    rt.calls.reset();
    const result = rt.global.importIncidents(`${HEADER}\n${rows.join('\n')}\n`, null);
    expect(result).toMatchObject({ added: 0, updated: 200, unchanged: 1800 });
    expect(rt.calls.count('Range.setValues')).toBe(0);
    expect(rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBeLessThanOrEqual(4);
    expect(rt.calls.total()).toBeLessThan(60);
    const row = rowOf(rt, 'K11');
    expect(incidents(rt).getRange(row, col(rt, 'Summary')).getValue()).toBe('=HYPERLINK("http://x") 11');
    expect(incidents(rt).getRange(row, col(rt, 'Summary')).getFormula()).toBe('');
    expect((incidents(rt).getRange(row, col(rt, 'Resolved')).getValue() as Date).getTime()).toBe(Date.UTC(2026, 0, 6, 10, 15));
    expect(incidents(rt).getRange(row, col(rt, 'Priority')).getValue()).toBe('High');
  });

  test('a large first import is sent in requests of at most the 2 MB the Sheets API recommends, and every row lands', () => {
    const rt = exampleRuntime();
    const long = 'the printer in the staff room jams on every double-sided job; '.repeat(5);
    const rows = Array.from({ length: 6000 }, (_, i) => `L${i + 1},EMAIL,Medium,2026-01-05 09:00,${long}${i + 1},2026-01-06 10:15`);
    rt.calls.reset();
    const payloads = rt.services.Sheets.Spreadsheets.Values.payloads;
    payloads.length = 0;
    expect(rt.global.importIncidents(`${HEADER}\n${rows.join('\n')}\n`, null)).toMatchObject({ added: 6000 });
    expect(payloads.length).toBeGreaterThan(4);
    expect(Math.max(...payloads)).toBeLessThanOrEqual(2_000_000);
    expect(incidents(rt).getRange(rowOf(rt, 'L6000'), col(rt, 'Summary')).getValue()).toBe(`${long}6000`);
  });

  test('one changed cell in a 2,000-row file: one cell written, every formula and every other cell as it was', () => {
    const rt = exampleRuntime();
    const rows = lines(2000);
    rt.global.importIncidents(`${HEADER}\n${rows.join('\n')}\n`, null);
    const sheet = incidents(rt);
    // A person's own column of formulas, and a formula in a cell the import feeds (Summary of K10).
    const width = sheet.getLastColumn();
    sheet.getRange(1, width + 1).setValue('Days open');
    for (const r of [2, 500, 1000, 1500, 2000]) sheet.getRange(r, width + 1).setFormula(`=ROW()*2`);
    sheet.getRange(rowOf(rt, 'K10'), col(rt, 'Summary')).setFormula('="Call "&"10"');
    sheet.getRange(rowOf(rt, 'K1500'), col(rt, 'Component kind')).setFormula('="Hardware"');
    const before = cells(rt);

    rows[1199] = 'K1200,EMAIL,Medium,2026-01-05 09:00,Call 1200,2026-01-06 10:00';
    rt.calls.reset();
    const result = rt.global.importIncidents(`${HEADER}\n${rows.join('\n')}\n`, null);
    expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 1999 });
    // A person's formula where the import writes is theirs: kept, and listed.
    expect(result.conflicts).toEqual([{ line: 11, ref: 'K10', field: 'Summary', sheet: expect.any(String), file: 'Call 10' }]);
    // One cell on Incidents (text: one RAW write), one row of the memory (its text, then its dates as typed).
    expect(rt.calls.count('Range.setValues')).toBe(0);
    expect(rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(3);
    const after = cells(rt);
    const changed: string[] = [];
    before.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (String(v) !== String(after.values[r][c]) || before.formulas[r][c] !== after.formulas[r][c]) changed.push(`R${r + 1}C${c + 1}`);
      });
    });
    expect(changed).toEqual([`R${rowOf(rt, 'K1200')}C${col(rt, 'Resolved')}`]);
    expect(shown(rt, 'K1200', 'Resolved')).toMatch(/^2026-01-06 10:00/);
  });
});

describe("a person's correction wins unless they choose otherwise", () => {
  const FILE = `${HEADER}\nP1,EMAIL,Medium,2026-01-05 09:00,Printer jams,\nP2,PRINT,High,2026-01-05 10:00,Toner,2026-01-05 12:00\n`;

  test('Service ID, Priority, Summary and a typed Resolved survive re-importing the same file, which changes nothing and says so', () => {
    const rt = exampleRuntime();
    expect(rt.global.importIncidents(FILE, null)).toMatchObject({ added: 2 });
    // What it wrote is remembered on a hidden tab, one row per Ref.
    const memory = (rt.spreadsheet as unknown as Ss).getSheetByName('SLM import memory')!;
    expect([memory.isSheetHidden(), memory.getLastRow()]).toEqual([true, 3]);
    const sheet = incidents(rt);
    const r = rowOf(rt, 'P1');
    sheet.getRange(r, col(rt, 'Service ID')).setValue('PRINT');
    sheet.getRange(r, col(rt, 'Priority')).setValue('High');
    sheet.getRange(r, col(rt, 'Summary')).setValue('Printer in B4 jams');
    sheet.getRange(r, col(rt, 'Resolved')).setValue(new (rt.run('Date') as DateConstructor)(Date.UTC(2026, 0, 5, 11, 30)));
    const before = cells(rt);

    const preview = rt.global.previewImport(FILE, null);
    expect([preview.added, preview.updated, preview.unchanged, preview.changes]).toEqual([0, 0, 2, false]);
    expect(preview.conflicts).toEqual([
      { line: 2, ref: 'P1', field: 'Service ID', sheet: 'PRINT', file: 'EMAIL' },
      { line: 2, ref: 'P1', field: 'Priority', sheet: 'High', file: 'Medium' },
      { line: 2, ref: 'P1', field: 'Summary', sheet: 'Printer in B4 jams', file: 'Printer jams' },
      { line: 2, ref: 'P1', field: 'Resolved', sheet: '2026-01-05 11:30', file: '' },
    ]);
    rt.calls.reset();
    const again = rt.global.importIncidents(FILE, null);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, takeExport: false });
    expect(again.conflicts).toHaveLength(4);
    expect(rt.calls.count('Range.setValues') + rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(0);
    expect(cells(rt)).toEqual(before);

    // A later export that changes what the person did not touch still updates it; their cells stay theirs.
    const later = FILE.replace('2026-01-05 10:00,Toner,2026-01-05 12:00', '2026-01-05 10:00,Toner,2026-01-05 12:30').replace('P1,EMAIL,Medium', 'P1,EMAIL,Low');
    expect(rt.global.importIncidents(later, null)).toMatchObject({ updated: 1, unchanged: 1 });
    expect([shown(rt, 'P1', 'Priority'), shown(rt, 'P2', 'Resolved')]).toEqual(['High', '2026-01-05 12:30']);

    // Chosen: the export's values over the person's, for this import only (the choice is not saved).
    const taken = rt.global.importIncidents(later, { takeExport: true });
    expect(taken).toMatchObject({ updated: 1, takeExport: true });
    expect(['Service ID', 'Priority', 'Summary', 'Resolved'].map((h) => shown(rt, 'P1', h))).toEqual(['EMAIL', 'Low', 'Printer jams', '']);
    expect(rt.global.previewImport(later, null)).toMatchObject({ updated: 0, unchanged: 2, conflicts: [] });
  });

  test('a file Ref hand 77 matches a hand-logged HAND77 (case and spaces aside) without rewriting it; blank cells are filled, typed ones kept', () => {
    const rt = exampleRuntime();
    const sheet = incidents(rt);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = sheet.getLastRow() + 1;
    const typed: Record<string, unknown> = {
      Ref: 'HAND77',
      'Service ID': 'EMAIL',
      Type: 'Incident',
      Priority: 'High',
      Opened: new (rt.run('Date') as DateConstructor)(Date.UTC(2026, 0, 5, 9)),
    };
    sheet.getRange(at, 1, 1, header.length).setValues([header.map((h) => typed[String(h)] ?? '')]);
    const result = rt.global.importIncidents(`${HEADER}\nhand 77,EMAIL,Low,2026-01-05 09:00,Cannot log in,2026-01-05 10:00\n`, null);
    expect(result).toMatchObject({ added: 0, updated: 1, conflicts: [{ line: 2, ref: 'HAND77', field: 'Priority', sheet: 'High', file: 'Low' }] });
    expect(['Ref', 'Priority', 'Summary', 'Resolved'].map((h) => sheet.getRange(at, col(rt, h)).getDisplayValue())).toEqual([
      'HAND77',
      'High',
      'Cannot log in',
      '2026-01-05 10:00',
    ]);
    expect(sheet.getLastRow()).toBe(at);
  });
});
