import { documentName, firstFreeName, idFromLink } from '../../../src/core/documents/naming';
import { parsePeriodText } from '../../../src/core/periods/periodText';

describe('parsePeriodText', () => {
  test('the words people type', () => {
    expect(parsePeriodText('Last term')).toEqual({ kind: 'lastTerm' });
    expect(parsePeriodText('  this   month ')).toEqual({ kind: 'thisMonth' });
    expect(parsePeriodText('previous month')).toEqual({ kind: 'lastMonth' });
    expect(parsePeriodText('this term')).toEqual({ kind: 'thisTerm' });
    expect(parsePeriodText('academic year')).toEqual({ kind: 'academicYear' });
    expect(parsePeriodText('')).toEqual({ kind: 'lastTerm' });
  });
  test('two dates: first and last day included, so the end is the day after', () => {
    expect(parsePeriodText('2026-09-01 to 2026-12-18')).toEqual({ kind: 'custom', start: '2026-09-01', end: '2026-12-19' });
    expect(parsePeriodText('1/9/2026 - 31/12/2026')).toEqual({ kind: 'custom', start: '2026-09-01', end: '2027-01-01' });
  });
  test('anything else is refused in plain words', () => {
    expect(parsePeriodText('next week')).toEqual({ error: expect.stringMatching(/^"next week" is not a period I can read\. Type this month/) });
    expect(parsePeriodText('2026-02-31 to 2026-03-04')).toEqual({ error: expect.stringMatching(/two real dates/) });
  });
});

describe('document names', () => {
  test('type, version or period, and date; a taken name gets the next free number', () => {
    const taken = new Set(['SLA v1.0 – Hillside – 2026-11-18', 'SLA v1.0 – Hillside – 2026-11-18 (2)']);
    const name = documentName('SLA v1.0 – Hillside', '2026-11-18');
    expect(firstFreeName(name, (n) => taken.has(n))).toBe('SLA v1.0 – Hillside – 2026-11-18 (3)');
    expect(firstFreeName('New', (n) => taken.has(n))).toBe('New');
  });
  test('links', () => {
    expect(idFromLink('https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp_-9/edit')).toBe('1AbCdEfGhIjKlMnOp_-9');
    expect(idFromLink('not a link')).toBeUndefined();
  });
});
