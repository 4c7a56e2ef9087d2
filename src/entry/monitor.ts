/** The custom functions that watch open items and trends. */
import { ArgumentError, instantOf, isGrid, readRanges, unreadLine, type Grid } from '../core/attainment';
import { clockTable, openItemClocks } from '../core/monitor/clock';
import { isBlank } from '../core/values';
import { guard, single, zoneArg } from './functionArgs';

/** The ranges, and a time zone when the last argument is text rather than a range. */
function rangesAndZone(ranges: unknown[]): { grids: Grid[]; tz: string } {
  const last = ranges[ranges.length - 1];
  const zoneGiven = ranges.length > 0 && !isGrid(last);
  const { tz } = zoneArg(zoneGiven ? last : undefined, 'time zone (last argument)');
  const grids = zoneGiven ? ranges.slice(0, -1) : ranges;
  grids.forEach((g, k) => {
    if (!isGrid(g)) throw new ArgumentError(`range ${k + 1}`, 'expected a range with its header row');
  });
  return { grids: grids as Grid[], tz };
}

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
    const { grids, tz } = rangesAndZone(ranges);
    const at = single(as_of);
    const asOf = isBlank(at) ? Date.now() : instantOf(at, tz, 'as_of')!;
    const { model, cols, unread } = readRanges(grids, tz, ['incidents', 'services', 'targets']);
    const table = clockTable(openItemClocks(cols, model, asOf));
    if (unread.length) table.push(unreadLine(unread, table[0].length));
    return table;
  });
}
