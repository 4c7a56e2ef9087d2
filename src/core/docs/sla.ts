/**
 * The published SLA: title block, what changed since the last version, parties and sign-off, the
 * services in order of business priority, what applies to every service (said once), each service's
 * points and targets in its own terms, review arrangements, a glossary, and what is still to be agreed
 * (blank points and promises the support behind a service does not give). Underpinning contracts are
 * left out: users never see them (their costs are in the service review's internal version).
 *
 * Facts are gathered once (`gatherSla`); each section is a function of those facts returning blocks.
 */
import { unreadSection } from './unread';
import type { Person, Service, Sla } from '../schema/records';
import type { Workbook } from '../workbook/parseWorkbook';
import { REVIEW_QUESTIONS } from './questions';
import { STATUS_MEANINGS } from '../attainment/status';
import { joinWords, longDate, percentText, plural } from '../text';
import { appendAll, minOf } from '../values';
import { idKey, isAll } from '../schema/ids';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { buildModel, describeHours, TARGET_HEADER, targetLines, TEN_POINTS, tenPoints, type Gap, type SlaPoint, type TargetLine } from './services';
import { durationInTerms, hoursConflicts, supportHoursOf } from './slaHours';
import { changesSince, fingerprint, lastSlaRecord, nextVersion, type ServiceParts } from './versions';

export interface SlaOptions {
  /** The instant the document is dated. */
  readonly now: number;
  /** The school's name, for the title block. */
  readonly school: string;
  /** Services to include (IDs); null or absent means every service in use (not retired or unsupported). */
  readonly serviceIds?: readonly string[] | null;
  /** Cells the reading could not use ("Services row 4 (Status)"), named at the end. */
  readonly unread?: readonly string[];
  /** The workbook's attainment model, when the use case has built it already (default: built here). */
  readonly model?: ReturnType<typeof buildModel>;
}

export interface SlaDocument extends DocModel {
  readonly type: 'SLA';
  /** Draft while any service is still in negotiation; Agreed once every one is. */
  readonly status: 'Draft' | 'Agreed';
  readonly serviceIds: string[];
  /** Every point still open, listed at the end for the negotiation. */
  readonly toBeAgreed: Gap[];
  /** Name of the document, before the date and any copy number are added. */
  readonly baseName: string;
  /** This generation's version: one more than the last SLA the Documents tab records. */
  readonly version: string;
  /** What changed since that version, service by service; undefined when there is nothing to compare with. */
  readonly changes: string[] | undefined;
  /** Kept on the Documents tab so the next version can list what changed. */
  readonly contents: string;
}

const RANK_HEADER = ['Rank', 'Service', 'Users', 'Representatives', 'Agreement'];
/** Services an SLA leaves out unless asked for by ID. */
const outOfScope = (s: Service): boolean => s.status === 'Retired' || s.status === 'Unsupported';
/** Points whose wording is often the same for every service, said once when it is. */
const SHAREABLE: readonly SlaPoint[] = TEN_POINTS.slice(3);
const TARGETS_POINT = 'Response and fix targets';

const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['Service hours', 'When the service must be working.'],
  ['Support hours', 'When support staff work on it. Response and fix times count only these hours.'],
  ['Working hours', 'Hours inside the support hours: 4 working hours from 17:00 on 08:00-18:00 days end at 11:00.'],
  ['Fix', 'The call resolved, less time spent waiting for the user.'],
  ['Closure days', 'Holidays, INSET and bank holidays.'],
  ...STATUS_MEANINGS,
];

/** The services an SLA covers, by rank; unknown IDs are an error the user can act on. */
function slaServices(wb: Workbook, serviceIds?: readonly string[] | null): Service[] {
  const byRank = [...wb.services].sort((a, b) => a.rank - b.rank || a.serviceId.localeCompare(b.serviceId));
  if (!serviceIds) return byRank.filter((s) => !outOfScope(s));
  const wanted = new Set(serviceIds.map(idKey));
  const known = new Set(byRank.map((s) => idKey(s.serviceId)));
  const unknown = serviceIds.filter((id) => !known.has(idKey(id)));
  if (unknown.length) throw new Error(`${joinWords(unknown.map((u) => `"${u}"`))} ${unknown.length > 1 ? 'are not Service IDs' : 'is not a Service ID'} on the Services tab.`);
  return byRank.filter((s) => wanted.has(idKey(s.serviceId)));
}

const representsAny = (p: Person, ids: ReadonlySet<string>): boolean =>
  (p.services ?? []).some((s) => isAll(s) || ids.has(idKey(s)));

