import { customPeriod, listPeriods, previousPeriod, resolvePeriod } from '../../../src/core/periods';
import { holidays } from '../../../src/core/periods/terms';
import { dayKey, localDateKey, localToUtc } from '../../../src/core/time/zone';
import type { ClosureRow } from '../../../src/core/schema/records';

const TZ = 'Europe/London';
const day = (key: string) => {
  const [y, m, d] = key.split('-').map(Number);
  return localToUtc(y, m, d, 0, TZ);
};
let row = 1;
const closure = (from: string, to: string, calendar = 'ALL'): ClosureRow => ({ calendar, from: day(from), to: day(to), row: ++row }) as ClosureRow;

const closures = [
  closure('2026-07-22', '2026-09-02'), // summer holiday 2026
  closure('2026-10-26', '2026-10-30'), // half term: 5 days, not a holiday
  closure('2026-12-21', '2027-01-01'), // Christmas
  closure('2027-02-15', '2027-02-19'),
  closure('2027-03-29', '2027-04-09'), // Easter
  closure('2027-07-21', '2027-08-31'),
];
const wb = { timeZone: TZ, closures };
const keys = (p: { start: number; end: number }) => [localDateKey(p.start, TZ), localDateKey(p.end, TZ)];
const byKind = (now: string) => Object.fromEntries(listPeriods(wb, day(now) + 12 * 3_600_000).map((p) => [p.kind, { label: p.label, span: keys(p) }]));

describe('listPeriods', () => {
  test('months, terms from the holidays on the Closures tab, and the academic year', () => {
    expect(byKind('2026-11-22')).toEqual({
      thisMonth: { label: 'November 2026', span: ['2026-11-01', '2026-12-01'] },
      lastMonth: { label: 'October 2026', span: ['2026-10-01', '2026-11-01'] },
      // The term ends with the weekend before the Christmas closure.
      thisTerm: { label: 'Autumn term 2026', span: ['2026-09-03', '2026-12-19'] },
      // 2025-26 has no Christmas or Easter closures: the usual pattern, ended by the known summer holiday.
      lastTerm: { label: 'Summer term 2026', span: ['2026-04-01', '2026-07-22'] },
      academicYear: { label: 'Academic year 2026-27', span: ['2026-09-01', '2027-09-01'] },
    });
  });

  test('spring and summer terms run between Christmas, Easter and the summer holiday', () => {
    const p = byKind('2027-05-10');
    expect(p.thisTerm).toEqual({ label: 'Summer term 2027', span: ['2027-04-12', '2027-07-21'] });
    expect(p.lastTerm).toEqual({ label: 'Spring term 2027', span: ['2027-01-04', '2027-03-27'] });
  });

  test('in a holiday, this term is the one just ended; January gives last month in the year before', () => {
    const p = byKind('2027-01-01');
    expect(p.thisTerm.label).toBe('Autumn term 2026');
    expect(p.lastMonth).toEqual({ label: 'December 2026', span: ['2026-12-01', '2027-01-01'] });
    expect(p.academicYear.label).toBe('Academic year 2026-27');
  });

  test('month boundaries are local midnights, across a clock change', () => {
    const march = listPeriods(wb, day('2027-03-31')).find((p) => p.kind === 'thisMonth')!;
    expect(march.end - march.start).toBe(31 * 86_400_000 - 3_600_000);
  });

  test('without closures the usual term pattern stands in', () => {
    const p = Object.fromEntries(listPeriods({ timeZone: TZ, closures: [] }, day('2026-11-22')).map((x) => [x.kind, keys(x)]));
    expect(p.thisTerm).toEqual(['2026-09-01', '2027-01-01']);
    expect(p.lastTerm).toEqual(['2026-04-01', '2026-09-01']);
  });

  test('a holiday is 14 or more closed days counting the weekends around them; rows joined over a weekend; a half term is not one', () => {
    const h = holidays([closure('2026-10-26', '2026-10-30'), closure('2026-12-21', '2026-12-25'), closure('2026-12-28', '2027-01-01')], TZ);
    expect(h).toHaveLength(1);
    expect([dayKey(h[0].from), dayKey(h[0].to)]).toEqual(['2026-12-19', '2027-01-04']);
  });
});

describe('custom and previous periods', () => {
  test('custom ISO dates: start inclusive, end exclusive, labelled with the last day', () => {
    const p = customPeriod('2026-11-01', '2026-12-01', TZ);
    expect(p).toMatchObject({ kind: 'custom', start: day('2026-11-01'), end: day('2026-12-01'), label: '1 Nov 2026 to 30 Nov 2026' });
    expect(() => customPeriod('2026-11-31', '2026-12-01', TZ)).toThrow('The start date "2026-11-31" is not a date');
    expect(() => customPeriod('2026-12-01', '2026-11-01', TZ)).toThrow('must end after it starts');
    expect(resolvePeriod(wb, day('2026-11-22'), { kind: 'custom', start: '2026-11-02', end: '2026-11-03' }).label).toBe('2 Nov 2026');
    expect(resolvePeriod(wb, day('2026-11-22'), { kind: 'thisTerm' }).label).toBe('Autumn term 2026');
  });

  test('previous period: the term before a term, the month before a month, the year before a year, each named as such', () => {
    const prev = (now: string, kind: string) => {
      const p = listPeriods(wb, day(now) + 12 * 3_600_000).find((x) => x.kind === kind)!;
      const before = previousPeriod(wb, p);
      return { label: before.label, span: keys(before) };
    };
    // Not the 107 days before the autumn term, mostly summer holiday: the summer term itself.
    expect(prev('2026-11-22', 'thisTerm')).toEqual(byKind('2026-11-22').lastTerm);
    expect(prev('2027-05-10', 'thisTerm')).toEqual(byKind('2027-05-10').lastTerm);
    expect(prev('2027-05-10', 'lastTerm')).toEqual(byKind('2027-01-11').lastTerm);
    expect(prev('2027-05-10', 'lastTerm').label).toBe('Autumn term 2026');
    expect(prev('2026-11-22', 'thisMonth')).toEqual(byKind('2026-11-22').lastMonth);
    expect(prev('2027-01-10', 'lastMonth')).toEqual({ label: 'November 2026', span: ['2026-11-01', '2026-12-01'] });
    expect(prev('2027-02-10', 'lastMonth')).toEqual({ label: 'December 2026', span: ['2026-12-01', '2027-01-01'] });
    expect(prev('2026-11-22', 'academicYear')).toEqual({ label: 'Academic year 2025-26', span: ['2025-09-01', '2026-09-01'] });
  });

  test('previous period of custom dates: same number of local days just before, even across a clock change', () => {
    const nov = customPeriod('2026-11-01', '2026-12-01', TZ);
    const prev = previousPeriod(wb, nov);
    expect(keys(prev)).toEqual(['2026-10-02', '2026-11-01']);
    expect(prev.label).toBe('2 Oct 2026 to 31 Oct 2026');
    const instants = customPeriod('2026-11-01T09:30:00Z', '2026-11-02T09:30:00Z', TZ);
    const raw = previousPeriod(wb, instants);
    expect(raw.end).toBe(instants.start);
    expect(instants.start - raw.start).toBe(instants.end - instants.start);
  });
});
