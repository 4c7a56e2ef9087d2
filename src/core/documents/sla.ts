/**
 * The published SLA, an agreement with users: title block, what changed since the last version, parties
 * and sign-off, the services in order of business priority, what applies to every service (said once),
 * each service's points, agreed exceptions and targets in its own terms, how to complain or escalate,
 * what is not covered, review arrangements, a glossary, and the points still blank. Underpinning
 * contracts are left out: whether a supplier covers the SLA is the service manager's problem, reported
 * by Check contracts and the internal review, and never turns an agreed point back into "to be agreed".
 *
 * Facts are gathered once (`gatherSla`); each section is a function of those facts returning blocks.
 */
import { unreadSection } from './unread';
import type { Person, Service, Sla } from '../schema/records';
import type { Workbook } from '../workbook/parseWorkbook';
import { REVIEW_QUESTIONS } from './questions';
import { joinWords, longDate, percentText, plural } from '../text';
import { appendAll, minOf } from '../values';
import { idKey, isAll } from '../schema/ids';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { buildModel, describeHours, SLA_POINTS, TARGET_HEADER, targetLines, tenPoints, type Gap, type SlaPoint, type TargetLine } from './services';
import { durationInTerms, supportHoursOf } from './slaHours';
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
const SHAREABLE: readonly SlaPoint[] = ['Service hours', ...SLA_POINTS.slice(3)];
const TARGETS_POINT = 'Response and fix targets';

/** The words a governor meets in the SLA and in the service reviews, each explained without another term. */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['Service hours', 'When the service must be working, for example 08:00 to 18:00 on school days.'],
  ['Support hours', 'When ICT staff work on calls. Response and fix times are counted only in these hours.'],
  ['Call', 'A fault or a request reported to the service desk.'],
  ['First response', "The service desk's first reply to the person who reported the call."],
  ['Fixed', 'The fault put right or the request done. Time spent waiting for the person who reported it does not count.'],
  [
    'School days',
    'Days the school is open. "2 school days (20 h)" means 20 hours of support hours: a fault reported at 17:00 with a 4 h fix time must be fixed by 11:00 the next school day.',
  ],
  ['Closure days', 'School holidays, INSET days and bank holidays.'],
  ['Availability', 'How much of the service hours the service was working: 99% of a 50-hour week allows it to be down for 30 minutes.'],
  ['Met for at least 95% of calls', 'At least 95 of every 100 calls get their first response and their fix within the times shown.'],
  [
    'Met, At risk, Breached, Too few to judge',
    'How the service reviews report each target: Met is on target; At risk is on target, but one more late call would take it below; Breached is below target; Too few to judge means too few calls so far for a share to mean anything (one late call out of three is not a trend), so the calls are counted but not judged.',
  ],
  ['To date', 'Figures for a term or month that has not finished yet.'],
];

/** The services an SLA covers, by rank; unknown IDs are an error the user can act on. */
function slaServices(wb: Workbook, serviceIds?: readonly string[] | null): Service[] {
  const byRank = [...wb.services].sort((a, b) => a.rank - b.rank || a.serviceId.localeCompare(b.serviceId));
  if (!serviceIds) return byRank.filter((s) => !outOfScope(s));
  const wanted = new Set(serviceIds.map(idKey));
  const known = new Set(byRank.map((s) => idKey(s.serviceId)));
  const unknown = serviceIds.filter((id) => !known.has(idKey(id)));
  if (unknown.length)
    throw new Error(`${joinWords(unknown.map((u) => `"${u}"`))} ${unknown.length > 1 ? 'are not Service IDs' : 'is not a Service ID'} on the Services tab.`);
  return byRank.filter((s) => wanted.has(idKey(s.serviceId)));
}

const representsAny = (p: Person, ids: ReadonlySet<string>): boolean => (p.services ?? []).some((s) => isAll(s) || ids.has(idKey(s)));

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
  /** A limit agreed with the users (SLA tab, Agreed exceptions), printed as agreed. */
  readonly exceptions: string | undefined;
  /** How users complain about this service (SLA tab, Complaints), if the row says. */
  readonly complaints: string | undefined;
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
      l.type,
      l.priority ?? 'Any',
      t ? (t.description?.trim() ?? '') : TO_BE_AGREED,
      t ? within(t.respondHours) : TO_BE_AGREED,
      t ? within(t.resolveHours) : TO_BE_AGREED,
      t ? (t.compliance !== undefined ? `${percentText(t.compliance)} of calls` : 'every call') : TO_BE_AGREED,
    ];
  });
}

