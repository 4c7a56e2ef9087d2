/** Wall-clock parts of instants in IANA time zones, for Utilities.formatDate and cell parsing/display. */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Apps Script also accepts fixed offsets such as "GMT+1" or "GMT-05:30". */
const fixedOffsetMinutes = (tz: string): number | null => {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(tz.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
};

const formatterFor = (tz: string): Intl.DateTimeFormat => {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Offset of `tz` from UTC at instant `ms`, in minutes (positive east of Greenwich). */
export const offsetMinutes = (ms: number, tz: string): number => {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) return fixed;
  const p = partsAt(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - (ms - p.millisecond)) / 60000);
};

/** The wall clock in `tz` at instant `ms`. */
export const partsAt = (ms: number, tz: string): WallClock => {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== null) {
    const d = new Date(ms + fixed * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  const out: Partial<WallClock> = {};
  for (const part of formatterFor(tz).formatToParts(new Date(ms))) {
    switch (part.type) {
      case 'year':
        out.year = Number(part.value);
        break;
      case 'month':
        out.month = Number(part.value);
        break;
      case 'day':
        out.day = Number(part.value);
        break;
      case 'hour':
        out.hour = Number(part.value) % 24;
        break;
      case 'minute':
        out.minute = Number(part.value);
        break;
      case 'second':
        out.second = Number(part.value);
        break;
      case 'weekday':
        out.weekday = WEEKDAYS.indexOf(part.value);
        break;
      default:
        break;
    }
  }
  out.millisecond = ((ms % 1000) + 1000) % 1000;
  return out as WallClock;
};

/** The instant whose wall clock in `tz` reads these parts (the earlier one in a repeated hour). */
export const instantOf = (tz: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number => {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // The zone's offsets either side of the day: in a repeated hour both read these parts; take the earlier instant.
  const offsets = [offsetMinutes(asUtc - 86_400_000, tz), offsetMinutes(asUtc + 86_400_000, tz)];
  if (offsets[0] === offsets[1]) return asUtc - offsets[0] * 60000;
  const fits = offsets.map((o) => asUtc - o * 60000).filter((t) => offsetMinutes(t, tz) * 60000 === asUtc - t);
  if (fits.length > 0) return Math.min(...fits);
  // A skipped hour (clocks forward): read with the offset before the change, so it lands after it.
  return asUtc - offsets[0] * 60000;
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const zoneName = (ms: number, tz: string, long: boolean): string => {
  const off = offsetMinutes(ms, tz);
  if (fixedOffsetMinutes(tz) === null) {
    try {
      const name = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
        .formatToParts(new Date(ms))
        .find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^GMT[+-]/.test(name)) return name;
    } catch {
      /* fall through to an offset name */
    }
  }
  if (off === 0) return 'GMT';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `GMT${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
};

const rfcOffset = (ms: number, tz: string, iso: boolean, width: number): string => {
  const off = offsetMinutes(ms, tz);
  if (iso && off === 0) return 'Z';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (iso) return width === 1 ? `${sign}${hh}` : width === 2 ? `${sign}${hh}${mm}` : `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
};

/**
 * Formats an instant with a java.text.SimpleDateFormat pattern, as Utilities.formatDate does:
 * y M d H h k K m s S E a z Z X u and quoted literals ('' is a quote).
 */
export const formatSimpleDate = (ms: number, tz: string, pattern: string): string => {
  const p = partsAt(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end === -1 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += zoneName(ms, tz, n >= 4);
        break;
      case 'Z':
        out += rfcOffset(ms, tz, false, n);
        break;
      case 'X':
        out += rfcOffset(ms, tz, true, n);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
};

/** Whether `tz` names a zone this runtime knows (IANA name or GMT offset). */
export const isKnownZone = (tz: string): boolean => {
  if (fixedOffsetMinutes(tz) !== null) return true;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
};
