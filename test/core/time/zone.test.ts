import fc from 'fast-check';
import { dayOfKey, isValidTimeZone, localDateKey, localToUtc, utcOffsetMs } from '../../../src/core/time/zone';

const H = 3_600_000;

describe('isValidTimeZone', () => {
  it('knows IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Australia/Sydney')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Londn')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Mon-Fri 08:00-18:00')).toBe(false);
  });
});

describe('localDateKey', () => {
  it('gives the local date of an instant', () => {
    expect(localDateKey(Date.UTC(2024, 5, 30, 23, 30), 'Europe/London')).toBe('2024-07-01');
    expect(localDateKey(Date.UTC(2024, 11, 31, 23, 30), 'Europe/London')).toBe('2024-12-31');
    expect(localDateKey(Date.UTC(2024, 5, 30, 14, 0), 'Australia/Sydney')).toBe('2024-07-01');
    expect(localDateKey(Date.UTC(2024, 0, 1, 3, 0), 'America/New_York')).toBe('2023-12-31');
  });

  it('agrees with Intl on random instants', () => {
    const zones = ['Europe/London', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata', 'UTC'];
    const fmts = zones.map((tz) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.integer({ min: 0, max: zones.length - 1 }), (ms, z) => {
        expect(localDateKey(ms, zones[z])).toBe(fmts[z].format(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('throws for an unknown zone', () => {
    expect(() => localDateKey(0, 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
  });
});

describe('localToUtc', () => {
  it('reads wall-clock time in summer and winter', () => {
    expect(localToUtc(2024, 1, 15, 9 * 60, 'Europe/London')).toBe(Date.UTC(2024, 0, 15, 9));
    expect(localToUtc(2024, 7, 15, 9 * 60, 'Europe/London')).toBe(Date.UTC(2024, 6, 15, 8));
    expect(localToUtc(2024, 7, 15, 9 * 60, 'Australia/Sydney')).toBe(Date.UTC(2024, 6, 14, 23));
    expect(localToUtc(2024, 1, 15, 9 * 60, 'Australia/Sydney')).toBe(Date.UTC(2024, 0, 14, 22));
    expect(localToUtc(2024, 1, 15, 1440, 'Europe/London')).toBe(Date.UTC(2024, 0, 16));
  });

  it('moves a skipped time forward and takes the first showing of a repeated time', () => {
    // London: 01:00 GMT on 31 Mar 2024 became 02:00 BST; 02:00 BST on 27 Oct 2024 became 01:00 GMT.
    expect(localToUtc(2024, 3, 31, 90, 'Europe/London')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(localToUtc(2024, 10, 27, 90, 'Europe/London')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    // Sydney: 03:00 AEDT on 7 Apr 2024 became 02:00 AEST; 02:00 AEST on 6 Oct 2024 became 03:00 AEDT.
    expect(localToUtc(2024, 4, 7, 150, 'Australia/Sydney')).toBe(Date.UTC(2024, 3, 6, 15, 30));
    expect(localToUtc(2024, 10, 6, 150, 'Australia/Sydney')).toBe(Date.UTC(2024, 9, 5, 16, 30));
  });

  it('round-trips with localDateKey and utcOffsetMs', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOfKey('1950-01-01')!, max: dayOfKey('2080-01-01')! }), fc.integer({ min: 0, max: 1439 }), (day, min) => {
        const tz = 'Europe/London';
        const d = new Date(day * 86_400_000);
        const u = localToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), min, tz);
        const wall = u + utcOffsetMs(u, tz);
        // Equal unless the time was skipped, when it moves forward by the skipped hour.
        expect([0, H]).toContain(wall - (day * 86_400_000 + min * 60_000));
      }),
      { numRuns: 2000 },
    );
  });
});
