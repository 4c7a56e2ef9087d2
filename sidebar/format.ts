/** What only the panel needs beyond the core's wording (src/core/text.ts): date-key steps, spans and status badges. */
import type { Rag } from '../src/core/attainment/types';
import { hoursText, shortDate } from '../src/core/text';
import { statusText } from '../src/core/attainment/status';

/**
 * Working hours as the core says them, with a no-break space so a line never ends between the figure and
 * its unit.
 */
export const hours = (h: number): string => hoursText(h).replace(' ', '\u00a0');

/** The local date a day after "YYYY-MM-DD" (an inclusive "to" date as the exclusive end the server wants). */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

/** The day before "YYYY-MM-DD" (an exclusive end shown as the last day included). */
export function previousDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** A period's dates as the last day included: "3 Sep 2026 to 18 Dec 2026". */
export function spanText(start: string, end: string): string {
  const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  if (!isDay(start) || !isDay(end)) return `${start} to ${end}`;
  return `${shortDate(start)} to ${shortDate(previousDay(end))}`;
}

/** The CSS class of a status badge. */
export const ragClass = (rag: Rag | null): string =>
  rag === 'Met'
    ? 'badge met'
    : rag === 'At risk'
      ? 'badge at-risk'
      : rag === 'Breached'
        ? 'badge breached'
        : rag === 'Too few to judge'
          ? 'badge too-few-to-judge'
          : 'badge none';

/** A status in words, for screen readers and for people who cannot tell the colours apart. */
export const ragText = (rag: Rag | null): string => statusText(rag ?? undefined);
