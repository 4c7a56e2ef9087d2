/**
 * The daily digest: what the service manager should look at this morning, read on a phone before school.
 * It goes only on days the service desk is open; it leads with what is new since the last digest; it
 * names each open item by its summary and service, with when it is (or was) due, linked to its row; it
 * repeats a standing reminder (a renewal, a review, an overdue action) on the day it enters its window
 * and then weekly, not daily; targets too few to judge are not warnings, and the targets met are one
 * line. Every list is capped ("and 4,980 more"), so the mail stays far under Google's body size limit
 * whatever the backlog. Nothing to say gives no digest (and no email).
 */
import type { AttainmentReport, ServiceAttainment, TargetAttainment } from '../attainment/types';
import type { ServiceCalendar } from '../time/calendar';
import { slaLifecycle } from '../findings/lifecycle';
import { escapeHtml } from '../html';
import { civilFromDays, DAY_MS, localDayNumber, localToUtc, utcOffsetMs } from '../time/zone';
import { countText, longDate, percentText, plural, shareText } from '../text';
import { periodWording, targetReason, TOO_FEW } from '../attainment/status';
import { idKey } from '../schema/ids';
import type { Workbook } from '../workbook/parseWorkbook';
import type { ItemClock } from './clock';

/** A span as a person says it in a morning email: "45 min", "4 h 35 min", "31 h". */
function clockText(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h >= 10 || m === 0 ? `${Math.round(minutes / 60)} h` : `${h} h ${m} min`;
}

/** One line of the digest, linked to the row it is about when there is one. */
export interface DigestSection {
  readonly title: string;
  readonly lines: readonly string[];
  /** The link of each line (the sheet row it names), or null. */
  readonly links: ReadonlyArray<string | null>;
}

/** What the next digest compares with to say what is new: when this one went, and the targets then missed. */
export interface DigestMemory {
  /** The instant of the digest (ms). */
  readonly at: number;
  /** Short fingerprints of the targets missed then (see targetKey). */
  readonly missed: readonly string[];
}

export interface Digest {
  readonly subject: string;
  readonly sections: readonly DigestSection[];
  /** To be kept for the next digest. */
  readonly memory: DigestMemory;
}

export interface DigestOptions {
  /** What the last digest sent said; without it, the last day is taken as the one before. */
  readonly last?: DigestMemory;
  /** A link to a row of the Incidents tab (the spreadsheet's URL with #gid=…&range=A{row}). */
  readonly rowLink?: (row: number) => string | undefined;
  /** A link to the Open items tab, for the items a capped list leaves out. */
  readonly openItemsLink?: string;
  /** Windows (days) for reviews and renewals; the Settings tab's by default. */
  readonly reviewDays?: number;
  readonly renewalDays?: number;
}

/** Lines a list shows before it says how many more there are: a phone screen or two. */
const DIGEST_LIST_CAP = 15;
/** A summary is cut to this many characters: sheet text may be 50,000 characters long. */
const SUMMARY_CHARS = 120;
/** Fingerprints of missed targets kept for the next digest (7 characters each: under 9 KB in a property). */
const MEMORY_CAP = 1000;

/** "Monday 7 December". */
function dayWords(ms: number, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long' }).format(ms);
}

/** Local clock time "14:30". */
const clockTime = (ms: number, tz: string): string => new Date(ms + utcOffsetMs(ms, tz)).toISOString().slice(11, 16);

/** "today 14:30", "tomorrow 09:00", "Fri 4 Dec 14:30", "yesterday 16:00". */
function dueWords(ms: number, now: number, tz: string): string {
  const d = localDayNumber(ms, tz) - localDayNumber(now, tz);
  const day =
    d === 0
      ? 'today'
      : d === 1
        ? 'tomorrow'
        : d === -1
          ? 'yesterday'
          : new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
  return `${day} ${clockTime(ms, tz)}`;
}

/** Local midnight that starts `day` (a day number). */
function dayStart(day: number, tz: string): number {
  const { y, m, d } = civilFromDays(day);
  return localToUtc(y, m, d, 0, tz);
}

