import { FIRST_YEAR, LAST_YEAR, localToUtc } from '../time/zone';

const ISO = /^(\d{4,5})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4,5})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads date text typed into a cell ("2025-03-04 09:15" or "04/03/2025 09:15", day first as schools in
 * the UK write it, or month first when `monthFirst`) as local time in `timeZone`. Undefined when it is not a
 * real date; NaN when it is a real date outside the years the engine supports (a typing slip such as 20226 or
 * 1066, reported as such).
 */
export function parseLocalDateTime(text: string, timeZone: string, allowTime: boolean, monthFirst = false): number | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = DAY_FIRST.exec(s);
    if (m) [y, mo, d] = [Number(m[3]), Number(m[monthFirst ? 1 : 2]), Number(m[monthFirst ? 2 : 1])];
    else return undefined;
  }
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const min = m[5] === undefined ? 0 : Number(m[5]);
  if (!allowTime && m[4] !== undefined) return undefined;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  if (y < FIRST_YEAR || y > LAST_YEAR) return NaN;
  return localToUtc(y, mo, d, h * 60 + min, timeZone) + (m[6] === undefined ? 0 : Number(m[6]) * 1000);
}