/** The points of an agreed service still open: blank points and missing targets (never contract cover: see the file comment). */
function openPointsOf(points: ServiceFacts['points'], lines: readonly TargetLine[]): string[] {
  const open = points.filter((p) => !p.agreed).map((p) => p.point.toLowerCase());
  if (lines.some((l) => !l.target || l.target.respondHours === undefined || l.target.resolveHours === undefined)) open.push('some targets');
  return open;
}

/** "Agreed on 12 January 2026", or "Agreed in part on 12 January 2026: service hours to be agreed" while points are open. */
function agreementWords(sla: Sla, open: readonly string[], tz: string): string {
  if (sla.status === 'Negotiation') return 'Being negotiated';
  const on = sla.agreedOn !== undefined ? ` on ${longDate(sla.agreedOn, tz)}` : '';
  return open.length ? `Agreed in part${on}: ${joinWords(open)} to be agreed` : `Agreed${on}`;
}

/** A service's agreement as the SLA words it ("Agreed in part on …: security to be agreed"), for other documents to say the same. */
export function serviceAgreement(svc: Service, wb: Workbook, model: ReturnType<typeof buildModel>): string | undefined {
  const sla = wb.sla.find((s) => idKey(s.serviceId) === idKey(svc.serviceId));
  return sla && agreementWords(sla, openPointsOf(tenPoints(svc, sla, wb), targetLines(svc.serviceId, model)), wb.timeZone);
}

function gatherService(svc: Service, sla: Sla | undefined, wb: Workbook, model: ReturnType<typeof buildModel>, _now: number): ServiceFacts {
  const tz = wb.timeZone;
  const points = tenPoints(svc, sla, wb);
  const own = describeHours(svc.supportHours, wb);
  const targetHours = own && own !== describeHours(svc.serviceHours, wb) ? `the support hours, ${own}` : 'the service hours';
  const lines = sla ? targetLines(svc.serviceId, model) : [];
  const rankRow = [
    String(svc.rank),
    svc.name,
    svc.users?.trim() || TO_BE_AGREED,
    (svc.representatives ?? []).join(', ') || TO_BE_AGREED,
    sla ? agreementWords(sla, openPointsOf(points, lines), tz) : TO_BE_AGREED,
  ];
  return {
    service: svc,
    sla,
    nothingAgreed: !sla,
    rankRow,
    points,
    lines,
    targetRows: targetRowsOf(lines, svc, wb),
    targetHours,
    exceptions: sla?.exceptions?.trim() || undefined,
    complaints: sla?.complaints?.trim() || undefined,
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
  serviceId: s.service.serviceId,
  name: s.service.name,
  parts: [
    ['Listing', s.rankRow.join('|')],
    ...s.points.map((p) => [p.point, p.text] as const),
    ...(s.exceptions ? [['Agreed exceptions', s.exceptions] as const] : []),
    ...(s.complaints ? [['Complaints', s.complaints] as const] : []),
    ['Targets', s.targetRows.map((r) => r.join('|')).join('/')],
  ],
});

function gatherSla(wb: Workbook, opts: SlaOptions): SlaFacts {
  const chosen = slaServices(wb, opts.serviceIds);
  if (chosen.length === 0) {
    throw new Error('There is no service to put in the SLA: add services to the Services tab (retired and unsupported ones are left out).');
  }
  const ids = new Set(chosen.map((s) => idKey(s.serviceId)));
  const model = opts.model ?? buildModel(wb);
  const services = chosen.map((s) =>
    gatherService(
      s,
      wb.sla.find((r) => idKey(r.serviceId) === idKey(s.serviceId)),
      wb,
      model,
      opts.now,
    ),
  );
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
    wb,
    opts,
    tz: wb.timeZone,
    services,
    ids,
    version,
    status,
    contents,
    previous: last ? { version: last.label?.trim() || 'earlier', created: last.created } : undefined,
    changes: changesSince(last?.contents, services.map(partsOf)),
    managers,
    heads,
    reps,
    common: commonPoints(services),
    standardTargets: standardTargets(services),
    gaps,
  };
}

