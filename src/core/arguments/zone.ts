/** The time-zone argument of a custom function, and the spreadsheet's locale that date text is read in. */
import { isValidTimeZone } from '../time/zone';
import { isBlank } from '../values';
import { ArgumentError, isGrid } from './grid';

/**
 * The zone to work in, the zone date cells were read in (the spreadsheet's, when known), and the spreadsheet's
 * locale (asked for only when date text such as "11/02/2026" has to be read).
 */
export interface Zones {
  readonly tz: string;
  readonly dateZone: string;
  readonly locale: () => string | undefined;
}

const noLocale = (): undefined => undefined;

/** Asks for the locale at most once per call, however many cells hold date text. */
function once(f: () => string | undefined): () => string | undefined {
  let asked = false;
  let value: string | undefined;
  return () => {
    if (!asked) [asked, value] = [true, f()];
    return value;
  };
}

/** The zone named by `v` (a cell or a one-cell range), else the spreadsheet's zone `sheetZone`. */
export function zoneArgument(v: unknown, sheetZone: string | undefined, argument = 'time_zone', locale: () => string | undefined = noLocale): Zones {
  const given = isGrid(v) ? v[0][0] : v;
  locale = once(locale);
  if (!isBlank(given)) {
    const tz = String(given).trim();
    if (!isValidTimeZone(tz)) throw new ArgumentError(argument, `"${tz}" is not a time zone; use a name such as Europe/London`);
    return { tz, dateZone: sheetZone ?? tz, locale };
  }
  if (!sheetZone) throw new ArgumentError(argument, "no time zone given and the spreadsheet's is not available");
  return { tz: sheetZone, dateZone: sheetZone, locale };
}

/** Ranges optionally followed by a time zone (a last argument that is not a range), split apart. */
export function rangesThenZone(
  args: readonly unknown[],
  sheetZone: string | undefined,
  locale?: () => string | undefined,
): { ranges: readonly unknown[]; zones: Zones } {
  const last = args[args.length - 1];
  const zoneGiven = args.length > 0 && !Array.isArray(last);
  return {
    ranges: zoneGiven ? args.slice(0, -1) : args,
    zones: zoneArgument(zoneGiven ? last : undefined, sheetZone, 'time zone (last argument)', locale),
  };
}
