/**
 * The daily digest: what the service manager should look at today. Open items past 75% of their target
 * time or breached, targets breached or one miss from breaching this month (to date), SLA reviews and contract renewals coming up,
 * and review actions past their due date. Nothing to say gives no digest (and no email).
 */
import type { AttainmentReport } from '../attainment/types';
import { slaLifecycle } from '../findings/lifecycle';
import { escapeHtml } from '../html';
import { DAY_MS, utcOffsetMs } from '../time/zone';
import { hoursText, longDate, percentText, plural, shareText } from '../text';
import { atRiskWhy, availabilityStatusText, periodWording } from '../attainment/status';
import type { Workbook } from '../workbook/parseWorkbook';
import type { ItemClock } from './clock';

export interface DigestSection {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface Digest {
  readonly subject: string;
  readonly sections: readonly DigestSection[];
}

/** The digest's windows: the same as the findings', so the email and Check contracts agree. */
export interface DigestWindows {
  /** SLA reviews due within this many days. */
  readonly reviewDays: number;
  /** Contracts renewing within this many days. */
  readonly renewalDays: number;
}

/** The windows the Settings tab gives. */
const windowsOf = (wb: Workbook): DigestWindows => ({ reviewDays: wb.assumptions.reviewDueDays, renewalDays: wb.assumptions.renewalDays });

const hours = (h: number): string => `${hoursText(Math.abs(h))} of working time`;
const pct = (x: number): string => shareText(x);
const days = (n: number): string => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${n} days`);

/**
 * The digest for `now`, or undefined when there is nothing to say. `clocks` are the open items' clocks as
 * of now; `month` is this month's attainment to date.
 */
export function buildDigest(wb: Workbook, clocks: readonly ItemClock[], month: AttainmentReport, school: string, now: number,
  windows: DigestWindows = windowsOf(wb)): Digest | undefined {
  const tz = wb.timeZone;
  const when = (ms: number) => longDate(ms, tz);
  const whenTime = (ms: number) => `${when(ms)} ${new Date(ms + utcOffsetMs(ms, tz)).toISOString().slice(11, 16)}`;
  const sections: DigestSection[] = [];
  const add = (title: string, lines: string[]) => { if (lines.length) sections.push({ title, lines }); };

  const watched = clocks.filter((c) => c.state === 'Breached' || c.state === '75% used');
  const breachedItems = watched.filter((c) => c.state === 'Breached').length;
  add('Open items breached or past 75% of their time', watched.map((c) => {
    const due = c.fixBy ?? c.respondBy;
    const left = c.leftHours === undefined ? '' : c.leftHours < 0 ? `, over by ${hours(c.leftHours)}` : c.leftHours === 0 ? ', no time left' : `, ${hours(c.leftHours)} left`;
    const what = c.state === 'Breached' ? 'breached' : `${pct(c.used ?? 0)} of its time used`;
    return `${c.ref} (${c.serviceId}, ${c.type} ${c.priority}): ${what}${left}${due === undefined ? '' : `; ${c.fixBy === undefined ? 'respond' : 'fix'} by ${whenTime(due)}`}`;
  }));

  // Breached targets, targets met with a miss and no room for another, and targets with every item met
  // but too few items for room (one miss would breach) are three different things: only the first two
  // are alarms; the last is said apart, so a fully met target never reads as a warning.
  const breachedTargets: string[] = [];
  const oneMissAway: string[] = [];
  const fewItems: string[] = [];
  const monthWords = periodWording(month.period, now);
  for (const s of month.services) {
    if (s.availabilityStatus === 'Breached') breachedTargets.push(`${s.name}: availability ${pct(s.availability ?? 0)} against ${percentText(s.availabilityTarget)}`);
    if (s.availabilityStatus === 'At risk') {
      oneMissAway.push(`${s.name}: availability ${pct(s.availability ?? 0)} against ${percentText(s.availabilityTarget)}, ${availabilityStatusText('At risk')}`);
    }
    for (const t of s.targets) {
      const what = `${s.name}: ${t.type} ${t.priority ?? 'any priority'} ${t.measure} within ${hoursText(t.targetHours)} (${t.met} of ${plural(t.met + t.breached, 'item')} met against ${percentText(t.compliance)})`;
      if (t.status === 'Breached') breachedTargets.push(what);
      else if (t.status === 'At risk') (t.breached > 0 ? oneMissAway : fewItems).push(`${what}: ${atRiskWhy(t.compliance)}`);
    }
  }
  add(`Targets breached in ${monthWords}`, breachedTargets);
  add(`Targets one miss from breaching in ${monthWords}`, oneMissAway);

  add(`SLA reviews due within ${windows.reviewDays} days or overdue`, slaLifecycle(wb, now)
    .filter((l) => l.daysToReview !== undefined && l.daysToReview <= windows.reviewDays && l.status !== 'Negotiation')
    .sort((a, b) => a.daysToReview! - b.daysToReview!)
    .map((l) => `${l.name}: review ${l.daysToReview! < 0 ? `overdue since ${when(l.nextReview!)}` : `due ${days(l.daysToReview!)} (${when(l.nextReview!)})`}`));

  add(`Contracts renewing within ${windows.renewalDays} days`, wb.contracts
    .filter((c) => c.renewal !== undefined && c.renewal >= now - DAY_MS && c.renewal - now <= windows.renewalDays * DAY_MS)
    .sort((a, b) => a.renewal! - b.renewal!)
    .map((c) => `${c.contractRef} (${c.supplier}): renews ${days(Math.max(0, Math.ceil((c.renewal! - now) / DAY_MS)))} (${when(c.renewal!)})`));

  add('Review actions overdue', wb.reviews
    .filter((r) => r.due !== undefined && r.due + DAY_MS <= now && (r.status === undefined || r.status === 'Open' || r.status === 'In progress'))
    .sort((a, b) => a.due! - b.due!)
    .map((r) => `${r.action || r.finding}${r.owner ? ` (${r.owner})` : ''}: due ${when(r.due!)}${r.serviceId ? `, ${r.serviceId}` : ''}`));

  // Last, and out of the headline: nothing has gone wrong here yet.
  add(`Few items so far in ${monthWords}, every one met, but one miss would breach`, fewItems);

  if (sections.length === 0) return undefined;
  const counts = [breachedItems && `${plural(breachedItems, 'item')} breached`, watched.length - breachedItems && `${watched.length - breachedItems} past 75%`,
    breachedTargets.length && `${plural(breachedTargets.length, 'target')} breached`,
    oneMissAway.length && `${oneMissAway.length} ${breachedTargets.length ? 'more ' : `${oneMissAway.length === 1 ? 'target' : 'targets'} `}one miss from breaching`].filter(Boolean);
  const subject = `${school}: service levels on ${when(now)}${counts.length ? `: ${counts.join(', ')}` : ''}`;
  return { subject, sections };
}

/** The digest as an email's HTML body: every piece of sheet text escaped. */
export function digestHtml(d: Digest): string {
  const body = d.sections.map((s) => `<h2 style="font-size:15px;margin:16px 0 4px">${escapeHtml(s.title)} (${s.lines.length})</h2>`
    + `<ul style="margin:0;padding-left:20px">${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`).join('');
  return `<div style="font-family:Arial,sans-serif;font-size:14px;color:#202124"><h1 style="font-size:18px">${escapeHtml(d.subject)}</h1>${body}`
    + '<p style="color:#5f6368;font-size:12px">Sent daily by SLM Workbook because you turned the digest on in its panel; turn it off there.</p></div>';
}

/** The same as plain text, for mail readers that show no HTML. */
export const digestText = (d: Digest): string =>
  [d.subject, ...d.sections.map((s) => `\n${s.title} (${s.lines.length})\n${s.lines.map((l) => `- ${l}`).join('\n')}`)].join('\n');
