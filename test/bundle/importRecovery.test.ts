/**
 * Issue 23, the way in: a malformed line costs only itself (an unclosed quote is read as written and
 * named, a stray quote is a character), `sep=` is honoured, an over-long cell is cut and named, and a
 * file just over the limit is refused with its real size. On the built bundle, offline.
 */
import { exampleRuntime } from '../support/offline';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const HEADER = 'Ref,Service ID,Priority,Opened,Summary';
const rows = (n: number, summary: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `Q${i + 1},EMAIL,High,2026-01-05 09:${String(i % 60).padStart(2, '0')},${summary(i)}`);

function refsOn(rt: ReturnType<typeof exampleRuntime>, prefix: string): string[] {
  const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
  return sheet
    .getDataRange()
    .getValues()
    .map((r) => String(r[0]))
    .filter((r) => r.startsWith(prefix));
}

describe('a malformed CSV line costs only itself', () => {
  test('50 rows with one stray quote and one unclosed quote: all 50 imported, the unclosed one named', () => {
    const rt = exampleRuntime();
    const lines = rows(50, (i) => `Call ${i + 1}`);
    lines[1] = lines[1].replace('Call 2', 'Monitor 24" flickers');
    lines[6] = lines[6].replace('Call 7', '"Monitor 24 flickers');
    const csv = `${HEADER}\n${lines.join('\n')}\n`;
    const preview = rt.global.previewImport(csv, null);
    expect([preview.added, preview.skippedCount, preview.notesCount]).toEqual([50, 0, 1]);
    expect(preview.notes).toEqual([{ line: 8, reason: 'an unclosed quote, read as written' }]);
    const result = rt.global.importIncidents(csv, null);
    expect(result).toMatchObject({ added: 50, skipped: [], notes: [{ line: 8, reason: 'an unclosed quote, read as written' }] });
    expect(refsOn(rt, 'Q')).toHaveLength(50);
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    const [header, ...data] = sheet.getDataRange().getValues();
    const summary = (ref: string) => data.find((r) => r[0] === ref)![header.indexOf('Summary')];
    expect([summary('Q2'), summary('Q7'), summary('Q8')]).toEqual(['Monitor 24" flickers', '"Monitor 24 flickers', 'Call 8']);
  });

  test('1,000 rows whose second Summary is Monitor 24" flickers (unquoted): 1,000 imported, none skipped', () => {
    const rt = exampleRuntime();
    const lines = rows(1000, (i) => (i === 1 ? 'Monitor 24" flickers' : `Call ${i + 1}`));
    const result = rt.global.importIncidents(`${HEADER}\r\n${lines.join('\r\n')}`, null);
    expect(result).toMatchObject({ added: 1000, skipped: [], notes: [] });
    expect(refsOn(rt, 'Q')).toHaveLength(1000);
  });

  test('a sep=; first line is honoured (decimal commas stay in their field)', () => {
    const rt = exampleRuntime();
    const result = rt.global.importIncidents('sep=;\nRef;Service ID;Priority;Opened;Summary\nS1;EMAIL;High;2026-01-05 09:00;Toner, 1,5 l\n', null);
    expect(result).toMatchObject({ added: 1, skipped: [] });
    expect(refsOn(rt, 'S1')).toEqual(['S1']);
  });

  test('a Summary over 50,000 characters is cut to fit and named; the rest of the import goes ahead', () => {
    const rt = exampleRuntime();
    const long = 'x'.repeat(60_000);
    const result = rt.global.importIncidents(`${HEADER}\nL1,EMAIL,High,2026-01-05 09:00,${long}\nL2,EMAIL,High,2026-01-05 09:00,short\n`, null);
    expect(result).toMatchObject({ added: 2, skipped: [] });
    expect(result.notes).toEqual([{ line: 2, reason: expect.stringMatching(/^The Summary is longer than the 50,000 characters a Sheets cell holds/) }]);
    const sheet = (rt.spreadsheet as unknown as Ss).getSheetByName('Incidents')!;
    const [header, ...data] = sheet.getDataRange().getValues();
    const cell = String(data.find((r) => r[0] === 'L1')![header.indexOf('Summary')]);
    expect(cell).toHaveLength(50_000);
    expect(cell.endsWith('…')).toBe(true);
  });

  test('a file just over 10 MB is refused with its real size, not "10.0 MB"', () => {
    const rt = exampleRuntime();
    const size = 10 * 1024 * 1024 + 20_000;
    const file = rt.services.DriveApp.createFile('big.csv', `Ref,Subject\n${'x'.repeat(size - 12)}`, 'text/csv');
    expect(() => rt.global.previewImport(null, { fileId: file.getId() })).toThrow(
      /^The file is 10,505,760 bytes; an import reads at most 10 MB \(10,485,760 bytes\)/,
    );
    const twelve = rt.services.DriveApp.createFile('twelve.csv', `Ref,Subject\n${'x'.repeat(13_000_000)}`, 'text/csv');
    expect(() => rt.global.previewImport(null, { fileId: twelve.getId() })).toThrow(/^The file is 12\.4 MB; an import reads at most 10 MB/);
  });
});
