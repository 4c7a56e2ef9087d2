import type { ClosureRow } from '../schema/records';
import { civilFromDays, daysFromCivil, localDayNumber } from '../time/zone';
import { maxOf } from '../values';

/**
 * A stretch of closed days, with the weekends around it, this long or longer is a school holiday
 * (Christmas, Easter, summer) and the stretches between holidays are terms; a half term (a week with
 * its weekends, 9 days) stays inside its term, however its rows are typed.
 */
const HOLIDAY_MIN_DAYS = 14;
/** Gaps between holidays shorter than this are left-over days, not terms. */
const TERM_MIN_DAYS = 7;

/** Days are local day numbers (days since 1970-01-01 on the school's wall calendar); `to` is exclusive. */
export interface DaySpan {
  readonly from: number;
  readonly to: number;
}

export interface Term extends DaySpan {
  readonly label: string;
}

/** First day (1 September) of the academic year holding local day `day`. */
export function academicYearOf(day: number): number {
  const { y, m } = civilFromDays(day);
  return m >= 9 ? y : y - 1;
}

/** Saturday or Sunday (day numbers count from Thursday 1 January 1970). */
const isWeekend = (day: number): boolean => {
  const r = ((day % 7) + 7) % 7;
  return r === 2 || r === 3;
};

/** Closed days and their neighbouring weekends merged into runs, keeping those of HOLIDAY_MIN_DAYS or more. */
export function holidays(closures: readonly ClosureRow[], timeZone: string): DaySpan[] {
  const spans = closures
    .map((c) => {
      const a = localDayNumber(c.from, timeZone);
      const b = localDayNumber(c.to ?? c.from, timeZone);
      let from = Math.min(a, b);
      let to = Math.max(a, b) + 1;
      while (isWeekend(from - 1)) from--;
      while (isWeekend(to)) to++;
      return { from, to };
    })
    .sort((x, y) => x.from - y.from);
  const merged: DaySpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, s.to) };
    else merged.push(s);
  }
  return merged.filter((s) => s.to - s.from >= HOLIDAY_MIN_DAYS);
}

const season = (day: number): string => {
  const m = civilFromDays(day).m;
  return m >= 9 ? 'Autumn' : m <= 3 ? 'Spring' : 'Summer';
};

const startsInSummer = (h: DaySpan): boolean => {
  const m = civilFromDays(h.from).m;
  return m === 7 || m === 8;
};

/**
 * Terms of the academic year starting 1 September `year`: the stretches of it between holidays. When
 * the Closures tab does not hold that year's Christmas and Easter holidays, the usual English pattern
 * stands in (autumn to December, spring to March, summer to August), trimmed by any summer holiday known.
 */
export function termsOfYear(year: number, hols: readonly DaySpan[]): Term[] {
  const first = daysFromCivil(year, 9, 1);
  const end = daysFromCivil(year + 1, 9, 1);
  const inYear = hols.filter((h) => h.to > first && h.from < end);
  const splitting = inYear.filter((h) => h.from > first && !startsInSummer(h));
  let spans: DaySpan[];
  if (splitting.length < 2) {
    const from = maxOf([first, ...inYear.filter((h) => h.from <= first).map((h) => h.to)])!;
    const summer = inYear.find((h) => h.from > first && startsInSummer(h));
    const jan = daysFromCivil(year + 1, 1, 1);
    const apr = daysFromCivil(year + 1, 4, 1);
    spans = [
      { from, to: jan },
      { from: jan, to: apr },
      { from: apr, to: summer ? summer.from : end },
    ];
  } else {
    spans = [];
    let at = first;
    for (const h of inYear) {
      if (h.from > at) spans.push({ from: at, to: Math.min(h.from, end) });
      at = Math.max(at, h.to);
    }
    if (at < end) spans.push({ from: at, to: end });
    spans = spans.filter((s) => s.to - s.from >= TERM_MIN_DAYS);
  }
  const names = spans.map((s) => `${season(s.from)} term ${civilFromDays(s.from).y}`);
  return spans.map((s, i) => {
    const same = names.filter((n) => n === names[i]).length;
    const nth = names.slice(0, i + 1).filter((n) => n === names[i]).length;
    return { ...s, label: same > 1 ? `${names[i]} (part ${nth})` : names[i] };
  });
}
