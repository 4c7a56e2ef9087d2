import fc from 'fast-check';
import { makeCalendar, type Closure } from '../../../src/core/time/calendar';
import { parseHours } from '../../../src/core/time/hours';
import { localToUtc } from '../../../src/core/time/zone';
import { referenceWorkingMs } from './reference';

const H = 3_600_000;
const DAY = 24 * H;
const LONDON = 'Europe/London';
const SYDNEY = 'Australia/Sydney';
const at = (tz: string, y: number, mo: number, d: number, h = 0, min = 0): number => localToUtc(y, mo, d, h * 60 + min, tz);

describe('workingMs', () => {
  const weekdays = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [], LONDON);

  it('counts the part of [a, b) inside the hours', () => {
    // Mon 13 Jan 2025 09:00 to Tue 14 Jan 10:00: 9 h on Monday, 2 h on Tuesday.
    expect(weekdays.workingMs(at(LONDON, 2025, 1, 13, 9), at(LONDON, 2025, 1, 14, 10))).toBe(11 * H);
    // Friday 17:00 to Monday 09:00 crosses a weekend: 1 h + 1 h.
    expect(weekdays.workingMs(at(LONDON, 2025, 1, 17, 17), at(LONDON, 2025, 1, 20, 9))).toBe(2 * H);
    // Entirely outside the hours.
    expect(weekdays.workingMs(at(LONDON, 2025, 1, 18, 9), at(LONDON, 2025, 1, 19, 20))).toBe(0);
    expect(weekdays.workingMs(at(LONDON, 2025, 1, 13, 18), at(LONDON, 2025, 1, 14, 8))).toBe(0);
    // A whole year of weekdays (2025 has 261).
    expect(weekdays.workingMs(at(LONDON, 2025, 1, 1), at(LONDON, 2026, 1, 1))).toBe(261 * 10 * H);
  });

  it('is 0 when b <= a and NaN for a missing instant', () => {
    const a = at(LONDON, 2025, 1, 13, 9);
    expect(weekdays.workingMs(a, a)).toBe(0);
    expect(weekdays.workingMs(a + H, a)).toBe(0);
    expect(weekdays.workingMs(NaN, a)).toBeNaN();
  });

  it('keeps a London working day at 10 hours across both clock changes', () => {
    for (const [y, mo, d] of [
      [2024, 3, 29], // Fri before the spring change (Sun 31 Mar)
      [2024, 10, 25], // Fri before the autumn change (Sun 27 Oct)
      [2025, 3, 28],
      [2025, 10, 24],
    ]) {
      // Friday to the following Tuesday: Fri, Mon = 20 h whatever the clocks did on Sunday.
      expect(weekdays.workingMs(at(LONDON, y, mo, d), at(LONDON, y, mo, d + 4))).toBe(20 * H);
      expect(weekdays.workingMs(at(LONDON, y, mo, d + 3, 8), at(LONDON, y, mo, d + 3, 18))).toBe(10 * H);
    }
    // The Monday after the spring change starts at 07:00 UTC, not 08:00.
    expect(weekdays.workingMs(Date.UTC(2024, 3, 1, 7), Date.UTC(2024, 3, 1, 8))).toBe(H);
  });

  it('counts 24x7 as 25 hours on the autumn change day and 23 on the spring one', () => {
    const always = makeCalendar(parseHours('24x7'), [], LONDON);
    expect(always.workingMs(at(LONDON, 2024, 10, 27), at(LONDON, 2024, 10, 28))).toBe(25 * H);
    expect(always.workingMs(at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1))).toBe(23 * H);
    expect(always.workingMs(at(LONDON, 2024, 10, 26), at(LONDON, 2024, 10, 27))).toBe(24 * H);
    const sydney = makeCalendar(parseHours('24x7'), [], SYDNEY);
    // Southern hemisphere: clocks go back in April and forward in October.
    expect(sydney.workingMs(at(SYDNEY, 2024, 4, 7), at(SYDNEY, 2024, 4, 8))).toBe(25 * H);
    expect(sydney.workingMs(at(SYDNEY, 2024, 10, 6), at(SYDNEY, 2024, 10, 7))).toBe(23 * H);
  });

  it('counts only the wall-clock hours a skipped or repeated hour actually shows', () => {
    // Sun 31 Mar 2024, London: 01:00-03:00 on the wall clock is only 02:00-03:00 BST, an hour.
    const early = makeCalendar(parseHours('Sun 01:00-03:00'), [], LONDON);
    expect(early.workingMs(at(LONDON, 2024, 3, 31), at(LONDON, 2024, 4, 1))).toBe(H);
    // Sun 27 Oct 2024: 01:00-02:00 is shown twice, two hours.
    expect(makeCalendar(parseHours('Sun 01:00-02:00'), [], LONDON).workingMs(at(LONDON, 2024, 10, 27), at(LONDON, 2024, 10, 28))).toBe(2 * H);
    // Sydney Sun 6 Oct 2024 02:00-03:00 never shows; Sun 7 Apr 2024 02:00-03:00 shows twice.
    const sun = makeCalendar(parseHours('Sun 02:00-04:00'), [], SYDNEY);
    expect(sun.workingMs(at(SYDNEY, 2024, 10, 6), at(SYDNEY, 2024, 10, 7))).toBe(H);
    expect(sun.workingMs(at(SYDNEY, 2024, 4, 7), at(SYDNEY, 2024, 4, 8))).toBe(3 * H);
  });

  it('removes closed local dates, including at the edges of the period', () => {
    const closures: Closure[] = [{ from: '2024-12-23', to: '2025-01-03' }];
    const term = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), closures, LONDON);
    // Fri 20 Dec to Mon 6 Jan: only Friday counts.
    expect(term.workingMs(at(LONDON, 2024, 12, 20), at(LONDON, 2025, 1, 7))).toBe(20 * H);
    // Starting on the first closed day, ending at the end of the last.
    expect(term.workingMs(at(LONDON, 2024, 12, 23), at(LONDON, 2025, 1, 4))).toBe(0);
    // A minute either side of the closed span.
    expect(term.workingMs(at(LONDON, 2024, 12, 20, 17, 59), at(LONDON, 2024, 12, 23, 8, 1))).toBe(60_000);
    expect(term.workingMs(at(LONDON, 2025, 1, 3, 17, 59), at(LONDON, 2025, 1, 6, 8, 1))).toBe(60_000);
    // Closed dates are local: in Sydney the closure starts at 13:00 UTC the day before.
    const always = makeCalendar(parseHours('24x7'), [{ from: '2025-01-01', to: '2025-01-01' }], SYDNEY);
    expect(always.workingMs(Date.UTC(2024, 11, 31, 12), Date.UTC(2025, 0, 1, 14))).toBe(2 * H);
    // Closing the autumn change day removes all 25 hours.
    const shut = makeCalendar(parseHours('24x7'), [{ from: '2024-10-27', to: '2024-10-27' }], LONDON);
    expect(shut.workingMs(at(LONDON, 2024, 10, 26), at(LONDON, 2024, 10, 29))).toBe(48 * H);
  });

  it('reads a closure written backwards and rejects one that is not a date', () => {
    const back = makeCalendar(parseHours('24x7'), [{ from: '2025-01-02', to: '2025-01-01' }], 'UTC');
    expect(back.workingMs(Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 4))).toBe(DAY);
    expect(() => makeCalendar(parseHours('24x7'), [{ from: '2025-02-30', to: '2025-03-01' }], 'UTC')).toThrow('"2025-02-30"');
    expect(() => makeCalendar(parseHours('24x7'), [], 'Nowhere/Town')).toThrow('Unknown time zone');
  });

  it('runs overnight hours across midnight and from Sunday into Monday', () => {
    const nights = makeCalendar(parseHours('Sun 22:00-06:00'), [], 'UTC');
    // Sun 12 Jan 2025 20:00 to Mon 13 Jan 12:00.
    expect(nights.workingMs(Date.UTC(2025, 0, 12, 20), Date.UTC(2025, 0, 13, 12))).toBe(8 * H);
    expect(nights.workingMs(Date.UTC(2025, 0, 13, 0), Date.UTC(2025, 0, 13, 1))).toBe(H);
    const every = makeCalendar(parseHours('22:00-06:00'), [], LONDON);
    expect(every.workingMs(at(LONDON, 2024, 10, 26, 12), at(LONDON, 2024, 10, 27, 12))).toBe(9 * H);
  });

  it('throws for dates outside the supported years', () => {
    expect(() => weekdays.workingMs(Date.UTC(1205, 0, 1), Date.UTC(2025, 0, 1))).toThrow('outside the years 1800 to 2399');
  });
});

