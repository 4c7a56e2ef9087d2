import fc from 'fast-check';
import { HoursSpecError, formatHours, parseHours, uncoveredHours, weeklyHours, type WeeklyHours } from '../../../src/core/time/hours';

const WEEKDAYS_8_18: WeeklyHours['days'] = [[[480, 1080]], [[480, 1080]], [[480, 1080]], [[480, 1080]], [[480, 1080]], [], []];

describe('parseHours', () => {
  it.each([
    ['Mon-Fri 08:00-18:00', WEEKDAYS_8_18],
    ['mon-fri   08:00 - 18:00', WEEKDAYS_8_18],
    ['Monday-Friday 08:00-18:00', WEEKDAYS_8_18],
    ['Mon\u2013Fri 08:00\u201318:00', WEEKDAYS_8_18],
    ['Mon\u2014Fri 08:00\u201418:00', WEEKDAYS_8_18],
    ['Mon-Fri 0800-1800', WEEKDAYS_8_18],
    ['Mon-Fri 8:00-18:00', WEEKDAYS_8_18],
    ['Mon-Fri 8am-6pm', WEEKDAYS_8_18],
    ['Mon-Fri 8-6', WEEKDAYS_8_18],
    ['Mon to Fri 8.00 to 18.00', WEEKDAYS_8_18],
    ['Weekdays 08:00-18:00', WEEKDAYS_8_18],
    ['08:00-18:00 Mon-Fri', WEEKDAYS_8_18],
  ])('reads %p', (spec, days) => {
    const h = parseHours(spec);
    expect(h.days).toEqual(days);
    expect(h.spec).toBe(spec);
  });

  it('reads several parts separated by ; , or a new line', () => {
    const want = [[[480, 1020]], [[480, 1020]], [[480, 1020]], [[480, 1020]], [[480, 990]], [], []];
    expect(parseHours('Mon-Thu 08:00-17:00; Fri 08:00-16:30').days).toEqual(want);
    expect(parseHours('Mon-Thu 08:00-17:00, Fri 08:00-16:30').days).toEqual(want);
    expect(parseHours('Mon-Thu 08:00-17:00\nFri 08:00-16:30').days).toEqual(want);
  });

  it('reads 24x7 and 24/7 as every minute of the week', () => {
    for (const spec of ['24x7', '24/7', '24 X 7']) {
      const h = parseHours(spec);
      expect(h.days).toEqual(Array.from({ length: 7 }, () => [[0, 1440]]));
      expect(weeklyHours(h)).toBe(168);
    }
  });

  it('reads a bare range as every day', () => {
    expect(parseHours('08:00-24:00').days).toEqual(Array.from({ length: 7 }, () => [[480, 1440]]));
  });

  it('reads Saturday mornings only', () => {
    expect(parseHours('Sat 09:00-12:00').days).toEqual([[], [], [], [], [], [[540, 720]], []]);
  });

  it('reads day lists and several ranges a day', () => {
    expect(parseHours('Mon,Wed,Fri 09:00-12:00').days).toEqual([[[540, 720]], [], [[540, 720]], [], [[540, 720]], [], []]);
    const split = parseHours('Mon-Fri 08:00-12:00 13:00-17:00');
    expect(split.days[2]).toEqual([
      [480, 720],
      [780, 1020],
    ]);
    expect(weeklyHours(split)).toBe(40);
  });

  it('runs an overnight range into the next day, Sunday night into Monday', () => {
    const h = parseHours('22:00-06:00');
    for (let d = 0; d < 7; d++)
      expect(h.days[d]).toEqual([
        [0, 360],
        [1320, 1440],
      ]);
    expect(weeklyHours(h)).toBe(56);
    const sun = parseHours('Sun 22:00-06:00');
    expect(sun.days[6]).toEqual([[1320, 1440]]);
    expect(sun.days[0]).toEqual([[0, 360]]);
    expect(weeklyHours(sun)).toBe(8);
  });

  it('reads casual times as morning to evening, and 24-hour times literally', () => {
    expect(parseHours('Mon-Fri 9-5:30').days[0]).toEqual([[540, 1050]]);
    expect(parseHours('Mon-Fri 8:30-4').days[0]).toEqual([[510, 960]]);
    expect(parseHours('Mon 08:00-06:00').days[1]).toEqual([[0, 360]]);
    expect(parseHours('Mon 22-6').days[1]).toEqual([[0, 360]]);
  });

  it('reads a casual start of 12 as noon: "12-5" is the afternoon, not overnight', () => {
    expect(parseHours('Mon-Fri 12-5').days.slice(0, 6)).toEqual([[[720, 1020]], [[720, 1020]], [[720, 1020]], [[720, 1020]], [[720, 1020]], []]);
    expect(parseHours('Mon 12-1').days[0]).toEqual([[720, 780]]);
    expect(parseHours('Mon 12:30-1').days[0]).toEqual([[750, 780]]);
    expect(parseHours('Mon 12pm-5').days[0]).toEqual([[720, 1020]]);
    // Written as 24-hour times, noon to 5 in the morning still runs overnight.
    expect(parseHours('Mon 12:00-05:00').days[1]).toEqual([[0, 300]]);
    expect(parseHours('Mon 12am-5').days[0]).toEqual([[0, 300]]);
  });

  it('merges overlapping ranges', () => {
    expect(parseHours('Mon 08:00-12:00 11:00-14:00; Mon 14:00-15:00').days[0]).toEqual([[480, 900]]);
  });

  it('reads midnight as the end of the day', () => {
    expect(parseHours('Fri 18:00-00:00').days[4]).toEqual([[1080, 1440]]);
    expect(parseHours('Fri 18:00-24:00').days[4]).toEqual([[1080, 1440]]);
  });

  it.each(['', '   ', 'none', 'Mon-Fry 8-6', 'Mon-Fri', 'Mon-Fri 25:00-26:00', 'Mon 09:00-09:00', 'Funday 9-5', 'Mon-Fri 08:61-18:00'])(
    'rejects %p, quoting it and showing a valid example',
    (spec) => {
      let err: unknown;
      try {
        parseHours(spec);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HoursSpecError);
      const msg = (err as Error).message;
      expect(msg).toContain(`"${spec}"`);
      expect(msg).toContain('"Mon-Fri 08:00-18:00"');
    },
  );

  it('says which part it could not read', () => {
    expect(() => parseHours('Mon-Fry 8-6')).toThrow('Cannot read hours "Mon-Fry 8-6": "Mon-Fry" is not a range of days');
    expect(() => parseHours('Mon-Fri 9-5 Funday')).toThrow('"Funday" is not a day or a time');
  });
});

