/**
 * The published SLA: title block, parties and sign-off, then every service in order of business
 * priority with its ten points and targets, review arrangements, a glossary, and what is still to be
 * agreed. Underpinning contracts are left out (users never see them) unless the internal annex is asked for.
 *
 * Facts are gathered once (`gatherSla`); each section is a function of those facts returning blocks.
 */
import type { Person, Service, Sla } from '../schema';
import type { Workbook } from '../workbook';
import { REVIEW_QUESTIONS } from './questions';
import { hoursText, joinWords, longDate, moneyText, plural } from '../text';
import { heading, paragraph, table, TO_BE_AGREED, type Block, type DocModel } from './model';
import { buildModel, describeHours, TARGET_HEADER, targetLines, targetRows, tenPoints, type Gap, type SlaPoint, type TargetLine } from './services';
import { appendAll, minOf } from '../values';
import { idKey, isAll } from '../schema';

export interface SlaOptions {
  /** The instant the document is dated. */
  readonly now: number;
  /** The school's name, for the title block. */
  readonly school: string;
  /** Services to include (IDs); null or absent means every service in use (not retired or unsupported). */
  readonly serviceIds?: readonly string[] | null;
  /** Add the internal annex of underpinning contracts and OLAs (never for the published copy). */
  readonly internalAnnex?: boolean;
}

export interface SlaDocument extends DocModel {
  readonly type: 'SLA';
  /** Draft while any service is still in negotiation; Agreed once every one is. */
  readonly status: 'Draft' | 'Agreed';
  readonly serviceIds: string[];
  /** Every point the workbook leaves blank, listed at the end for the negotiation. */
  readonly toBeAgreed: Gap[];
  /** Name of the document, before the date and any copy number are added. */
  readonly baseName: string;
}

const RANK_HEADER = ['Rank', 'Service', 'Users', 'Representatives', 'Agreement'];
/** Services an SLA leaves out unless asked for by ID. */
const outOfScope = (s: Service): boolean => s.status === 'Retired' || s.status === 'Unsupported';

export const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['Service', 'What users rely on as a whole, such as email or printing, rather than a piece of equipment.'],
  ['Service hours', 'When the service must be available.'],
  ['Support hours', 'When support staff work on the service; response and resolution times count only these hours.'],
  ['Availability', 'The share of the service hours during which the service was working.'],
  ['Incident', 'Something that has stopped working or works less well than it should.'],
  ['Request', 'Something a user asks for, such as a new account or new software.'],
  ['Priority', 'How urgent an incident is: Critical, High, Medium or Low.'],
  ['Response time', 'Working hours from a call being logged to support first responding.'],
  ['Resolution time', 'Working hours from a call being logged to it being resolved, less time waiting on the user.'],
  ['Compliance target', 'The share of incidents or requests that must meet a target over a period.'],
  ['Closure days', 'School holidays, INSET days and bank holidays, when service hours do not run.'],
];

/** The services an SLA covers, by rank; unknown IDs are an error the user can act on. */
export function slaServices(wb: Workbook, serviceIds?: readonly string[] | null): Service[] {
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
  readonly rankRow: string[];
  readonly points: Array<{ point: SlaPoint; text: string; agreed: boolean }>;
  readonly lines: TargetLine[];
  /** Where the targets' hours are stated: "point 4", the service's own support hours, or the service hours. */
  readonly targetHours: string;
}

/** Everything the SLA says, gathered from the workbook before any block is written. */
interface SlaFacts {
  readonly wb: Workbook;
  readonly opts: SlaOptions;
  readonly tz: string;
  readonly services: ServiceFacts[];
  readonly ids: ReadonlySet<string>;
  readonly version: string | undefined;
  readonly status: SlaDocument['status'];
  readonly nextReview: number | undefined;
  readonly managers: Person[];
  readonly reps: Person[];
  readonly gaps: Gap[];
}

function gatherService(svc: Service, sla: Sla | undefined, wb: Workbook, model: ReturnType<typeof buildModel>): ServiceFacts {
  const tz = wb.timeZone;
  const rankRow = [String(svc.rank), svc.name, svc.users?.trim() || TO_BE_AGREED, (svc.representatives ?? []).join(', ') || TO_BE_AGREED,
    sla ? `${sla.status}${sla.version ? `, version ${sla.version}` : ''}${sla.agreedOn !== undefined ? `, agreed on ${longDate(sla.agreedOn, tz)}` : ''}` : TO_BE_AGREED];
  const points = tenPoints(svc, sla, wb);
  const own = describeHours(svc.supportHours, wb);
  const targetHours = points[3].agreed ? 'point 4' : own && !points[1].text.startsWith(own) ? own : 'the service hours, point 2';
  return { service: svc, sla, rankRow, points, lines: targetLines(svc.serviceId, model), targetHours };
}

