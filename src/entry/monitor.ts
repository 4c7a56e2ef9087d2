/** The custom functions that watch open items and trends. */
import { readRanges, unreadLine } from '../core/attainment/fromRanges';
import { ArgumentError, single } from '../core/arguments/grid';
import { instantOf } from '../core/arguments/dates';
import { rangesThenZone } from '../core/arguments/zone';
import { clockTable, openItemClocks } from '../core/monitor/clock';
import { monthlyTrends, trendTable } from '../core/monitor/trends';
import { isBlank } from '../core/values';
import { spreadsheetLocale, spreadsheetZone } from '../adapters/sheets';
import { guard } from './guard';

/**
 * The clock of every open item, most urgent first: respond-by and fix-by in the service's support hours,
 * working hours left, share of the target time used, and a state (On track, 75% used, Breached).
 * @param {Date} as_of The instant to judge at; blank means now (when Sheets recalculates).
 * @param {Range} ranges The Incidents, Services and Targets ranges (and Calendars, Closures) in any order, each with its header row; optionally a time zone last.
 * @return A table with a header row, one row per open item.
 * @customfunction
 */
export function SLM_CLOCK(as_of: unknown, ...ranges: unknown[]): unknown {
  return guard(() => {
    const { ranges: grids, zones } = rangesThenZone(ranges, spreadsheetZone(), spreadsheetLocale);
    const at = single(as_of);
    const asOf = isBlank(at) ? Date.now() : instantOf(at, zones, 'as_of')!;
    const { model, cols, unread } = readRanges(grids, zones.tz, ['incidents', 'services', 'targets']);
    const table = clockTable(openItemClocks(cols, model, asOf));
    if (unread.length) table.push(unreadLine(unread, table[0].length));
    return table;
  });
}

/**
 * Monthly trends over the last 12 months: the share of items met, or availability, per service, for a
 * chart. A month with nothing to judge is blank, never 0%.
 * @param {string} measure "met" (share of items met) or "availability".
 * @param {Date} as_of The last month is the one holding this date; blank means today.
 * @param {Range} ranges The Incidents and Services ranges (and Holds, SLA, Targets, Calendars, Closures) in any order, each with its header row; optionally a time zone last.
 * @return A table: Month, then one column per service, named with its own target.
 * @customfunction
 */
export function SLM_TRENDS(measure: unknown, as_of: unknown, ...ranges: unknown[]): unknown {
  return guard(() => {
    const what = String(single(measure) ?? '')
      .trim()
      .toLowerCase();
    if (what !== 'met' && what !== 'availability') throw new ArgumentError('measure', `"${String(single(measure))}" is neither "met" nor "availability"`);
    const { ranges: grids, zones } = rangesThenZone(ranges, spreadsheetZone(), spreadsheetLocale);
    const at = single(as_of);
    const asOf = isBlank(at) ? Date.now() : instantOf(at, zones, 'as_of')!;
    const { model, cols, unread } = readRanges(grids, zones.tz);
    const table = trendTable(monthlyTrends(model, cols, asOf), what);
    if (unread.length) table.push(unreadLine(unread, table[0].length));
    return table;
  });
}