describe('dueMs', () => {
  const weekdays = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [{ from: '2024-12-25', to: '2024-12-26' }], LONDON);

  it('finds the instant the working time is used up', () => {
    // Tue 24 Dec 17:00 + 2 h: 1 h that day, Christmas closed, Friday 09:00.
    expect(weekdays.dueMs(at(LONDON, 2024, 12, 24, 17), 2 * H)).toBe(at(LONDON, 2024, 12, 27, 9));
    // Friday 16:00 + 4 h: Monday 10:00.
    expect(weekdays.dueMs(at(LONDON, 2025, 1, 17, 16), 4 * H)).toBe(at(LONDON, 2025, 1, 20, 10));
    // Exactly a day's work ends at closing time, not at the next opening.
    expect(weekdays.dueMs(at(LONDON, 2025, 1, 13, 8), 10 * H)).toBe(at(LONDON, 2025, 1, 13, 18));
  });

  it('returns a itself for 0 and lands inside the next window when a is outside the hours', () => {
    const saturday = at(LONDON, 2025, 1, 18, 12);
    expect(weekdays.dueMs(saturday, 0)).toBe(saturday);
    expect(weekdays.dueMs(saturday, 1)).toBe(at(LONDON, 2025, 1, 20, 8) + 1);
    expect(weekdays.dueMs(saturday, -1)).toBeNaN();
  });

  it('keeps 10-hour days across the clock changes', () => {
    // Fri 25 Oct 2024 08:00 + 20 h = Mon 28 Oct 18:00 local.
    expect(weekdays.dueMs(at(LONDON, 2024, 10, 25, 8), 20 * H)).toBe(at(LONDON, 2024, 10, 28, 18));
    expect(weekdays.dueMs(at(LONDON, 2024, 3, 29, 8), 20 * H)).toBe(at(LONDON, 2024, 4, 1, 18));
  });

  it('is Infinity when no working time is left', () => {
    const never = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [{ from: '2030-01-01', to: '2399-12-31' }], 'UTC');
    expect(never.dueMs(Date.UTC(2029, 11, 31, 17), 2 * H)).toBe(Infinity);
    expect(never.dueMs(Date.UTC(2029, 11, 31, 17), H)).toBe(Date.UTC(2029, 11, 31, 18));
    expect(never.dueMs(Date.UTC(2029, 11, 31, 17), H / 2)).toBe(Date.UTC(2029, 11, 31, 17, 30));
  });
});