/** One service as the SLA states it. */
interface ServiceFacts {
  readonly service: Service;
  readonly sla: Sla | undefined;
  /** No SLA row: the service shows no targets, only what must be agreed. */
  readonly nothingAgreed: boolean;
  readonly rankRow: string[];
  readonly points: Array<{ point: SlaPoint; text: string; agreed: boolean }>;
  readonly lines: TargetLine[];
  /** The target table's rows, in the service's own working days. */
  readonly targetRows: string[][];
  /** The hours the targets count in: the service's own support hours, or the service hours. */
  readonly targetHours: string;
  /** Promises of the service hours that the support behind it does not give. */
  readonly conflicts: string[];
}

/** Everything the SLA says, gathered from the workbook before any block is written. */
interface SlaFacts {
  readonly wb: Workbook;
  readonly opts: SlaOptions;
  readonly tz: string;
  readonly services: ServiceFacts[];
  readonly ids: ReadonlySet<string>;
  readonly version: string;
  readonly previous: { version: string; created: number } | undefined;
  readonly changes: string[] | undefined;
  readonly contents: string;
  readonly status: SlaDocument['status'];
  readonly managers: Person[];
  readonly heads: Person[];
  readonly reps: Person[];
  /** Point → wording shared by every service with an agreement. */
  readonly common: ReadonlyMap<SlaPoint, string>;
  /** Target rows shared by more than one service, stated once. */
  readonly standardTargets: string[][] | undefined;
  readonly gaps: Gap[];
}

function targetRowsOf(lines: readonly TargetLine[], svc: Service, wb: Workbook): string[][] {
  const hours = supportHoursOf(svc, wb);
  const within = (h: number | undefined) => (h === undefined ? TO_BE_AGREED : durationInTerms(h, hours));
  return lines.map((l) => {
    const t = l.target;
    return [
      l.type, l.priority ?? 'Any', t ? t.description?.trim() ?? '' : TO_BE_AGREED,
      t ? within(t.respondHours) : TO_BE_AGREED, t ? within(t.resolveHours) : TO_BE_AGREED,
      t ? (t.compliance !== undefined ? `${percentText(t.compliance)} of calls` : 'every call') : TO_BE_AGREED,
    ];
  });
}

/** The points of an agreed service still open: blank points, service hours its support does not give, targets missing. */
function openPointsOf(points: ServiceFacts['points'], conflicts: readonly string[], lines: readonly TargetLine[]): string[] {
  const open = points.filter((p) => !p.agreed || (p.point === 'Service hours' && conflicts.length > 0)).map((p) => p.point.toLowerCase());
  if (lines.some((l) => !l.target || l.target.respondHours === undefined || l.target.resolveHours === undefined)) open.push('some targets');
  return open;
}

/** "Agreed on 12 January 2026", or "Agreed in part on 12 January 2026: service hours to be agreed" while points are open. */
function agreementWords(sla: Sla, open: readonly string[], tz: string): string {
  if (sla.status === 'Negotiation') return 'Being negotiated';
  const on = sla.agreedOn !== undefined ? ` on ${longDate(sla.agreedOn, tz)}` : '';
  return open.length ? `Agreed in part${on}: ${joinWords(open)} to be agreed` : `Agreed${on}`;
}

function gatherService(svc: Service, sla: Sla | undefined, wb: Workbook, model: ReturnType<typeof buildModel>, now: number): ServiceFacts {
  const tz = wb.timeZone;
  const points = tenPoints(svc, sla, wb);
  const own = describeHours(svc.supportHours, wb);
  const targetHours = own && own !== describeHours(svc.serviceHours, wb) ? `the support hours, ${own}` : 'the service hours in point 2';
  const lines = sla ? targetLines(svc.serviceId, model) : [];
  const conflicts = hoursConflicts(svc, sla, wb);
  const rankRow = [String(svc.rank), svc.name, svc.users?.trim() || TO_BE_AGREED, (svc.representatives ?? []).join(', ') || TO_BE_AGREED,
    sla ? agreementWords(sla, openPointsOf(points, conflicts, lines), tz) : TO_BE_AGREED];
  return {
    service: svc, sla, nothingAgreed: !sla, rankRow, points, lines, targetRows: targetRowsOf(lines, svc, wb), targetHours, conflicts,
  };
}

