import type { Period, PeriodKind, PeriodRequest } from './period';
import type { Workbook } from '../workbook/parseWorkbook';
import { civilFromDays, dayOfKey, daysFromCivil, localDayNumber, localToUtc } from '../time/zone';
import { academicYearOf, holidays, termsOfYear, type DaySpan, type Term } from './terms';
import { isAll } from '../schema/ids';

/** A period the user can pick: [start, end) in epoch ms with a label such as "Autumn term 2026". */
export interface PeriodOption extends Period {
  readonly kind: PeriodKind;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const midnight = (day: number, tz: string): number => {
  const { y, m, d } = civilFromDays(day);
  return localToUtc(y, m, d, 0, tz);
};

const option = (kind: PeriodKind, span: DaySpan, label: string, tz: string): PeriodOption => ({
  kind,
  start: midnight(span.from, tz),
  end: midnight(span.to, tz),
  label,
});

/** Month `n` counted from January of year 0, so `n - 1` is always the month before. */
const monthOption = (kind: PeriodKind, n: number, tz: string): PeriodOption => {
  const y = Math.floor(n / 12);
  const m = (n % 12) + 1;
  return option(kind, { from: daysFromCivil(y, m, 1), to: daysFromCivil(y, m + 1, 1) }, `${MONTHS[m - 1]} ${y}`, tz);
};

const yearOption = (year: number, tz: string): PeriodOption =>
  option(
    'academicYear',
    { from: daysFromCivil(year, 9, 1), to: daysFromCivil(year + 1, 9, 1) },
    `Academic year ${year}-${String((year + 1) % 100).padStart(2, '0')}`,
    tz,
  );

/**
 * Terms of the academic years before, of and after local day `day`: the stretches between school
 * holidays, a holiday being a long run of closed days on the Closures tab (rows for ALL, or for any
 * calendar when no ALL row makes a holiday).
 */
function termsAround(wb: Pick<Workbook, 'timeZone' | 'closures'>, day: number): Term[] {
  let hols = holidays(
    wb.closures.filter((c) => isAll(c.calendar)),
    wb.timeZone,
  );
  if (hols.length === 0) hols = holidays(wb.closures, wb.timeZone);
  const year = academicYearOf(day);
  return [year - 1, year, year + 1].flatMap((y) => termsOfYear(y, hols));
}

/**
 * The periods offered for reports at instant `nowMs`, in the workbook's time zone: this month, last month,
 * this term, last term and this academic year (1 September to 31 August). During a holiday, "this term"
 * is the term just ended.
 */
export function listPeriods(wb: Pick<Workbook, 'timeZone' | 'closures'>, nowMs: number): PeriodOption[] {
  const tz = wb.timeZone;
  const today = localDayNumber(nowMs, tz);
  const { y, m } = civilFromDays(today);
  const out = [monthOption('thisMonth', y * 12 + m - 1, tz), monthOption('lastMonth', y * 12 + m - 2, tz)];
  const terms = termsAround(wb, today);
  let k = -1;
  for (let i = 0; i < terms.length; i++) if (terms[i].from <= today) k = i;
  if (k >= 0) out.push(option('thisTerm', terms[k], terms[k].label, tz));
  if (k >= 1) out.push(option('lastTerm', terms[k - 1], terms[k - 1].label, tz));
  out.push(yearOption(academicYearOf(today), tz));
  return out;
}

const SHORT = (day: number): string => {
  const { y, m, d } = civilFromDays(day);
  return `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
};

/** "2 Nov 2026", or "1 Nov 2026 to 30 Nov 2026": first and last day, both included. */
const spanLabel = (first: number, last: number): string => (first === last ? SHORT(first) : `${SHORT(first)} to ${SHORT(last)}`);

/**
 * A custom period from ISO dates: "YYYY-MM-DD" is a local date in `timeZone` (start inclusive, end
 * exclusive, as the sidebar sends them); a full ISO instant is taken as is. Throws a plain-English Error
 * for unreadable dates or an end not after the start.
 */
export function customPeriod(startIso: string, endIso: string, timeZone: string): PeriodOption {
  const read = (iso: string, which: string): number => {
    const day = dayOfKey(iso);
    if (day !== undefined) return midnight(day, timeZone);
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso.trim()) ? Date.parse(iso) : NaN;
    if (Number.isNaN(ms)) throw new Error(`The ${which} date "${iso}" is not a date such as 2026-11-01.`);
    return ms;
  };
  const start = read(startIso, 'start');
  const end = read(endIso, 'end');
  if (end <= start) throw new Error(`The period must end after it starts (${startIso} to ${endIso}).`);
  const first = localDayNumber(start, timeZone);
  const last = localDayNumber(end - 1, timeZone);
  return { kind: 'custom', start, end, label: spanLabel(first, last) };
}

/**
 * The period to compare `p` with, for trends: the term before a term, the month before a month, the
 * academic year before a year; before a custom period, the same number of local days (so a clock change
 * does not shift it off midnight), or the same length when it does not run from midnight to midnight.
 */
export function previousPeriod(wb: Pick<Workbook, 'timeZone' | 'closures'>, p: PeriodOption): Period {
  const tz = wb.timeZone;
  const a = localDayNumber(p.start, tz);
  const b = localDayNumber(p.end, tz);
  const { y, m } = civilFromDays(a);
  if (p.kind === 'thisMonth' || p.kind === 'lastMonth') return monthOption(p.kind, y * 12 + m - 2, tz);
  if (p.kind === 'academicYear') return yearOption(academicYearOf(a) - 1, tz);
  const term =
    p.kind === 'custom'
      ? undefined
      : termsAround(wb, a)
          .filter((t) => t.from < a)
          .pop();
  if (term) return option(p.kind, term, term.label, tz);
  if (midnight(a, tz) === p.start && midnight(b, tz) === p.end) return option('custom', { from: 2 * a - b, to: a }, spanLabel(2 * a - b, a - 1), tz);
  return { start: 2 * p.start - p.end, end: p.start, label: `The same length before ${p.label}` };
}

/** A period from what the sidebar asks for: one of listPeriods by kind, or custom dates. */
export function resolvePeriod(wb: Pick<Workbook, 'timeZone' | 'closures'>, nowMs: number, req: PeriodRequest): PeriodOption {
  if (req.kind === 'custom') {
    if (!req.start || !req.end) throw new Error('A custom period needs a start and an end date.');
    return customPeriod(req.start, req.end, wb.timeZone);
  }
  const all = listPeriods(wb, nowMs);
  return all.find((p) => p.kind === req.kind) ?? all.find((p) => p.kind === 'lastMonth')!;
}
