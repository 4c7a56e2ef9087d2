import { readCsv } from '../../../src/core/import/csv';
import { orderFromFile, parseImportDate } from '../../../src/core/import/dates';
import { importData } from '../../../src/core/import/presets';
import { statusOf, suggestService, wordOf } from '../../../src/core/import/words';

const data = importData();
const priorityOf = (v: string) => wordOf(v, data.priorities);
const typeOf = (v: string) => wordOf(v, data.types);

describe('readCsv', () => {
  test('BOM, CRLF, separators and line breaks inside quotes; each record keeps the line it starts on', () => {
    const t = readCsv('\uFEFFId;Note;Opened\r\n1;"two\r\nlines; here";2026-01-01\r\n\r\n2;"a ""b""";2026-01-02\r\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['Id', 'Note', 'Opened']);
    expect(t.records).toEqual([
      { line: 2, cells: ['1', 'two\nlines; here', '2026-01-01'] },
      { line: 5, cells: ['2', 'a "b"', '2026-01-02'] },
    ]);
    expect(readCsv('a\tb\tc,d\n1\t2\t3,4').separator).toBe('\t');
    expect(readCsv('"a;b",c\n').separator).toBe(',');
  });

  test('a stray quote inside a field is a character; one that never closes is read as written and named; no line is absorbed', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `A${i + 1},EMAIL,High,2026-01-05 09:00,Printer ${i + 1}`);
    rows[1] = 'A2,EMAIL,High,2026-01-05 09:00,Monitor 24" flickers';
    rows[2] = 'A3,EMAIL,High,2026-01-05 09:00,"Monitor 24 flickers';
    rows[9] = 'A10,EMAIL,High,2026-01-05 09:00,"Keyboard ""K2"" sticks",';
    const t = readCsv(`Ref,Service ID,Priority,Opened,Summary\n${rows.join('\n')}\n`);
    expect(t.records).toHaveLength(50);
    expect(t.records.map((r) => r.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(t.records[1].cells[4]).toBe('Monitor 24" flickers');
    expect(t.records[2].cells[4]).toBe('"Monitor 24 flickers');
    expect(t.records[9].cells).toEqual(['A10', 'EMAIL', 'High', '2026-01-05 09:00', 'Keyboard "K2" sticks', '']);
    expect(t.notes).toEqual([{ line: 4, reason: 'an unclosed quote, read as written' }]);
    // An unclosed quote that a later stray quote would "close" takes in no line either.
    const u = readCsv('Ref,Priority,Summary\nA1,High,"Monitor 24 flickers\nA2,High,Cable 3" long\nA3,High,ok\n');
    expect(u.records.map((r) => r.cells[0])).toEqual(['A1', 'A2', 'A3']);
    expect(u.notes).toEqual([{ line: 2, reason: 'an unclosed quote, read as written' }]);
    // Nor one whose "closing" quote ends the next record's last field.
    const v = readCsv('Ref,Priority,Opened,Summary\nA1,High,2026-01-05,"Monitor 24 flickers\nA2,High,2026-01-05,Cable 3"\n');
    expect(v.records.map((r) => r.cells[0])).toEqual(['A1', 'A2']);
    // The last line's quote never closes.
    expect(readCsv('a,b\n1,"x\n').records).toEqual([{ line: 2, cells: ['1', '"x'] }]);
  });

  test('1,000 rows with a stray quote in the second: every row read, none named', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i + 1},EMAIL,High,2026-01-05 09:00,${i === 1 ? 'Monitor 24" flickers' : `Call ${i + 1}`}`);
    const t = readCsv(`Ref,Service ID,Priority,Opened,Summary\n${rows.join('\r\n')}`);
    expect(t.records).toHaveLength(1000);
    expect(t.records[999].cells[0]).toBe('1000');
    expect(t.notes).toEqual([]);
  });

  test('sep= on the first line names the separator; the header is the line after it', () => {
    const t = readCsv('sep=;\nRef;Opened;Cost\nA1;2026-01-05;1,50\n');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['Ref', 'Opened', 'Cost']);
    expect(t.records).toEqual([{ line: 3, cells: ['A1', '2026-01-05', '1,50'] }]);
    expect(readCsv('"sep=,"\r\na;b,c\r\n1;2,3').records[0]).toEqual({ line: 3, cells: ['1;2', '3'] });
  });
});

describe('import dates and words', () => {
  test('the order comes from a part over 12; both ways is a conflict; none is undecided', () => {
    expect(orderFromFile(['01/02/2026', '13/02/2026 09:00'])).toBe('dmy');
    expect(orderFromFile(['01/13/2026 9:00 AM'])).toBe('mdy');
    expect(orderFromFile(['13/01/2026', '01/13/2026'])).toBe('conflict');
    expect(orderFromFile(['2026-01-13', '01/02/2026'])).toBeUndefined();
  });

  test('dates read in the zone, with offsets, AM/PM; impossible ones refused', () => {
    expect(parseImportDate('2026-07-01 09:15:30', 'dmy', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 8, 15, 30));
    expect(parseImportDate('2026-07-01T09:15:00Z', 'dmy', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 9, 15));
    expect(parseImportDate('2026-07-01T09:15:00+02:00', 'dmy', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 7, 15));
    expect(parseImportDate('07/01/2026 1:05 PM', 'mdy', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 12, 5));
    expect(parseImportDate('01.07.2026 13:05', 'dmy', 'Europe/London')).toBe(Date.UTC(2026, 6, 1, 12, 5));
    expect(parseImportDate('31/02/2026', 'dmy', 'Europe/London')).toBeUndefined();
    expect(parseImportDate('yesterday', 'dmy', 'Europe/London')).toBeUndefined();
  });

  test('helpdesk words read as ours', () => {
    expect(['Emergency', 'Very high', 'Major', 'Urgent', '3 high', '2 normal', '1 low', 'Very low'].map(priorityOf)).toEqual([
      'Critical',
      'Critical',
      'Critical',
      'Critical',
      'High',
      'Medium',
      'Low',
      'Low',
    ]);
    expect(['Incident', 'Problem', 'Request', 'Feature Request', 'Question', 'Other'].map(typeOf)).toEqual([
      'Incident',
      'Incident',
      'Request',
      'Request',
      'Request',
      undefined,
    ]);
    expect(['Solved', 'Closed', 'Resolved', 'pending close', 'Processing (assigned)', 'Pending', 'merged'].map(statusOf)).toEqual([
      'resolved',
      'resolved',
      'resolved',
      'resolved',
      'open',
      'open',
      'ignore',
    ]);
  });

  test('services suggested by ID, name, a level of a category, or words; ties and misses give none', () => {
    const services = [
      { serviceId: 'PRINT', name: 'Printing' },
      { serviceId: 'COLOURPRINT', name: 'Colour printing' },
      { serviceId: 'EMAIL', name: 'Email' },
    ];
    expect(suggestService('print', services)).toBe('PRINT');
    expect(suggestService('Hardware > Printing', services)).toBe('PRINT');
    expect(suggestService('Software > Email', services)).toBe('EMAIL');
    expect(suggestService('Email accounts', services)).toBe('EMAIL');
    expect(suggestService('Network', services)).toBeUndefined();
  });
});