/** A service's unsettled points, in the order the document shows them: ranking row, ten points, targets. */
function serviceGaps(f: ServiceFacts): Gap[] {
  const { serviceId, name } = f.service;
  const gap = (point: string): Gap => ({ serviceId, service: name, point });
  const gaps = f.rankRow.flatMap((c, k) => (c === TO_BE_AGREED ? [gap(RANK_HEADER[k])] : []));
  if (f.nothingAgreed) {
    const open = f.points.filter((p) => !p.agreed).map((p) => p.point.toLowerCase());
    return [...gaps, gap(`Everything: ${joinWords([...open, TARGETS_POINT.toLowerCase()])}`)];
  }
  for (const p of f.points) if (!p.agreed) gaps.push(gap(p.point));
  for (const c of f.conflicts) gaps.push(gap(`Service hours: ${c}`));
  for (const l of f.lines) {
    const t = l.target;
    const missing = t ? [t.respondHours === undefined && 'respond time', t.resolveHours === undefined && 'resolve time'].filter(Boolean).join(' and ') : '';
    if (!t || missing) gaps.push(gap(`${l.type} targets${l.priority ? ` (${l.priority})` : ''}${missing && `: ${missing}`}`));
  }
  return gaps;
}

/** Wording identical for every service that has an agreement (two at least), to be said once. */
function commonPoints(services: readonly ServiceFacts[]): Map<SlaPoint, string> {
  const agreed = services.filter((s) => !s.nothingAgreed);
  const common = new Map<SlaPoint, string>();
  if (agreed.length < 2) return common;
  for (const point of SHAREABLE) {
    const texts = agreed.map((s) => s.points.find((p) => p.point === point)!);
    if (texts.every((p) => p.agreed && p.text === texts[0].text)) common.set(point, texts[0].text);
  }
  return common;
}

const sameRows = (a: readonly string[][], b: readonly string[][]): boolean => a.map((r) => r.join('|')).join('/') === b.map((r) => r.join('|')).join('/');

