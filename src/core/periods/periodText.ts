/** Reads what a user types when asked for a review period: "last term", "this month", or two dates. */
import type { PeriodKind, PeriodRequest } from './period';
import { DAY_MS } from '../time/zone';

const WORDS: ReadonlyArray<readonly [RegExp, PeriodKind]> = [
  [/^this\s+month$/, 'thisMonth'],
  [/^(last|previous)\s+month$/, 'lastMonth'],
  [/^this\s+term$/, 'thisTerm'],
  [/^(last|previous)\s+term$/, 'lastTerm'],
  [/^(this\s+)?(academic\s+)?year$|^academic\s+year$/, 'academicYear'],
];

const DATE = /(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})/g;

const iso = (d: string): string => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d);
  const [y, mo, da] = m ? [m[3], m[2], m[1]] : d.split('-');
  return `${y}-${mo.padStart(2, '0')}-${da.padStart(2, '0')}`;
};

/** True for a calendar date that exists (no 31 February). */
const realDate = (isoDay: string): boolean => {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === isoDay;
};

/**
 * The period asked for, or a plain-words error. Blank means last term. Two dates are the first and the
 * last day of the period, both included (as people say them), so the end sent on is the day after.
 */
export function parsePeriodText(input: string): PeriodRequest | { error: string } {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'lastTerm' };
  for (const [re, kind] of WORDS) if (re.test(text)) return { kind };
  const dates = text.match(DATE);
  if (dates && dates.length === 2) {
    const [a, b] = dates.map(iso);
    const end = Date.parse(`${b}T00:00:00Z`);
    if (!realDate(a) || !realDate(b)) return { error: `"${input.trim()}" does not hold two real dates.` };
    return { kind: 'custom', start: a, end: new Date(end + DAY_MS).toISOString().slice(0, 10) };
  }
  return {
    error: `"${input.trim()}" is not a period I can read. Type this month, last month, this term, last term or academic year, or two dates such as 2026-09-01 to 2026-12-18.`,
  };
}