describe('properties', () => {
  const SPECS = [
    'Mon-Fri 08:00-18:00',
    'Mon-Thu 08:00-17:00; Fri 08:00-16:30',
    '24x7',
    'Sun 22:00-06:00',
    '08:00-24:00',
    'Mon-Fri 08:00-12:00 13:00-17:00; Sat 09:00-12:00',
    'Mon-Fri 00:30-02:30 22:00-01:00',
  ];
  const ZONES = ['UTC', LONDON, SYDNEY, 'America/New_York'];
  const calendars = SPECS.flatMap((spec) =>
    ZONES.map((tz) => ({
      spec,
      tz,
      closures: [
        { from: '2024-10-27', to: '2024-10-27' },
        { from: '2025-04-05', to: '2025-04-08' },
      ] as Closure[],
    })),
  );
  const cal = fc
    .integer({ min: 0, max: calendars.length - 1 })
    .map((i) => ({ ...calendars[i], cal: makeCalendar(parseHours(calendars[i].spec), calendars[i].closures, calendars[i].tz) }));
  const instant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) });

  it('adds up: wt(a,c) = wt(a,b) + wt(b,c), never negative', () => {
    fc.assert(
      fc.property(cal, instant, instant, instant, ({ cal: c }, x, y, z) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p - q);
        const ab = c.workingMs(a, b);
        const bd = c.workingMs(b, d);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(bd).toBeGreaterThanOrEqual(0);
        expect(c.workingMs(a, d)).toBe(ab + bd);
        expect(c.workingMs(d, a)).toBe(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('due and working time invert, and due is the first such instant', () => {
    fc.assert(
      fc.property(cal, instant, fc.integer({ min: 0, max: 60 * DAY }), ({ cal: c }, a, d) => {
        const due = c.dueMs(a, d);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(c.workingMs(a, due)).toBe(d);
        if (d > 0) expect(c.workingMs(a, due - 1)).toBeLessThan(d);
      }),
      { numRuns: 3000 },
    );
  });

  // Near the clock changes of 2024/25 in both hemispheres, plus ordinary weeks.
  const AROUND = [
    Date.UTC(2024, 2, 30),
    Date.UTC(2024, 9, 26),
    Date.UTC(2024, 3, 6),
    Date.UTC(2024, 9, 5),
    Date.UTC(2024, 2, 9),
    Date.UTC(2024, 10, 2),
    Date.UTC(2025, 3, 4),
    Date.UTC(2025, 0, 15),
  ];
  const near = fc
    .tuple(fc.integer({ min: 0, max: AROUND.length - 1 }), fc.integer({ min: -2 * DAY, max: 2 * DAY }), fc.integer({ min: 0, max: 3 * DAY }))
    .map(([k, off, len]) => [AROUND[k] + off, AROUND[k] + off + len] as const);

  it('agrees with minute-by-minute stepping on random intervals', () => {
    fc.assert(
      fc.property(cal, near, ({ spec, tz, closures, cal: c }, [a, b]) => {
        expect(c.workingMs(a, b)).toBe(referenceWorkingMs(parseHours(spec), closures, tz, a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with minute-by-minute stepping for random overnight and split specs', () => {
    const hhmm = fc.integer({ min: 0, max: 95 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
    const part = fc.tuple(fc.constantFrom('Mon', 'Tue-Thu', 'Fri', 'Sat-Sun', 'Sun', 'Mon-Sun'), hhmm, hhmm).filter(([, s, e]) => s !== e);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom(...ZONES), near, (parts, tz, [a, b]) => {
        const hours = parseHours(parts.map(([d, s, e]) => `${d} ${s}-${e}`).join('; '));
        const c = makeCalendar(hours, [], tz);
        expect(c.workingMs(a, b)).toBe(referenceWorkingMs(hours, [], tz, a, b));
      }),
      { numRuns: 300 },
    );
  });
});
