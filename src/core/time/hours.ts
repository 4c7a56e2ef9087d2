/**
 * Weekly hours written as text ("Mon-Fri 08:00-18:00", "Mon-Thu 08:00-17:00; Fri 08:00-16:30", "24x7"):
 * reading, canonical writing, totals and the part of one pattern another does not cover.
 */

export interface WeeklyHours {
  /** The text as written. */
  spec: string;
  /** index 0=Mon..6=Sun; sorted, merged, non-overlapping [startMin,endMin) minutes of local day, 0<=start<end<=1440 */
  days: Array<Array<[number, number]>>;
}

export class HoursSpecError extends Error {
  constructor(
    readonly spec: string,
    readonly detail?: string,
  ) {
    super(`Cannot read hours "${spec}": ${detail ? `${detail}; ` : ''}expected something like "Mon-Fri 08:00-18:00" or "24x7"`);
    this.name = 'HoursSpecError';
  }
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAY = 1440;

/** Words for days, by their lowercase form. */
const DAY_WORDS: Record<string, number> = {};
[
  ['mon', 'monday', 'mo'],
  ['tue', 'tues', 'tuesday', 'tu'],
  ['wed', 'weds', 'wednesday', 'we'],
  ['thu', 'thur', 'thurs', 'thursday', 'th'],
  ['fri', 'friday', 'fr'],
  ['sat', 'saturday', 'sa'],
  ['sun', 'sunday', 'su'],
].forEach((words, i) => {
  for (const w of words) DAY_WORDS[w] = i;
});

const GROUP_WORDS: Record<string, number[]> = {
  weekdays: [0, 1, 2, 3, 4],
  weekday: [0, 1, 2, 3, 4],
  weekends: [5, 6],
  weekend: [5, 6],
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  'every day': [0, 1, 2, 3, 4, 5, 6],
};

const ALWAYS = /^(?:24\s*[x×*/]\s*7(?:\s*[x×*/]\s*365)?|always|always open|all day every day)$/i;

type Token =
  | { kind: 'days'; days: number[]; at: number; text: string }
  | { kind: 'range'; start: number; end: number; at: number; text: string }
  | { kind: 'soft' }
  | { kind: 'hard' };

// A time: "8", "08", "8:30", "08.30", "0830", "8am", "8:30 pm", "noon", "midnight".
const TIME = String.raw`(?:noon|midnight|(?:\d{1,2}(?:[:.h]\d{2})?|\d{3,4})(?!\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)`;
const DASH = String.raw`\s*(?:-|\bto\b|\btill\b|\buntil\b)\s*`;
const RE_SPACE = /\s+/y;
const RE_HARD = /[;\n\r|]+/y;
const RE_SOFT = /(?:,|&|\+|\band\b)/y;
const RE_RANGE = new RegExp(`(${TIME})${DASH}(${TIME})`, 'y');
const RE_ALL_DAY = /(?:all\s*day|24\s*h(?:ours|rs|r)?\b|24\s*hours)/y;
const RE_WORD = /(every\s+day|[a-z]+)\.?/y;

/** Minutes of day of a time token, or undefined; `casual` reports a time written without am/pm or a leading zero. */
function readTime(raw: string): { min: number; casual: boolean } | undefined {
  const t = raw.replace(/\s+/g, '').replace(/\./g, (_, i: number, s: string) => (/\d/.test(s[i + 1] ?? '') ? ':' : ''));
  if (t === 'noon') return { min: 720, casual: false };
  if (t === 'midnight') return { min: 0, casual: false };
  const m = /^(\d{1,4})(?:[:h](\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return undefined;
  let h: number;
  let min: number;
  if (m[2] === undefined && m[1].length >= 3) {
    h = Number(m[1].slice(0, -2));
    min = Number(m[1].slice(-2));
  } else {
    h = Number(m[1]);
    min = m[2] === undefined ? 0 : Number(m[2]);
  }
  if (min > 59) return undefined;
  if (m[3]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  if (h > 24 || (h === 24 && min > 0)) return undefined;
  // "8", "9", "5:30": written casually, without am/pm or a leading zero, as opposed to "06:00" or "0600".
  const casual = !m[3] && ((m[2] === undefined && m[1].length <= 2) || (m[2] !== undefined && m[1].length === 1));
  return { min: h * 60 + min, casual };
}

function tokenize(spec: string): Token[] {
  const s = spec.toLowerCase().replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
  const out: Token[] = [];
  let p = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = p;
    const m = re.exec(s);
    if (m) p = re.lastIndex;
    return m;
  };
  while (p < s.length) {
    const from = p;
    let m: RegExpExecArray | null;
    if (at(RE_SPACE)) continue;
    if (at(RE_HARD)) {
      out.push({ kind: 'hard' });
      continue;
    }
    m = at(RE_RANGE);
    if (m) {
      const text = spec.slice(from, p);
      const a = readTime(m[1]);
      const b = readTime(m[2]);
      if (!a || !b) throw new HoursSpecError(spec, `"${text}" is not a time range`);
      let end = b.min;
      // "8-6", "9-5:30" or "12-5" (a start of 12 is noon) means into the afternoon or evening, as people write
      // it; "22-6" and "08:00-06:00" run overnight.
      if ((a.casual || b.casual) && end <= a.min && a.min > 0 && a.min < 780 && end + 720 > a.min) end += 720;
      if (end === 0 && a.min > 0) end = FULL_DAY;
      if (end === a.min) throw new HoursSpecError(spec, `"${text}" starts and ends at the same time`);
      if (a.min === FULL_DAY) throw new HoursSpecError(spec, `"${text}" starts at 24:00`);
      out.push({ kind: 'range', start: a.min, end, at: from, text });
      continue;
    }
    if (at(RE_ALL_DAY)) {
      out.push({ kind: 'range', start: 0, end: FULL_DAY, at: from, text: spec.slice(from, p) });
      continue;
    }
    if (at(RE_SOFT)) {
      out.push({ kind: 'soft' });
      continue;
    }
    m = at(RE_WORD);
    if (m) {
      const word = m[1].replace(/\s+/g, ' ');
      if (GROUP_WORDS[word]) {
        out.push({ kind: 'days', days: GROUP_WORDS[word], at: from, text: spec.slice(from, p) });
        continue;
      }
      const first = DAY_WORDS[word];
      if (first === undefined) throw new HoursSpecError(spec, `"${spec.slice(from, p).trim()}" is not a day or a time`);
      const save = p;
      const dash = new RegExp(DASH, 'y');
      dash.lastIndex = p;
      if (dash.exec(s)) {
        p = dash.lastIndex;
        const m2 = at(RE_WORD);
        const last = m2 ? DAY_WORDS[m2[1]] : undefined;
        if (last === undefined) throw new HoursSpecError(spec, `"${spec.slice(from, p).trim()}" is not a range of days`);
        const days: number[] = [];
        for (let d = first; ; d = (d + 1) % 7) {
          days.push(d);
          if (d === last) break;
        }
        out.push({ kind: 'days', days, at: from, text: spec.slice(from, p) });
        continue;
      }
      p = save;
      out.push({ kind: 'days', days: [first], at: from, text: spec.slice(from, p) });
      continue;
    }
    const bad = /^\S+/.exec(spec.slice(from))?.[0] ?? spec.slice(from);
    throw new HoursSpecError(spec, `"${bad}" is not a day or a time`);
  }
  return out;
}

interface Group {
  days: number[];
  ranges: Array<[number, number]>;
}

/** Groups one part (between hard separators): days followed by time ranges, repeated. */
function groupsOf(spec: string, part: Token[]): Group[] {
  const raw: Array<{ days: number[] | null; ranges: Array<[number, number]>; daysText: string }> = [];
  let cur: (typeof raw)[number] | undefined;
  for (const t of part) {
    if (t.kind === 'days') {
      if (!cur || cur.ranges.length > 0) {
        cur = { days: [], ranges: [], daysText: '' };
        raw.push(cur);
      }
      cur.days = (cur.days ?? []).concat(t.days);
      cur.daysText += (cur.daysText ? ', ' : '') + t.text.trim();
    } else if (t.kind === 'range') {
      if (!cur) {
        cur = { days: null, ranges: [], daysText: '' };
        raw.push(cur);
      }
      cur.ranges.push([t.start, t.end]);
    }
  }
  // "08:00-18:00 Mon-Fri": times first, then the days they apply to.
  if (raw.length === 2 && raw[0].days === null && raw[1].ranges.length === 0) {
    return [{ days: raw[1].days ?? [], ranges: raw[0].ranges }];
  }
  return raw.map((g) => {
    if (g.ranges.length === 0) throw new HoursSpecError(spec, `no times given for "${g.daysText}"`);
    return { days: g.days ?? [0, 1, 2, 3, 4, 5, 6], ranges: g.ranges };
  });
}

/** Sorted, merged copy of a day's ranges (minutes from midnight). */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = ranges.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Reads an hours spec. Blank, "none" or unreadable text throws HoursSpecError quoting the text. */
export function parseHours(spec: string): WeeklyHours {
  const text = String(spec ?? '');
  const trimmed = text.trim();
  if (trimmed === '') throw new HoursSpecError(text, 'no hours given');
  if (ALWAYS.test(trimmed)) return { spec: text, days: DAY_NAMES.map(() => [[0, FULL_DAY]]) };
  const tokens = tokenize(text);
  const days: Array<Array<[number, number]>> = DAY_NAMES.map(() => []);
  let part: Token[] = [];
  const flush = (): void => {
    for (const g of groupsOf(text, part)) {
      for (const d of g.days) {
        for (const [s, e] of g.ranges) {
          if (e > s) days[d].push([s, e]);
          else {
            // Overnight: runs to midnight and on into the next day (Sunday night into Monday).
            days[d].push([s, FULL_DAY]);
            if (e > 0) days[(d + 1) % 7].push([0, e]);
          }
        }
      }
    }
    part = [];
  };
  for (const t of tokens) {
    if (t.kind === 'hard') flush();
    else part.push(t);
  }
  flush();
  const merged = days.map(mergeRanges);
  if (merged.every((d) => d.length === 0)) throw new HoursSpecError(text, 'no hours given');
  return { spec: text, days: merged };
}

/** Hours per week. */
export function weeklyHours(h: WeeklyHours): number {
  let min = 0;
  for (const day of h.days) for (const [s, e] of day) min += e - s;
  return min / 60;
}

/** The part of `need` outside `have` (both sorted and merged ranges of one day). */
export function subtractRanges(need: ReadonlyArray<readonly [number, number]>, have: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s0, e] of need) {
    let s = s0;
    for (const [hs, he] of have) {
      if (he <= s || hs >= e) continue;
      if (hs > s) out.push([s, hs]);
      s = Math.max(s, he);
      if (s >= e) break;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/** The part of `need` that lies outside `have`, per day, and its total hours per week. */
export function uncoveredHours(need: WeeklyHours, have: WeeklyHours): { hoursPerWeek: number; days: WeeklyHours['days'] } {
  const days = need.days.map((needDay, i) => subtractRanges(needDay, have.days[i] ?? []));
  return { hoursPerWeek: weeklyHours({ spec: '', days }), days };
}

const hhmm = (min: number): string => {
  const h = Math.floor(min / 60);
  const m = Math.round(min - h * 60);
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
};

/** Canonical text: "Mon-Fri 08:00-18:00", "Mon-Thu 08:00-17:00; Fri 08:00-16:30", "24x7", "Mon-Fri 22:00-06:00". */
export function formatHours(h: WeeklyHours): string {
  if (h.days.every((d) => d.length === 1 && d[0][0] === 0 && d[0][1] === FULL_DAY)) return '24x7';
  // Show a range that runs to midnight and carries on the next morning as one overnight range.
  const shown = h.days.map((d) => d.map(([s, e]) => [s, e] as [number, number]));
  const taken = shown.map(() => false);
  for (let i = 0; i < 7; i++) {
    const day = shown[i];
    const next = shown[(i + 1) % 7];
    const last = day[day.length - 1];
    const first = h.days[(i + 1) % 7][0];
    if (last && last[0] > 0 && last[1] === FULL_DAY && first && first[0] === 0 && first[1] < last[0] && !taken[(i + 1) % 7]) {
      last[1] = first[1];
      taken[(i + 1) % 7] = true;
      next.splice(
        next.findIndex(([s, e]) => s === 0 && e === first[1]),
        1,
      );
    }
  }
  const text = shown.map((d) => d.map(([s, e]) => `${hhmm(s)}-${hhmm(e === FULL_DAY ? FULL_DAY : e)}`).join(' '));
  const parts: string[] = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && text[j + 1] === text[i]) j++;
    if (text[i] !== '') parts.push(`${DAY_NAMES[i]}${j > i ? `-${DAY_NAMES[j]}` : ''} ${text[i]}`);
    i = j + 1;
  }
  return parts.join('; ');
}