/** A service's unsettled points, in the order the document shows them: ranking row, ten points, targets. */
function serviceGaps(f: ServiceFacts): Gap[] {
  const { serviceId, name } = f.service;
  const gap = (point: string): Gap => ({ serviceId, service: name, point });
  const gaps = f.rankRow.flatMap((c, k) => (c === TO_BE_AGREED ? [gap(RANK_HEADER[k])] : []));
  for (const p of f.points) if (!p.agreed) gaps.push(gap(p.point));
  for (const l of f.lines) {
    const t = l.target;
    const missing = t ? [t.respondHours === undefined && 'respond time', t.resolveHours === undefined && 'resolve time'].filter(Boolean).join(' and ') : '';
    if (!t || missing) gaps.push(gap(`${l.type} targets${l.priority ? ` (${l.priority})` : ''}${missing && `: ${missing}`}`));
  }
  return gaps;
}

function gatherSla(wb: Workbook, opts: SlaOptions): SlaFacts {
  const chosen = slaServices(wb, opts.serviceIds);
  if (chosen.length === 0) {
    throw new Error('There is no service to put in the SLA: add services to the Services tab (retired and unsupported ones are left out).');
  }
  const ids = new Set(chosen.map((s) => idKey(s.serviceId)));
  const model = buildModel(wb);
  const services = chosen.map((s) => gatherService(s, wb.sla.find((r) => idKey(r.serviceId) === idKey(s.serviceId)), wb, model));
  const slas = services.map((s) => s.sla);

  const versions = slas.map((r) => r?.version?.trim()).filter((v): v is string => !!v);
  const version = versions.length ? versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : undefined;
  const status: SlaDocument['status'] = slas.every((r) => r && r.status !== 'Negotiation') ? 'Agreed' : 'Draft';
  const reviews = slas.map((r) => r?.nextReview).filter((d): d is number => d !== undefined);
  const upcoming = reviews.filter((d) => d >= opts.now);
  const nextReview = minOf(upcoming) ?? minOf(reviews);
  const managers = wb.people.filter((p) => p.role === 'Service manager');
  const reps = wb.people.filter((p) => p.role === 'End-user representative' && representsAny(p, ids));

  const whole = (point: string): Gap => ({ service: 'Whole agreement', point });
  const gaps: Gap[] = [];
  if (!version) gaps.push(whole('Version'));
  if (nextReview === undefined) gaps.push(whole('Date of the next review'));
  if (managers.length === 0) gaps.push(whole('Service manager (People tab)'));
  if (reps.length === 0) gaps.push(whole('End-user representatives (People tab)'));
  for (const s of services) appendAll(gaps, serviceGaps(s));

  return { wb, opts, tz: wb.timeZone, services, ids, version, status, nextReview, managers, reps, gaps };
}

function titleSection(f: SlaFacts): Block[] {
  const { opts, tz } = f;
  const blocks: Block[] = [
    { kind: 'title', text: `Service Level Agreement: ICT services` }, { kind: 'subtitle', text: opts.school },
    table(['Document', 'Service Level Agreement'], [
      ['School', opts.school],
      ['Version', f.version ?? TO_BE_AGREED],
      ['Status', f.status === 'Agreed' ? 'Agreed' : 'Draft (under negotiation)'],
      ['Date', longDate(opts.now, tz)],
      ['Next review', f.nextReview !== undefined ? longDate(f.nextReview, tz) : TO_BE_AGREED],
      ['Services covered', String(f.services.length)],
    ]),
  ];
  if (f.status === 'Draft') {
    const negotiating = f.services.filter((s) => !s.sla || s.sla.status === 'Negotiation').map((s) => s.service.name);
    blocks.push({ kind: 'callout', tone: 'warning', text: `Draft for negotiation: the levels for ${joinWords(negotiating)} are not agreed yet. Comment on this document to propose changes.` });
  }
  return blocks;
}

