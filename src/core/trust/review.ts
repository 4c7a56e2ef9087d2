/**
 * The trust review: the trust-wide picture for the trust's ICT lead and the heads, as a document model (the same
 * one the service review renders into a Google Doc, and offline into HTML). It answers their questions in order:
 * which schools and services are failing, is it the same supplier everywhere, where to send help first, what
 * must be decided; then the figures behind it, and when each school's were read.
 */
import type { Rag } from '../attainment/types';
import type { ChartTable } from '../monitor/trendChart';
import { heading, paragraph, table, type Block, type DocModel } from '../documents/model';
import { joinWords, longDate, plural, shareText } from '../text';
import { formatLocal } from '../workbook/display';
import { lateOf, supplierSentence, type SchoolResult, type TrustFigures } from './rollup';
import { progressText, type RefreshProgress } from './tabs';

export interface TrustReviewOptions {
  readonly trust: string;
  readonly progress: RefreshProgress;
  readonly now: number;
  readonly timeZone: string;
}

/** The period most schools were read for ("Autumn term 2026 to date"). */
function periodOf(f: TrustFigures): string {
  const counts = new Map<string, number>();
  for (const s of f.read) counts.set(s.figures!.wording, (counts.get(s.figures!.wording) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [w, n] of counts)
    if (n > most) {
      best = w;
      most = n;
    }
  return best;
}

/** Each read school's services by status word. */
function schoolStatuses(f: TrustFigures, school: SchoolResult): Record<Rag, string[]> {
  const i = f.read.indexOf(school);
  const out: Record<Rag, string[]> = { Met: [], 'At risk': [], Breached: [], 'Too few to judge': [] };
  for (const s of f.services) {
    const own = s.perSchool[i];
    if (own?.status) out[own.status].push(own.proposed && own.status !== 'Met' ? `${s.name} (against proposed targets)` : s.name);
  }
  return out;
}

/** Schools with something breached or at risk, worst first: where help goes first. */
function helpFirst(f: TrustFigures): string[] {
  return f.read
    .map((school) => ({ school, st: schoolStatuses(f, school) }))
    .filter(({ st }) => st.Breached.length + st['At risk'].length > 0)
    .sort(
      (a, b) => b.st.Breached.length - a.st.Breached.length || b.st['At risk'].length - a.st['At risk'].length || a.school.name.localeCompare(b.school.name),
    )
    .map(({ school, st }) => {
      const parts = [];
      if (st.Breached.length) parts.push(`${joinWords(st.Breached)} breached`);
      if (st['At risk'].length) parts.push(`${joinWords(st['At risk'])} at risk`);
      return `${school.name}: ${parts.join('; ')}.`;
    });
}

function decisions(f: TrustFigures): string[] {
  const out: string[] = [];
  for (const s of f.suppliers) {
    if (s.lateAt.length >= 2)
      out.push(
        `Raise ${s.supplier}'s late fixes with them once, for the trust: ${s.fixLate} of ${s.fixJudged} calls fixed late across ${plural(s.lateAt.length, 'school')} (${joinWords(s.lateAt)}).`,
      );
  }
  for (const s of f.services) {
    if (s.breachedAt.length < 2) continue;
    // A school still agreeing the service is breached against proposed targets: said so.
    const proposedAt = f.read.filter((_, i) => s.perSchool[i]?.status === 'Breached' && s.perSchool[i]?.proposed).map((school) => school.name);
    const proposed = proposedAt.length ? `; at ${joinWords(proposedAt)} against proposed targets, still being agreed` : '';
    out.push(
      `${s.name} is breached at ${plural(s.breachedAt.length, 'school')} (${joinWords(s.breachedAt)}${proposed}): look for a common cause (a shared supplier, a shared system) before treating each school on its own.`,
    );
  }
  for (const s of f.unreadable) out.push(`Ask ${s.name} for access to its workbook: ${s.error ?? 'it has not been read'}.`);
  return out;
}

/** School × service status words: services down the page, schools across while they fit; else schools down. */
function matrix(f: TrustFigures): Block {
  const word = (i: number, j: number): string => {
    const own = f.services[j].perSchool[i];
    return own ? (own.status ?? 'Nothing measured') : '—';
  };
  if (f.read.length <= 6) {
    return table(
      ['Service', ...f.read.map((s) => s.name)],
      f.services.map((s, j) => [s.name, ...f.read.map((_, i) => word(i, j))]),
      f.read.map((_, i) => i + 1),
    );
  }
  return table(
    ['School', ...f.services.map((s) => s.name)],
    f.read.map((school, i) => [school.name, ...f.services.map((_, j) => word(i, j))]),
    f.services.map((_, j) => j + 1),
  );
}

/** Each school's share of items met per month as one line each. */
function trendChart(f: TrustFigures): Block | undefined {
  const months = f.read[0]?.figures?.trend.months ?? [];
  const schools = f.read.filter((s) => s.figures!.trend.met.some((v) => v !== null));
  if (!months.length || !schools.length) return undefined;
  const t: ChartTable = [
    ['Month', ...schools.map((s) => s.name)],
    ...months.map((m) => [
      m,
      ...schools.map((s) => {
        const j = s.figures!.trend.months.indexOf(m);
        return j < 0 ? '' : (s.figures!.trend.met[j] ?? '');
      }),
    ]),
  ];
  const latest = schools.map((s) => {
    const { months: own, met } = s.figures!.trend;
    let j = met.length - 1;
    while (j >= 0 && met[j] === null) j--;
    return `${s.name}: ${shareText(met[j])} in ${own[j]}`;
  });
  const description = `The share of items met each month, all services together, ${months[0]} to ${months[months.length - 1]}, one line per school; a month without figures is a gap. Latest: ${latest.join('; ')}.`;
  return { kind: 'chart', title: 'Items met each month, by school', table: t, description };
}

export function trustReview(f: TrustFigures, o: TrustReviewOptions): DocModel<'Trust review'> {
  const period = periodOf(f);
  const title = `${o.trust}: ICT services across our schools`;
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: `${period ? `${period}. ` : ''}Trust review of ${longDate(o.now, o.timeZone)}` },
  ];
  const breachedSchools = f.read.filter((s) => schoolStatuses(f, s).Breached.length > 0);
  const atRiskOnly = f.read.filter((s) => !breachedSchools.includes(s) && schoolStatuses(f, s)['At risk'].length > 0);
  const summary = [
    `${plural(f.read.length, 'school')} read${f.unreadable.length ? `, ${plural(f.unreadable.length, 'school')} not` : ''}.`,
    breachedSchools.length
      ? `${breachedSchools.length === 1 ? 'One has' : `${breachedSchools.length} have`} a service breached (${joinWords(breachedSchools.map((s) => s.name))}).`
      : 'No school has a service breached.',
    atRiskOnly.length ? `${joinWords(atRiskOnly.map((s) => s.name))} ${atRiskOnly.length === 1 ? 'has' : 'have'} a service at risk.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  blocks.push(paragraph(summary, 'strong'));
  if (o.progress.running)
    blocks.push({
      kind: 'callout',
      tone: 'warning',
      text: `The refresh was still running: ${progressText(o.progress)} Schools not yet read this time show their last figures.`,
    });

  blocks.push(heading(1, 'Where to send help first'));
  const help = helpFirst(f);
  blocks.push(help.length ? { kind: 'list', ordered: true, items: help } : paragraph('Every school met every target it could be judged on.'));

  blocks.push(heading(1, 'Suppliers across schools'));
  const shared = f.suppliers.filter((s) => s.schools.length >= 2);
  if (shared.length) blocks.push({ kind: 'list', ordered: false, items: shared.map((s) => `${supplierSentence(s)}.`) });
  else blocks.push(paragraph('No supplier had calls from more than one school in the period.'));
  // The table keeps what the trust may act on: suppliers shared by schools, or late somewhere; the rest in one line.
  const listed = f.suppliers.filter((s) => s.schools.length >= 2 || s.fixLate + s.responseLate > 0 || s.hoursUnknownAt.length > 0);
  if (listed.length) {
    blocks.push(
      table(
        ['Supplier', 'Schools', 'Calls', 'Fixes late', 'Responses late', 'Late fixes at'],
        listed.map((s) => [
          s.supplier,
          String(s.schools.length),
          String(s.calls),
          lateOf(s.fixLate, s.fixJudged),
          lateOf(s.responseLate, s.responseJudged),
          s.hoursUnknownAt.length ? `support hours not known at ${joinWords(s.hoursUnknownAt)}` : s.lateAt.length ? joinWords(s.lateAt) : '—',
        ]),
      ),
    );
  }
  const others = f.suppliers.length - listed.length;
  if (others > 0) blocks.push(paragraph(`${plural(others, 'other supplier')}, each at one school, had no late response or fix.`, 'quiet'));

  blocks.push(heading(1, 'Decisions needed'));
  const needed = decisions(f);
  blocks.push(
    needed.length
      ? { kind: 'list', ordered: true, items: needed }
      : paragraph('None: no supplier fails at two schools, no service is breached at two schools, and every school was read.'),
  );

  blocks.push(heading(1, 'Schools and services'));
  blocks.push(paragraph('Each school\'s status words, as its own SLM panel shows them for the period. "—": the school has no such service.', 'quiet'));
  if (f.read.length) blocks.push(matrix(f));

  const chart = trendChart(f);
  if (chart) blocks.push(heading(1, 'Month by month'), chart);

  blocks.push(heading(1, 'Each service across the trust'));
  blocks.push(
    table(
      ['Service', 'Schools', 'Items met', 'Availability', 'Breached at', 'At risk at'],
      f.services.map((s) => [
        s.name,
        String(s.schools),
        s.met + s.breached ? `${shareText(s.share)} (${s.met} of ${s.met + s.breached})` : '—',
        shareText(s.availability),
        s.breachedAt.length ? joinWords(s.breachedAt) : '—',
        s.atRiskAt.length ? joinWords(s.atRiskAt) : '—',
      ]),
    ),
  );

  blocks.push(heading(1, 'When each school was read'));
  blocks.push(
    table(
      ['School', 'Period', 'Read at', 'Calls left out'],
      f.read.map((s) => [s.name, s.figures!.wording, s.readAt === undefined ? '—' : formatLocal(s.readAt, o.timeZone), String(s.figures!.leftOut)]),
    ),
  );
  if (f.unreadable.length) {
    blocks.push({ kind: 'callout', tone: 'warning', text: `Not read: ${f.unreadable.map((s) => `${s.name} (${s.error ?? 'not read yet'})`).join('; ')}.` });
  }
  return { type: 'Trust review', label: period, title, blocks };
}