/** "9 January 2027; Word processing overdue since 13 November 2026", or the date, or "To be agreed": the manager's view. */
export function reviewDueWords(agreements: ReadonlyArray<{ name: string; nextReview: number | undefined }>, now: number, tz: string): string {
  const dated = agreements.filter((a): a is { name: string; nextReview: number } => a.nextReview !== undefined);
  const first = minOf(dated.map((a) => a.nextReview));
  if (first === undefined) return TO_BE_AGREED;
  const overdue = dated.filter((a) => a.nextReview < now);
  if (!overdue.length) return longDate(first, tz);
  const upcoming = minOf(dated.filter((a) => a.nextReview >= now).map((a) => a.nextReview));
  const late = `${joinWords(overdue.map((a) => a.name))} overdue since ${longDate(first, tz)}`;
  return upcoming !== undefined ? `${longDate(upcoming, tz)}; ${late}` : `${late[0].toUpperCase()}${late.slice(1)}`;
}

const YEAR_MS = 365 * 86_400_000;

/**
 * The next review a document issued at `now` carries: the earliest review date still to come, or a year
 * after `now` when every date has passed; never "overdue" (an overdue review is the service manager's
 * warning: the panel, the internal review and the digest say it). Undefined when no review is dated.
 */
export function nextReviewOf(dates: ReadonlyArray<number | undefined>, now: number): number | undefined {
  const dated = dates.filter((d): d is number => d !== undefined);
  if (!dated.length) return undefined;
  return minOf(dated.filter((d) => d >= now)) ?? now + YEAR_MS;
}

const nextReviewText = (f: SlaFacts): string => {
  const d = nextReviewOf(
    f.services.map((s) => s.sla?.nextReview),
    f.opts.now,
  );
  return d === undefined ? TO_BE_AGREED : longDate(d, f.tz);
};

/** Every point the SLA of the services in use would list as still to be agreed (none when no service is in use). */
export function slaOpenPoints(wb: Workbook, now: number, model?: ReturnType<typeof buildModel>): Gap[] {
  return slaServices(wb).length ? gatherSla(wb, { now, school: '', model }).gaps : [];
}

/** Section numbers, in the order the document prints them. */
const S = { parties: 1, ranking: 2, common: 3, each: 4, complaints: 5, notCovered: 6, review: 7, words: 8, open: 9 } as const;

function titleSection(f: SlaFacts): Block[] {
  const { opts, tz } = f;
  const blocks: Block[] = [
    { kind: 'title', text: `Service Level Agreement: ICT services` },
    { kind: 'subtitle', text: opts.school },
    table(
      ['Document', 'Service Level Agreement'],
      [
        ['Version', f.version],
        [
          'Status',
          f.status === 'Draft'
            ? 'Draft (being agreed)'
            : f.gaps.length
              ? `Agreed, with ${plural(f.gaps.length, 'point')} still to be agreed (section ${S.open})`
              : 'Agreed',
        ],
        ['Date', longDate(opts.now, tz)],
        ['Next review', nextReviewText(f)],
      ],
    ),
  ];
  if (f.status === 'Draft') {
    const negotiating = f.services.filter((s) => !s.sla || s.sla.status === 'Negotiation').map((s) => s.service.name);
    blocks.push({
      kind: 'callout',
      tone: 'warning',
      text: `Draft: ${joinWords(negotiating)} ${negotiating.length > 1 ? 'are' : 'is'} not agreed yet. Comment to propose changes.`,
    });
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
  return [heading(1, `${S.parties}. Parties and signatories`), table(['Name', 'Role', 'Area', 'Signature', 'Date'], signRows)];
}

function rankingSection(f: SlaFacts): Block[] {
  return [
    heading(1, `${S.ranking}. Services in order of business priority`),
    paragraph(
      'Calls are dealt with by priority first: a Critical call comes before a High one, whatever the service. ' +
        'Between calls of the same priority, the service higher in this list comes first.',
    ),
    table(
      RANK_HEADER,
      f.services.map((s) => s.rankRow),
    ),
  ];
}

/** Agreed exceptions worded the same for two services or more: text → the services' names. */
function sharedExceptions(f: SlaFacts): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const s of f.services) if (s.exceptions && !s.nothingAgreed) by.set(s.exceptions, [...(by.get(s.exceptions) ?? []), s.service.name]);
  return new Map([...by].filter(([, names]) => names.length > 1));
}

