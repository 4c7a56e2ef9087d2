import { parseCsv } from '../../../offline/csv';
import { readCsv } from '../../../src/core/import/csv';
import { orderFromFile, parseImportDate } from '../../../src/core/import/dates';
import { importData } from '../../../src/core/import/presets';
import { statusOf, suggestService, wordOf } from '../../../src/core/import/words';

const data = importData();
const priorityOf = (v: string) => wordOf(v, data.priorities);
const typeOf = (v: string) => wordOf(v, data.types);

describe('readCsv', () => {
  test('BOM, CRLF, separators and line breaks inside quotes; each record keeps the line it starts on', () => {
    const t = readCsv('\uFEFFId;Note;Opened\r\n1;"two\r\nlines; here";2026-01-01\r\n\r\n2;"a ""b""";2026-01-02\r\n', parseCsv);
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['Id', 'Note', 'Opened']);
    expect(t.records).toEqual([
      { line: 2, cells: ['1', 'two\nlines; here', '2026-01-01'] },
      { line: 5, cells: ['2', 'a "b"', '2026-01-02'] },
    ]);
    expect(readCsv('a\tb\tc,d\n1\t2\t3,4', parseCsv).separator).toBe('\t');
    expect(readCsv('"a;b",c\n', parseCsv).separator).toBe(',');
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
    expect(['Emergency', 'Very high', 'Major', 'Urgent', '3 high', '2 normal', '1 low', 'Very low'].map(priorityOf))
      .toEqual(['Critical', 'Critical', 'Critical', 'Critical', 'High', 'Medium', 'Low', 'Low']);
    expect(['Incident', 'Problem', 'Request', 'Feature Request', 'Question', 'Other'].map(typeOf))
      .toEqual(['Incident', 'Incident', 'Request', 'Request', 'Request', undefined]);
    expect(['Solved', 'Closed', 'Resolved', 'pending close', 'Processing (assigned)', 'Pending', 'merged'].map(statusOf))
      .toEqual(['resolved', 'resolved', 'resolved', 'resolved', 'open', 'open', 'ignore']);
  });

  test('services suggested by ID, name, a level of a category, or words; ties and misses give none', () => {
    const services = [{ serviceId: 'PRINT', name: 'Printing' }, { serviceId: 'COLOURPRINT', name: 'Colour printing' }, { serviceId: 'EMAIL', name: 'Email' }];
    expect(suggestService('print', services)).toBe('PRINT');
    expect(suggestService('Hardware > Printing', services)).toBe('PRINT');
    expect(suggestService('Software > Email', services)).toBe('EMAIL');
    expect(suggestService('Email accounts', services)).toBe('EMAIL');
    expect(suggestService('Network', services)).toBeUndefined();
  });
});