describe('formatHours', () => {
  it.each([
    ['mon-fri 8am-6pm', 'Mon-Fri 08:00-18:00'],
    ['Mon-Thu 08:00-17:00, Fri 08:00-16:30', 'Mon-Thu 08:00-17:00; Fri 08:00-16:30'],
    ['24/7', '24x7'],
    ['Mon-Fri 22:00-06:00', 'Mon-Fri 22:00-06:00'],
    ['Sun 22:00-06:00', 'Sun 22:00-06:00'],
    ['Mon-Fri 08:00-12:00 13:00-17:00; Sat 09:00-12:00', 'Mon-Fri 08:00-12:00 13:00-17:00; Sat 09:00-12:00'],
    ['Sat-Sun 00:00-24:00', 'Sat-Sun 00:00-24:00'],
  ])('writes %p as %p', (spec, text) => {
    expect(formatHours(parseHours(spec))).toBe(text);
  });

  it('writes text that reads back to the same hours', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 })).map(([a, b]) => [a * 30, b * 30] as [number, number]);
    const days = fc.array(fc.array(range, { maxLength: 3 }), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(days, (raw) => {
        const spec = raw
          .map((ranges, d) =>
            ranges.length ? `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d]} ${ranges.map(([s, e]) => `${hm(s)}-${hm(e)}`).join(' ')}` : '',
          )
          .filter((p) => p !== '' && !p.match(/(\d\d:\d\d)-\1/))
          .join('; ');
        let h: WeeklyHours;
        try {
          h = parseHours(spec);
        } catch {
          return; // nothing to read, or a range that starts and ends at once
        }
        const again = parseHours(formatHours(h));
        expect(again.days).toEqual(h.days);
        expect(weeklyHours(again)).toBe(weeklyHours(h));
      }),
      { numRuns: 300 },
    );
  });
});

const hm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

describe('weeklyHours and uncoveredHours', () => {
  it('counts hours per week', () => {
    expect(weeklyHours(parseHours('Mon-Fri 08:00-18:00'))).toBe(50);
    expect(weeklyHours(parseHours('Mon-Thu 08:00-17:00; Fri 08:00-16:30'))).toBe(44.5);
  });

  it('reports what the contract hours leave uncovered', () => {
    const need = parseHours('Mon-Fri 08:00-18:00');
    const gap = uncoveredHours(need, parseHours('Mon-Fri 09:00-17:00'));
    expect(gap.hoursPerWeek).toBe(10);
    expect(gap.days[0]).toEqual([
      [480, 540],
      [1020, 1080],
    ]);
    expect(gap.days[5]).toEqual([]);
    expect(uncoveredHours(need, parseHours('24x7'))).toEqual({ hoursPerWeek: 0, days: [[], [], [], [], [], [], []] });
    expect(uncoveredHours(need, parseHours('Mon-Thu 08:00-18:00')).hoursPerWeek).toBe(10);
    expect(uncoveredHours(need, parseHours('Mon-Fri 08:00-12:00 13:00-18:00')).hoursPerWeek).toBe(5);
    expect(uncoveredHours(parseHours('24x7'), need).hoursPerWeek).toBe(118);
  });

  it('leaves nothing uncovered by the same hours and all of need uncovered by disjoint hours', () => {
    const slot = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 46 }), fc.integer({ min: 1, max: 47 }));
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 5 }), fc.array(slot, { minLength: 1, maxLength: 5 }), (a, b) => {
        const toSpec = (xs: Array<[number, number, number]>): string =>
          xs.map(([d, s, e]) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d]} ${hm(s * 30)}-${hm(Math.max(s + 1, e) * 30)}`).join('; ');
        const need = parseHours(toSpec(a));
        const have = parseHours(toSpec(b));
        expect(uncoveredHours(need, need).hoursPerWeek).toBe(0);
        const gap = uncoveredHours(need, have).hoursPerWeek;
        const back = uncoveredHours(have, need).hoursPerWeek;
        // |need \ have| - |have \ need| = |need| - |have|
        expect(gap - back).toBeCloseTo(weeklyHours(need) - weeklyHours(have), 9);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(weeklyHours(need));
      }),
      { numRuns: 200 },
    );
  });
});
