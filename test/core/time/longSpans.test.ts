/**
 * Long spans (issue 9, item 11): working time over years is summed by the week with each clock change's day
 * worked out exactly; it must agree with stepping a day at a time through the day tables, anywhere in the
 * years 1800 to 2399, in zones with and without clock changes.
 */
import fc from 'fast-check';
import { makeCalendar, type Closure } from '../../../src/core/time/calendar';
import { parseHours } from '../../../src/core/time/hours';
import { dayKey } from '../../../src/core/time/zone';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const FIRST = Date.UTC(1800, 0, 10);
const LAST = Date.UTC(2385, 0, 1);
const ZONES = ['UTC', 'Europe/London', 'Australia/Sydney', 'America/New_York', 'Africa/Casablanca', 'Asia/Kolkata'];
const SPECS = [
  'Mon-Fri 08:00-18:00',
  '24x7',
  'Mon-Thu 08:00-17:00; Fri 08:00-16:30',
  'Mon-Sun 22:00-06:00',
  'Sat-Sun 00:30-03:30',
  'Mon-Fri 01:00-02:30 03:00-12:00',
];

/** Working time from a to b a day at a time: every step lies inside the day tables. */
function daySteps(cal: ReturnType<typeof makeCalendar>, a: number, b: number): number {
  let w = 0;
  for (let t = a; t < b; t += DAY) w += cal.workingMs(t, Math.min(t + DAY, b));
  return w;
}

let made = 0;
/** A calendar no earlier case has built tables for: a closure of its own in 2399, past every span. */
function fresh(spec: string, closures: Closure[], tz: string) {
  const own = dayKey(Math.floor(Date.UTC(2399, 0, 1) / DAY) + (made++ % 300));
  return makeCalendar(parseHours(spec), [...closures, { from: own, to: own }], tz);
}

const closure = fc.tuple(fc.integer({ min: 0, max: 20 * 366 }), fc.integer({ min: 0, max: 30 })).map(([start, len]) => ({ start, len }));

describe('working time over long spans', () => {
  test('agrees with stepping a day at a time (random zones, hours, closures and spans of 2 to 12 years)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...SPECS),
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: Math.ceil((2.1 * YEAR) / 60_000), max: Math.floor((12 * YEAR) / 60_000) }),
        fc.array(closure, { maxLength: 6 }),
        (tz, spec, a0, spanMin, cs) => {
          const a = Math.floor(a0 / 60_000) * 60_000;
          const b = a + spanMin * 60_000;
          const firstDay = Math.floor(a / DAY);
          const closures = cs.map(({ start, len }) => ({ from: dayKey(firstDay + start), to: dayKey(firstDay + start + len) }));
          const cal = fresh(spec, closures, tz);
          const long = cal.workingMs(a, b);
          expect(long).toBe(daySteps(cal, a, b));
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  test('the due instant of a long duration is where that much working time has passed, and the first such instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...SPECS),
        fc.integer({ min: FIRST, max: LAST }),
        fc.integer({ min: 3000, max: 40_000 }),
        (tz, spec, a0, hours) => {
          const a = Math.floor(a0 / 60_000) * 60_000;
          const cal = fresh(spec, [], tz);
          const due = cal.dueMs(a, hours * 3_600_000);
          // Past the engine's last day only when the hours left before it are fewer.
          if (!Number.isFinite(due)) {
            expect(cal.workingMs(a, Date.UTC(2399, 11, 31))).toBeLessThan(hours * 3_600_000);
            return;
          }
          expect(daySteps(cal, a, due)).toBe(hours * 3_600_000);
          expect(cal.workingMs(a, due - 1)).toBeLessThan(hours * 3_600_000);
        },
      ),
      { numRuns: 40, seed: 12 },
    );
  });

  test("a span of the engine's whole range, and a due time past it", () => {
    const cal = makeCalendar(parseHours('Mon-Fri 08:00-18:00'), [{ from: '2026-12-21', to: '2027-01-01' }], 'Europe/London');
    const a = Date.UTC(1800, 0, 2);
    const b = Date.UTC(2399, 11, 30);
    // 1800-01-02 to 2399-12-30 holds 156,530 weekdays (counted by Python's calendar) of 10 h, less the ten closed ones.
    expect(cal.workingMs(a, b) / 3_600_000).toBe(1_565_200);
    expect(cal.dueMs(Date.UTC(2026, 0, 5), 1_000_000 * 3_600_000)).toBe(Infinity);
  });
});