function commonSection(f: SlaFacts): Block[] {
  const blocks: Block[] = [heading(1, `${S.common}. For every service`)];
  if (!f.common.size && !f.standardTargets && !sharedExceptions(f).size) return [...blocks, paragraph('Each service states its own.')];
  blocks.push(paragraph(`These apply to every service in section ${S.each} unless its own section says otherwise.`));
  // An exception agreed for several services is said once here, naming them.
  const exceptions = [...sharedExceptions(f)].map(([text, names]) => ['Agreed exceptions', `For ${joinWords(names)}: ${text}`]);
  if (f.common.size || exceptions.length) {
    const rows = [...f.common].map(([p, t]) => [p, t]);
    rows.splice(f.common.has('Service hours') ? 1 : 0, 0, ...exceptions);
    blocks.push(table(['Point', 'What is agreed'], rows));
  }
  if (f.standardTargets) {
    blocks.push(
      paragraph("Standard response and fix targets, counted in the service hours (or in a service's own support hours where its section gives them):"),
      table([...TARGET_HEADER], f.standardTargets),
    );
  }
  return blocks;
}

function serviceSection(f: SlaFacts, s: ServiceFacts, i: number): Block[] {
  const svc = s.service;
  const title = heading(2, `${S.each}.${i + 1} ${svc.name}`);
  if (s.nothingAgreed) {
    const known = s.points.flatMap((p) => (p.agreed ? [[p.point, p.text]] : []));
    const open = s.points.filter((p) => !p.agreed).map((p) => p.point.toLowerCase());
    return [
      title,
      paragraph(`Nothing is agreed for ${svc.name} yet, so it has no targets. To be agreed: ${joinWords([...open, 'its response and fix targets'])}.`),
      ...(known.length ? [table(['Point', 'Proposed'], known)] : []),
    ];
  }
  const rows = s.points.flatMap((p) => (f.common.has(p.point) ? [] : [[p.point, p.text]]));
  if (s.exceptions && !sharedExceptions(f).has(s.exceptions)) {
    const after = rows.findIndex((r) => r[0] === 'Service hours');
    rows.splice((after < 0 ? rows.findIndex((r) => r[0] === 'Service description') : after) + 1, 0, ['Agreed exceptions', s.exceptions]);
  }
  return [
    title,
    table(['Point', 'What is agreed'], rows),
    ...(f.standardTargets !== undefined && sameRows(s.targetRows, f.standardTargets)
      ? [paragraph(`Response and fix targets: the standard ones (section ${S.common}).`)]
      : [paragraph(`Response and fix targets, counted in ${s.targetHours}:`), table([...TARGET_HEADER], s.targetRows)]),
  ];
}

const DEFAULT_COMPLAINTS =
  'If a call is not dealt with as agreed, tell the service desk, quoting the call. If it is still not put right, tell the service manager; if that does not settle it, the head teacher. Representatives raise repeated problems at the review.';