/**
 * Whether the service desk is open on the local day of `now`: some service's support hours have working
 * time that day (weekends, holidays and closures have none). Without any readable support hours, Monday
 * to Friday.
 */
export function serviceDeskOpen(calendars: ReadonlyArray<ServiceCalendar | undefined>, now: number, tz: string): boolean {
  const day = localDayNumber(now, tz);
  const known = calendars.filter((c): c is ServiceCalendar => c !== undefined);
  if (known.length === 0) return (((day + 3) % 7) + 7) % 7 < 5;
  const a = dayStart(day, tz);
  const b = dayStart(day + 1, tz);
  return known.some((c) => c.workingMs(a, b) > 0);
}

/** The same time of day on the last day before `now` the desk was open (at most two weeks back): where a first digest counts "new" from. */
export function previousOpenDay(calendars: ReadonlyArray<ServiceCalendar | undefined>, now: number, tz: string): number {
  for (let k = 1; k <= 14; k++) if (serviceDeskOpen(calendars, now - k * DAY_MS, tz)) return now - k * DAY_MS;
  return now - DAY_MS;
}

/** A short fingerprint of a target of a service (FNV-1a, base 36): the memory stays small at any size. */
function targetKey(s: ServiceAttainment, t: TargetAttainment): string {
  const text = `${idKey(s.serviceId)}|${t.targetRow}|${t.measure}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * True when a standing reminder whose window opened on local day `first` is due today: on its first day
 * and every seventh day after, counting a day the last digest skipped (a weekend) as today's.
 */
function weeklyDue(first: number, today: number, lastDay: number): boolean {
  if (today < first) return false;
  // The latest reminder day on or before today: first + 7k.
  const latest = first + Math.floor((today - first) / 7) * 7;
  return latest > lastDay;
}

const inDays = (n: number): string => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

const cut = (text: string): string => (text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : text);

interface Line {
  text: string;
  link: string | null;
}

/** A section of at most DIGEST_LIST_CAP lines, then "and 4,980 more" (linked to where they all are). */
function section(title: string, lines: readonly Line[], moreLink: string | null = null, cap = DIGEST_LIST_CAP): DigestSection | undefined {
  if (lines.length === 0) return undefined;
  const shown = lines.length > cap ? lines.slice(0, cap - 1) : lines;
  const rest = lines.length - shown.length;
  const all = rest ? [...shown, { text: `and ${countText(rest)} more`, link: moreLink }] : shown;
  return { title, lines: all.map((l) => l.text), links: all.map((l) => l.link) };
}

/**
 * The digest for `now`, or undefined when there is nothing to say. `clocks` are the open items' clocks as
 * of now; `month` is this month's attainment to date. Whether today is a day to send is the caller's
 * (serviceDeskOpen); the digest itself is a pure function of its inputs.
 */
export function buildDigest(
  wb: Workbook,
  clocks: readonly ItemClock[],
  month: AttainmentReport,
  school: string,
  now: number,
  options: DigestOptions = {},
): Digest | undefined {
  const tz = wb.timeZone;
  const reviewDays = options.reviewDays ?? wb.assumptions.reviewDueDays;
  const renewalDays = options.renewalDays ?? wb.assumptions.renewalDays;
  const lastAt = options.last?.at ?? now - DAY_MS;
  const today = localDayNumber(now, tz);
  const lastDay = localDayNumber(lastAt, tz);
  const since = options.last ? dayWords(lastAt, tz) : 'yesterday';
  const link = (row: number) => options.rowLink?.(row) ?? null;
  const openItemsLink = options.openItemsLink ?? null;

  // ---- open items: named by summary and service, with when they are or were due
  const names = new Map(wb.services.map((s) => [idKey(s.serviceId), s.name]));
  const summaries = new Map(wb.incidents.map((i) => [i.row, i.summary]));
  const watched = clocks.filter((c) => c.state === 'Breached' || c.state === '75% used');
  const itemLine = (c: ItemClock): Line => {
    const noReply = c.respondBy !== undefined && (c.state !== 'Breached' || c.respondBy <= now) && (c.fixBy === undefined || c.respondBy <= c.fixBy);
    const due = noReply ? c.respondBy! : (c.fixBy ?? c.respondBy);
    const what = noReply ? 'reply' : 'fix';
    const left = c.leftHours ?? 0;
    const when =
      due === undefined
        ? ''
        : c.state === 'Breached'
          ? `${noReply ? 'no reply yet; ' : ''}${what} was due ${dueWords(due, now, tz)}, ${clockText(-left)} of working time ago`
          : `${what} due ${dueWords(due, now, tz)}, ${clockText(left)} of working time left`;
    const summary = cut(summaries.get(c.row)?.trim() || 'No summary');
    return { text: `${summary} (${names.get(idKey(c.serviceId)) ?? c.serviceId}, ${c.ref}): ${when}`, link: link(c.row) };
  };
  /** The instant an item's breach began: the deadline it missed. */
  const breachedAt = (c: ItemClock): number | undefined =>
    c.state !== 'Breached' ? undefined : c.respondBy !== undefined && c.respondBy <= now ? c.respondBy : c.fixBy;
  const isNew = (c: ItemClock): boolean => {
    const at = breachedAt(c);
    return at !== undefined ? at > lastAt : c.opened > lastAt;
  };
  const newItems = watched.filter(isNew);
  const olderItems = watched.filter((c) => !isNew(c));

  // ---- targets this month: missed and one miss away are said; met and too few to judge are one line
  const monthWords = periodWording(month.period, now);
  const before = new Set(options.last?.missed ?? []);
  const missedNow: string[] = [];
  const newlyMissed: Line[] = [];
  const stillMissed: Line[] = [];
  const oneMissAway: Line[] = [];
  let metTargets = 0;
  let tooFew = 0;
  for (const s of month.services) {
    if (s.availabilityStatus === 'Breached' || s.availabilityStatus === 'At risk') {
      const text = `${s.name}: ${shareText(s.availability)} available (target ${percentText(s.availabilityTarget)})${s.availabilityStatus === 'At risk' ? ', less than a quarter of the allowed downtime left' : ''}`;
      (s.availabilityStatus === 'Breached' ? stillMissed : oneMissAway).push({ text, link: null });
    }
    for (const t of s.targets) {
      if (t.status === 'Met') metTargets++;
      else if (t.status === TOO_FEW) tooFew++;
      else if (t.status === 'At risk') oneMissAway.push({ text: `${s.name}, ${targetReason(t)}`, link: null });
      else if (t.status === 'Breached') {
        const key = targetKey(s, t);
        missedNow.push(key);
        (before.has(key) ? stillMissed : newlyMissed).push({ text: `${s.name}, ${targetReason(t)}`, link: null });
      }
    }
  }

  // ---- standing reminders: on the day each enters its window, then weekly
  const newReminders: Line[] = [];
  const reminders: Line[] = [];
  const remind = (windowOpens: number, text: string) => {
    if (!weeklyDue(windowOpens, today, lastDay)) return;
    (windowOpens > lastDay ? newReminders : reminders).push({ text, link: null });
  };
  for (const l of slaLifecycle(wb, now)) {
    if (l.nextReview === undefined || l.status === 'Negotiation') continue;
    const due = localDayNumber(l.nextReview, tz);
    const text =
      due < today
        ? `${l.name}: SLA review overdue since ${longDate(l.nextReview, tz)}`
        : `${l.name}: SLA review due ${inDays(due - today)} (${longDate(l.nextReview, tz)})`;
    remind(due - reviewDays, text);
  }
  for (const c of wb.contracts) {
    if (c.renewal === undefined || c.renewal < now - DAY_MS) continue;
    const day = localDayNumber(c.renewal, tz);
    remind(day - renewalDays, `${c.contractRef} (${c.supplier}): renews ${inDays(Math.max(0, day - today))} (${longDate(c.renewal, tz)})`);
  }
  for (const r of wb.reviews) {
    if (r.due === undefined || !(r.status === undefined || r.status === 'Open' || r.status === 'In progress')) continue;
    // Overdue from the day after it was due.
    remind(localDayNumber(r.due, tz) + 1, `Review action overdue since ${longDate(r.due, tz)}: ${cut(r.action || r.finding)}${r.owner ? ` (${r.owner})` : ''}`);
  }

  const sections = [
    section(
      `New since ${since}`,
      [
        ...newItems.map((c) => ({ ...itemLine(c), text: `${c.state === 'Breached' ? 'Overdue' : 'Close to due'}: ${itemLine(c).text}` })),
        ...newlyMissed.map((l) => ({ ...l, text: `Target missed (${monthWords}): ${l.text}` })),
        ...newReminders,
      ],
      openItemsLink,
      DIGEST_LIST_CAP * 2,
    ),
    section('Still open: overdue or close to due', olderItems.map(itemLine), openItemsLink),
    section(`Targets still missed, ${monthWords}`, stillMissed),
    section(`One more miss would break these, ${monthWords}`, oneMissAway),
    section('Reminders (weekly)', reminders),
  ].filter((s): s is DigestSection => s !== undefined);
  if (sections.length === 0) return undefined;
  // One line, never a list, for the targets with nothing wrong.
  const quiet = [metTargets && `${plural(metTargets, 'target')} met`, tooFew && `${plural(tooFew, 'target')} with too few calls to judge yet`].filter(Boolean);
  const withQuiet = quiet.length ? [...sections, { title: 'Every other target', lines: [`${quiet.join('; ')} (${monthWords}).`], links: [null] }] : sections;

  const overdue = watched.filter((c) => c.state === 'Breached').length;
  const close = watched.length - overdue;
  const missedCount = newlyMissed.length + stillMissed.length;
  const counts = [
    newItems.length + newlyMissed.length && `${newItems.length + newlyMissed.length} new`,
    overdue && `${countText(overdue)} overdue`,
    close && `${countText(close)} close to due`,
    missedCount && `${plural(missedCount, 'target')} missed`,
  ].filter(Boolean);
  const subject = `${school}: service levels on ${longDate(now, tz)}${counts.length ? `: ${counts.join(', ')}` : ''}`;
  return { subject, sections: withQuiet, memory: { at: now, missed: missedNow.sort().slice(0, MEMORY_CAP) } };
}

/** The digest as an email's HTML body, for a phone: every piece of sheet text escaped, each item linked to its row. */
export function digestHtml(d: Pick<Digest, 'subject' | 'sections'>): string {
  const line = (text: string, href: string | null | undefined) =>
    `<li style="margin:0 0 6px">${href ? `<a href="${escapeHtml(href)}" style="color:#1a73e8">${escapeHtml(text)}</a>` : escapeHtml(text)}</li>`;
  const body = d.sections
    .map(
      (s) =>
        `<h2 style="font-size:15px;margin:16px 0 4px">${escapeHtml(s.title)}</h2>` +
        `<ul style="margin:0;padding-left:18px">${s.lines.map((l, i) => line(l, s.links?.[i])).join('')}</ul>`,
    )
    .join('');
  return (
    '<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.4;color:#202124;max-width:600px">' +
    `<h1 style="font-size:17px;margin:0 0 8px">${escapeHtml(d.subject)}</h1>${body}` +
    '<p style="color:#5f6368;font-size:12px;margin-top:16px">Sent by SLM Workbook on days the service desk is open, because you turned the digest on in its panel; turn it off there.</p></div>'
  );
}

/** The same as plain text, for mail readers that show no HTML (links as addresses). */
export const digestText = (d: Pick<Digest, 'subject' | 'sections'>): string =>
  [d.subject, ...d.sections.map((s) => `\n${s.title}\n${s.lines.map((l, i) => `- ${l}${s.links?.[i] ? `\n  ${s.links[i]}` : ''}`).join('\n')}`)].join('\n');
