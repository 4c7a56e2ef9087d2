/** English school terms for the example: holidays, half terms, INSET days and bank holidays, as closures. */
import { dayKey, daysFromCivil } from '../time/zone';

export interface ExampleClosure {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** Monday = 0 ... Sunday = 6 for a day number (days since 1970-01-01, a Thursday). */
const weekday = (day: number): number => (((day + 3) % 7) + 7) % 7;
const onOrBefore = (day: number, wd: number): number => day - ((weekday(day) - wd + 7) % 7);
const onOrAfter = (day: number, wd: number): number => day + ((wd - weekday(day) + 7) % 7);
const SAT = 5,
  SUN = 6,
  MON = 0;

/** Easter Sunday (anonymous Gregorian algorithm) as a day number. */
function easter(y: number): number {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** A week off from the Saturday before `monday` to the Sunday after. */
const halfTerm = (monday: number, reason: string): ExampleClosure => ({ from: dayKey(monday - 2), to: dayKey(monday + 6), reason });

/** Closures of the academic year that starts in September of `y`. */
export function academicYearClosures(y: number): ExampleClosure[] {
  const christmasStart = onOrBefore(daysFromCivil(y, 12, 21), SAT);
  const christmasEnd = onOrAfter(daysFromCivil(y + 1, 1, 3), SUN);
  const e = easter(y + 1);
  const lateMay = onOrBefore(daysFromCivil(y + 1, 5, 31), MON);
  const summerStart = onOrBefore(daysFromCivil(y + 1, 7, 22), SAT);
  const one = (day: number, reason: string): ExampleClosure => ({ from: dayKey(day), to: dayKey(day), reason });
  return [
    { from: dayKey(daysFromCivil(y, 9, 1)), to: dayKey(daysFromCivil(y, 9, 2)), reason: 'INSET days' },
    halfTerm(onOrBefore(daysFromCivil(y, 10, 31), MON), 'Autumn half term'),
    { from: dayKey(christmasStart), to: dayKey(christmasEnd), reason: 'Christmas holidays' },
    one(christmasEnd + 1, 'INSET day'),
    halfTerm(onOrAfter(daysFromCivil(y + 1, 2, 15), MON), 'Spring half term'),
    { from: dayKey(e - 8), to: dayKey(e + 7), reason: 'Easter holidays (incl. Good Friday and Easter Monday)' },
    one(onOrAfter(daysFromCivil(y + 1, 5, 1), MON), 'Early May bank holiday'),
    halfTerm(lateMay, 'Summer half term (incl. spring bank holiday)'),
    { from: dayKey(summerStart), to: dayKey(daysFromCivil(y + 1, 8, 31)), reason: 'Summer holidays' },
  ];
}

export { weekday };