/** How to complain: the Complaints wording (said once when every service says the same), then who holds each role, from the People tab. */
function complaintsSection(f: SlaFacts): Block[] {
  const agreed = f.services.filter((s) => !s.nothingAgreed);
  const texts = [...new Set(agreed.map((s) => s.complaints ?? DEFAULT_COMPLAINTS))];
  const words: Block[] =
    texts.length <= 1
      ? [paragraph(texts[0] ?? DEFAULT_COMPLAINTS)]
      : [
          {
            kind: 'list',
            ordered: false,
            items: texts.map((t) => `${joinWords(agreed.filter((s) => (s.complaints ?? DEFAULT_COMPLAINTS) === t).map((s) => s.service.name))}: ${t}`),
          },
        ];
  const names = (people: readonly Person[]) => people.map((p) => (p.area ? `${p.name} (${p.area})` : p.name)).join(', ');
  // A role nobody holds is left out here: the signatories (section 1) and the list at the end already say it is to be agreed.
  const roles = (
    [
      ['Service manager', f.managers],
      ['Head teacher', f.heads],
      ['Representatives', f.reps],
    ] as const
  )
    .filter(([, people]) => people.length > 0)
    .map(([role, people]) => [role, names(people)]);
  return [
    heading(1, `${S.complaints}. How to complain or escalate`),
    ...words,
    table(['Who', 'Name'], [['Service desk', `As in support levels (section ${S.common})`], ...roles]),
  ];
}

/** What the agreement does not cover: the catalogue's unsupported and retired services, by name, and anything not listed. */
function notCoveredSection(f: SlaFacts): Block[] {
  const out = f.wb.services.filter((s) => !f.ids.has(idKey(s.serviceId)) && outOfScope(s)).sort((a, b) => a.rank - b.rank);
  const why = (s: Service) =>
    s.status === 'Retired' ? 'Retired: no longer provided.' : 'Not supported: no targets apply. The service desk logs calls about it but cannot promise a fix.';
  return [
    heading(1, `${S.notCovered}. What is not covered`),
    paragraph(
      `Only the services in section ${S.ranking} are covered. Equipment, software and accounts that are not part of one of them (for example personal devices) are not supported${out.length ? ', nor are these, which the school knows are in use:' : '.'}`,
    ),
    ...(out.length
      ? [
          table(
            ['Service', 'Where it stands'],
            out.map((s) => [s.name, [s.description?.trim(), why(s)].filter(Boolean).join(' ')]),
          ),
        ]
      : []),
  ];
}

function reviewSection(f: SlaFacts): Block[] {
  return [
    heading(1, `${S.review}. Review arrangements`),
    paragraph(
      `The service manager and the representatives review this agreement at least once a year; the next review is ${nextReviewText(f) === TO_BE_AGREED ? 'to be agreed' : `on ${nextReviewText(f)}`}. Each review looks at the targets met and missed, and asks five questions:`,
    ),
    { kind: 'list', ordered: true, items: [...REVIEW_QUESTIONS] },
    paragraph('New levels agreed at a review are published as a new version of this agreement.'),
  ];
}

const glossarySection = (): Block[] => [
  heading(1, `${S.words}. Words used here`),
  table(
    ['Word', 'Meaning'],
    GLOSSARY.map(([t, m]) => [t, m]),
  ),
];

function toBeAgreedSection(gaps: readonly Gap[]): Block[] {
  const title = heading(1, `${S.open}. Still to be agreed`);
  if (gaps.length === 0) return [title, paragraph('Nothing: every point of every service has been agreed.')];
  return [
    title,
    paragraph(`${plural(gaps.length, 'point is', 'points are')} not settled yet. They read "${TO_BE_AGREED}" above and are for the next meeting.`),
    table(
      ['Service', 'Point'],
      gaps.map((g) => [g.service, g.point]),
    ),
  ];
}

export function buildSlaDocument(wb: Workbook, opts: SlaOptions): SlaDocument {
  const f = gatherSla(wb, opts);
  const blocks: Block[] = [
    ...titleSection(f),
    ...partiesSection(f),
    ...rankingSection(f),
    ...commonSection(f),
    heading(1, `${S.each}. Each service`),
    ...f.services.flatMap((s, i) => serviceSection(f, s, i)),
    ...complaintsSection(f),
    ...notCoveredSection(f),
    ...reviewSection(f),
    ...glossarySection(),
    ...toBeAgreedSection(f.gaps),
    ...unreadSection(opts.unread),
  ];
  return {
    type: 'SLA',
    label: f.version,
    title: `Service Level Agreement, ${opts.school}`,
    blocks,
    status: f.status,
    serviceIds: f.services.map((s) => s.service.serviceId),
    toBeAgreed: f.gaps,
    baseName: `SLA v${f.version} – ${opts.school}`,
    version: f.version,
    changes: f.changes,
    contents: f.contents,
  };
}