function partiesSection(f: SlaFacts): Block[] {
  const { managers, reps } = f;
  const led = managers.length ? joinWords(managers.map((m) => m.name)) : 'the service manager (to be agreed)';
  const represented = reps.length ? joinWords(reps.map((r) => (r.area ? `${r.name} (${r.area})` : r.name))) : 'end-user representatives still to be named';
  const signRows = [
    ...managers.map((p) => [p.name, 'Service manager', p.area ?? '', '', '']),
    ...reps.map((p) => [p.name, 'End-user representative', p.area ?? '', '', '']),
  ];
  if (managers.length === 0) signRows.unshift([TO_BE_AGREED, 'Service manager', '', '', '']);
  if (reps.length === 0) signRows.push([TO_BE_AGREED, 'End-user representative', '', '', '']);
  return [
    heading(1, '1. Parties and signatories'),
    paragraph(`This agreement is between the school's ICT service, led by ${led}, and the people who use its services, represented by ${represented}. `
      + 'It says which services are supported, to what level, and what comes first when there is a conflict.'),
    table(['Name', 'Role', 'Area', 'Signature', 'Date'], signRows),
  ];
}

function rankingSection(f: SlaFacts): Block[] {
  return [
    heading(1, '2. Services in order of business priority'),
    paragraph('When two calls compete for support, the service higher in this list is dealt with first.'),
    table(RANK_HEADER, f.services.map((s) => s.rankRow)),
  ];
}

function serviceSection(s: ServiceFacts, i: number): Block[] {
  const svc = s.service;
  return [
    heading(2, `2.${i + 1} ${svc.name} (${svc.serviceId})`),
    table(['Point', 'What is agreed'], s.points.map((p, k) => [`${k + 1}. ${p.point}`, p.text])),
    paragraph(`Response and resolution targets, counted in support hours (${s.targetHours}):`),
    table([...TARGET_HEADER], targetRows(s.lines)),
  ];
}

function reviewSection(f: SlaFacts): Block[] {
  const due = f.nextReview !== undefined ? `; the next review is due on ${longDate(f.nextReview, f.tz)}` : ' at dates still to be agreed';
  return [
    heading(1, '3. Review arrangements'),
    paragraph(`The service manager and the representatives meet to review this agreement${due}. `
      + 'Each review looks at attainment against the targets above, breaches and trends, supplier performance, and five questions:'),
    { kind: 'list', ordered: true, items: [...REVIEW_QUESTIONS] },
    paragraph('Findings and actions are recorded and followed up at the next review. New service levels are agreed at a review and published as a new version.'),
  ];
}

const glossarySection = (): Block[] => [heading(1, '4. Glossary'), table(['Term', 'Meaning'], GLOSSARY.map(([t, m]) => [t, m]))];

function toBeAgreedSection(gaps: readonly Gap[]): Block[] {
  if (gaps.length === 0) return [heading(1, '5. Still to be agreed'), paragraph('Nothing: every point of every service has been agreed.')];
  return [
    heading(1, '5. Still to be agreed'),
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
    ...f.services.flatMap(serviceSection),
    ...reviewSection(f),
    ...glossarySection(),
    ...toBeAgreedSection(f.gaps),
    ...(opts.internalAnnex ? contractsAnnex(wb, f.ids) : []),
  ];
  return {
    type: 'SLA', label: f.version ?? 'draft', title: `Service Level Agreement, ${opts.school}`, blocks, status: f.status,
    serviceIds: f.services.map((s) => s.service.serviceId), toBeAgreed: f.gaps, baseName: `SLA ${f.version ? `v${f.version}` : 'draft'} – ${opts.school}`,
  };
}

/** The internal annex: underpinning contracts and OLAs of the services covered. */
function contractsAnnex(wb: Workbook, ids: ReadonlySet<string>): Block[] {
  const tz = wb.timeZone;
  const contracts = wb.contracts.filter((c) => (c.services ?? []).some((s) => ids.has(idKey(s))));
  const blocks: Block[] = [
    { kind: 'pageBreak' },
    heading(1, 'Annex (internal): underpinning contracts and OLAs'),
    { kind: 'callout', tone: 'note', text: 'For the ICT service only: these agreements support the levels above and are not part of the agreement with users.' },
  ];
  if (contracts.length === 0) blocks.push(paragraph('No contract or OLA covers these services.'));
  else {
    blocks.push(table(['Ref', 'Supplier', 'Kind', 'Services', 'Support hours', 'Respond', 'Fix', 'Annual cost', 'Renewal'],
      contracts.map((c) => [
        c.contractRef, c.supplier, c.kind, (c.services ?? []).join(', '), describeHours(c.supportHours, wb) ?? 'Unknown',
        c.respondHours === undefined ? 'Unknown' : hoursText(c.respondHours), c.fixHours === undefined ? 'Unknown' : hoursText(c.fixHours),
        moneyText(c.annualCost), c.renewal !== undefined ? longDate(c.renewal, tz) : '—',
      ]),
    ));
  }
  return blocks;
}

/** Compares versions such as "1.10" and "1.9" part by part; text parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-]/);
  const pb = b.split(/[.\-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}
