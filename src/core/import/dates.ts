/**
 * Dates in helpdesk exports: ISO ("2025-03-04 09:15:00", "2025-03-04T09:15:00Z", "+01:00") or numeric
 * with the year last ("04/03/2025 09:15", "03-04-2025 9:15 AM", "04.03.2025 09:15"). Whether the
 * numeric ones are day first or month first is decided from the file (a first part over 12 means
 * day first), else from the spreadsheet's locale, and the preview says which and why.
 */
import { localToUtc } from '../time/zone';

export type DateOrder = 'dmy' | 'mdy';
export type OrderSource = 'file' | 'locale' | 'choice';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offsetMin?: number;
}

/** The two leading numbers of a numeric date, or undefined when the text is not one. */
export function numericPair(text: string): readonly [number, number] | undefined {
  const m = NUMERIC.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * The reading of a set of date texts: 'dmy' when one starts with a day over 12, 'mdy' when one has a
 * second part over 12, `conflict` when both occur, undefined when none can tell.
 */
export function orderFromFile(texts: Iterable<string>): DateOrder | 'conflict' | undefined {
  let dmy = false;
  let mdy = false;
  for (const t of texts) {
    const p = numericPair(t);
    if (!p) continue;
    if (p[0] > 12) dmy = true;
    if (p[1] > 12) mdy = true;
  }
  return dmy && mdy ? 'conflict' : dmy ? 'dmy' : mdy ? 'mdy' : undefined;
}

/** Locales that write the month first (en_US and its neighbours); every other writes the day first. */
export const localeOrder = (locale: string): DateOrder => (/^en[_-](US|PH|CA)|^(fil|es_US)/i.test(locale) ? 'mdy' : 'dmy');

function parts(text: string, order: DateOrder): Parts | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) {
    const off = m[7];
    const offsetMin = off === undefined ? undefined : /z/i.test(off) ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
    return { y: +m[1], mo: +m[2], d: +m[3], h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0), offsetMin };
  }
  m = NUMERIC.exec(s);
  if (!m) return undefined;
  let h = +(m[4] ?? 0);
  const ampm = m[7]?.toUpperCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm === 'PM' ? 12 : 0);
  }
  const [a, b] = [+m[1], +m[2]];
  return { y: +m[3], mo: order === 'dmy' ? b : a, d: order === 'dmy' ? a : b, h, mi: +(m[5] ?? 0), s: +(m[6] ?? 0) };
}

/** The instant a date text stands for (local time in `timeZone` unless it carries an offset), or undefined. */
export function parseImportDate(text: string, order: DateOrder, timeZone: string): number | undefined {
  const p = parts(text, order);
  if (!p) return undefined;
  const probe = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  if (probe.getUTCFullYear() !== p.y || probe.getUTCMonth() !== p.mo - 1 || probe.getUTCDate() !== p.d) return undefined;
  if (p.h > 23 || p.mi > 59 || p.s > 59) return undefined;
  if (p.offsetMin !== undefined) return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - p.offsetMin * 60_000;
  return localToUtc(p.y, p.mo, p.d, p.h * 60 + p.mi, timeZone) + p.s * 1000;
}