/** The target table most services share (at least two), stated once; undefined when none is shared. */
function standardTargets(services: readonly ServiceFacts[]): string[][] | undefined {
  const counts = new Map<string, { rows: string[][]; n: number }>();
  for (const s of services) {
    if (s.nothingAgreed || !s.targetRows.length) continue;
    const key = s.targetRows.map((r) => r.join('|')).join('/');
    const c = counts.get(key) ?? { rows: s.targetRows, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= 2 ? best.rows : undefined;
}

/** What the fingerprint keeps of a service: its listing, each point and its targets as printed. */
const partsOf = (s: ServiceFacts): ServiceParts => ({
  serviceId: s.service.serviceId, name: s.service.name,
  parts: [['Listing', s.rankRow.join('|')], ...s.points.map((p) => [p.point, p.text] as const), ['Targets', s.targetRows.map((r) => r.join('|')).join('/')]],
});

function gatherSla(wb: Workbook, opts: SlaOptions): SlaFacts {
  const chosen = slaServices(wb, opts.serviceIds);
  if (chosen.length === 0) {
    throw new Error('There is no service to put in the SLA: add services to the Services tab (retired and unsupported ones are left out).');
  }
  const ids = new Set(chosen.map((s) => idKey(s.serviceId)));
  const model = opts.model ?? buildModel(wb);
  const services = chosen.map((s) => gatherService(s, wb.sla.find((r) => idKey(r.serviceId) === idKey(s.serviceId)), wb, model, opts.now));
  const slas = services.map((s) => s.sla);

  const status: SlaDocument['status'] = slas.every((r) => r && r.status !== 'Negotiation') ? 'Agreed' : 'Draft';
  const last = lastSlaRecord(wb.documents);
  const version = nextVersion(last?.label, status === 'Agreed');
  const contents = fingerprint(services.map(partsOf));
  const reviews = slas.map((r) => r?.nextReview).filter((d): d is number => d !== undefined);
  const managers = wb.people.filter((p) => p.role === 'Service manager');
  const heads = wb.people.filter((p) => p.role === 'Head teacher');
  const reps = wb.people.filter((p) => p.role === 'End-user representative' && representsAny(p, ids));

  const whole = (point: string): Gap => ({ service: 'Whole agreement', point });
  const gaps: Gap[] = [];
  if (reviews.length === 0) gaps.push(whole('Date of the next review'));
  if (managers.length === 0) gaps.push(whole('Service manager (People tab)'));
  if (reps.length === 0) gaps.push(whole('End-user representatives (People tab)'));
  for (const s of services) appendAll(gaps, serviceGaps(s));

  return {
    wb, opts, tz: wb.timeZone, services, ids, version, status, contents,
    previous: last ? { version: last.label?.trim() || 'earlier', created: last.created } : undefined,
    changes: changesSince(last?.contents, services.map(partsOf)),
    managers, heads, reps, common: commonPoints(services), standardTargets: standardTargets(services), gaps,
  };
}

/** "Overdue since 13 November 2026 (Word processing); then 9 January 2027", or the date, or "To be agreed". */
function reviewDueText(f: SlaFacts): string {
  return reviewDueWords(f.services.map((s) => ({ name: s.service.name, nextReview: s.sla?.nextReview })), f.opts.now, f.tz);
}

/** The next review of a set of agreements as the SLA and the review both say it, overdue ones named first. */
export function reviewDueWords(agreements: ReadonlyArray<{ name: string; nextReview: number | undefined }>, now: number, tz: string): string {
  const dated = agreements.filter((a): a is { name: string; nextReview: number } => a.nextReview !== undefined);
  const first = minOf(dated.map((a) => a.nextReview));
  if (first === undefined) return TO_BE_AGREED;
  const overdue = dated.filter((a) => a.nextReview < now);
  if (!overdue.length) return longDate(first, tz);
  const upcoming = minOf(dated.filter((a) => a.nextReview >= now).map((a) => a.nextReview));
  const then = upcoming !== undefined ? `; then ${longDate(upcoming, tz)}` : '';
  return `Overdue since ${longDate(first, tz)} (${joinWords(overdue.map((a) => a.name))})${then}`;
}

/** Every point the SLA of the services in use would list as still to be agreed (none when no service is in use). */
export function slaOpenPoints(wb: Workbook, now: number, model?: ReturnType<typeof buildModel>): Gap[] {
  return slaServices(wb).length ? gatherSla(wb, { now, school: '', model }).gaps : [];
}

function titleSection(f: SlaFacts): Block[] {
  const { opts, tz } = f;
  const blocks: Block[] = [
    { kind: 'title', text: `Service Level Agreement: ICT services` }, { kind: 'subtitle', text: opts.school },
    table(['Document', 'Service Level Agreement'], [
      ['Version', f.version],
      ['Status', f.status === 'Draft' ? 'Draft (being negotiated)' : f.gaps.length ? `Agreed, with ${plural(f.gaps.length, 'point')} still to be agreed (section 7)` : 'Agreed'],
      ['Date', longDate(opts.now, tz)],
      ['Next review', reviewDueText(f)],
    ]),
  ];
  if (f.status === 'Draft') {
    const negotiating = f.services.filter((s) => !s.sla || s.sla.status === 'Negotiation').map((s) => s.service.name);
    blocks.push({ kind: 'callout', tone: 'warning', text: `Draft: ${joinWords(negotiating)} not agreed yet. Comment to propose changes.` });
  }
  if (!f.previous) blocks.push(paragraph('First version.', 'quiet'));
  else {
    const since = `Changes since version ${f.previous.version} of ${longDate(f.previous.created, tz)}`;
    if (!f.changes?.length) blocks.push(paragraph(`${since}: ${f.changes ? 'none' : 'not recorded'}.`, 'quiet'));
    else blocks.push(paragraph(`${since}:`, 'strong'), { kind: 'list', ordered: false, items: f.changes });
  }
  return blocks;
}

function partiesSection(f: SlaFacts): Block[] {
  const { managers, reps, heads } = f;
  const row = (role: string) => (p: Person) => [p.name, role, p.area ?? '', '', ''];
  const signRows = [...managers.map(row('Service manager')), ...heads.map(row('Head teacher')), ...reps.map(row('End-user representative'))];
  if (managers.length === 0) signRows.unshift([TO_BE_AGREED, 'Service manager', '', '', '']);
  if (reps.length === 0) signRows.push([TO_BE_AGREED, 'End-user representative', '', '', '']);
  return [
    heading(1, '1. Parties and signatories'),
    table(['Name', 'Role', 'Area', 'Signature', 'Date'], signRows),
  ];
}

function rankingSection(f: SlaFacts): Block[] {
  return [
    heading(1, '2. Services in order of business priority'),
    paragraph('Calls are dealt with by priority first: a Critical call comes before a High one, whatever the service. '
      + 'Between calls of the same priority, the service higher in this list comes first.'),
    table(RANK_HEADER, f.services.map((s) => s.rankRow)),
  ];
}

function commonSection(f: SlaFacts): Block[] {
  const blocks: Block[] = [heading(1, '3. For every service')];
  if (!f.common.size && !f.standardTargets) return [...blocks, paragraph('Each service states its own.')];
  blocks.push(paragraph('For every service with an agreement, unless its section says otherwise.'));
  if (f.common.size) blocks.push(table(['Point', 'What is agreed'], [...f.common].map(([p, t]) => [`${TEN_POINTS.indexOf(p) + 1}. ${p}`, t])));
  if (f.standardTargets) {
    blocks.push(paragraph('Standard response and fix targets, in working hours of each service\'s support hours:'),
      table([...TARGET_HEADER], f.standardTargets));
  }
  return blocks;
}

function serviceSection(f: SlaFacts, s: ServiceFacts, i: number): Block[] {
  const svc = s.service;
  const title = heading(2, `4.${i + 1} ${svc.name} (${svc.serviceId})`);
  if (s.nothingAgreed) {
    const known = s.points.flatMap((p, k) => (p.agreed ? [[`${k + 1}. ${p.point}`, p.text]] : []));
    const open = s.points.filter((p) => !p.agreed).map((p) => p.point.toLowerCase());
    return [
      title,
      paragraph(`Nothing is agreed for ${svc.name} yet, so it has no targets. To be agreed: ${joinWords([...open, 'its response and fix targets'])}.`),
      ...(known.length ? [table(['Point', 'Proposed'], known)] : []),
    ];
  }
  const shared = s.points.flatMap((p, k) => (f.common.has(p.point) ? [{ n: k + 1, point: p.point }] : []));
  const rows = s.points.flatMap((p, k) => {
    if (f.common.has(p.point)) return [];
    const text = p.point === 'Service hours' && s.conflicts.length
      ? `${TO_BE_AGREED}. Proposed: ${p.text} Not all of it is supported yet (section 7).`
      : p.text;
    return [[`${k + 1}. ${p.point}`, text]];
  });
  // Numbered as the points they are, so no number looks missing; kept in their place among the others.
  if (shared.length) {
    const row = [`${shared.map((p) => p.n).join(', ')}. ${joinWords(shared.map((p) => p.point))}`, 'As for every service (section 3).'];
    const at = rows.findIndex((r) => parseInt(r[0], 10) > shared[0].n);
    rows.splice(at < 0 ? rows.length : at, 0, row);
  }
  return [
    title,
    table(['Point', 'What is agreed'], rows),
    ...(f.standardTargets !== undefined && sameRows(s.targetRows, f.standardTargets)
      ? [paragraph('Response and fix targets: the standard ones (section 3).')]
      : [paragraph(`Response and fix targets, in working hours of ${s.targetHours}:`), table([...TARGET_HEADER], s.targetRows)]),
  ];
}

function reviewSection(f: SlaFacts): Block[] {
  return [
    heading(1, '5. Review arrangements'),
    paragraph(`The service manager and the representatives review this agreement (next review: ${reviewDueText(f).replace(/^O/, 'o')}): the targets met and missed, suppliers, and five questions:`),
    { kind: 'list', ordered: true, items: [...REVIEW_QUESTIONS] },
    paragraph('New levels agreed at a review are published as a new version.'),
  ];
}

const glossarySection = (): Block[] => [heading(1, '6. Words used here'), table(['Word', 'Meaning'], GLOSSARY.map(([t, m]) => [t, m]))];

function toBeAgreedSection(gaps: readonly Gap[]): Block[] {
  if (gaps.length === 0) return [heading(1, '7. Still to be agreed'), paragraph('Nothing: every point of every service has been agreed.')];
  return [
    heading(1, '7. Still to be agreed'),
    paragraph(`${plural(gaps.length, 'point is', 'points are')} not settled yet. They read "${TO_BE_AGREED}" above and are for the next negotiation.`),
    table(['Service', 'Point'], gaps.map((g) => [g.serviceId ? `${g.service} (${g.serviceId})` : g.service, g.point])),
  ];
}

export function buildSlaDocument(wb: Workbook, opts: SlaOptions): SlaDocument {
  const f = gatherSla(wb, opts);
  const blocks: Block[] = [
    ...titleSection(f),
    ...partiesSection(f),
    ...rankingSection(f),
    ...commonSection(f),
    heading(1, '4. Each service'),
    ...f.services.flatMap((s, i) => serviceSection(f, s, i)),
    ...reviewSection(f),
    ...glossarySection(),
    ...toBeAgreedSection(f.gaps),
    ...unreadSection(opts.unread),
  ];
  return {
    type: 'SLA', label: f.version, title: `Service Level Agreement, ${opts.school}`, blocks, status: f.status,
    serviceIds: f.services.map((s) => s.service.serviceId), toBeAgreed: f.gaps, baseName: `SLA v${f.version} – ${opts.school}`,
    version: f.version, changes: f.changes, contents: f.contents,
  };
}
