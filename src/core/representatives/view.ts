/**
 * The representatives' workbook: what the users' representatives may see of the service, in their words.
 * Services in priority order with what they are, who uses them and their hours; the agreed targets in plain
 * words; this term's attainment with its status words; open review actions. Nothing private: no costs,
 * supplier names or contract references, no staff names, e-mails or phones, no incident summaries (free
 * text typed by the service manager is passed through `redact`).
 */
import type { AttainmentReport, ServiceAttainment } from '../attainment/types';
import { periodWording, statusText } from '../attainment/status';
import { buildModel, describeHours, targetLines } from '../documents/services';
import { serviceAgreement } from '../documents/sla';
import { supportHoursOf, durationInTerms } from '../documents/slaHours';
import type { Period } from '../periods/period';
import { idKey } from '../schema/ids';
import type { Service } from '../schema/records';
import { longDate, percentText, shareText } from '../text';
import type { Workbook } from '../workbook/parseWorkbook';

/** One tab: a header row, then rows each keyed by their first cell (the key keeps a row where comments were made). */
export interface RepresentativesTab {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Column widths in pixels. */
  readonly widths: readonly number[];
}

export interface RepresentativesBook {
  readonly title: string;
  readonly tabs: readonly RepresentativesTab[];
}

const LISTED = new Set(['Supported', 'Proposed', 'Under review']);

/**
 * Free text made fit for representatives: e-mail addresses, phone numbers and money amounts removed, each
 * supplier named in the workbook replaced by "the supplier", each person of the People tab by their role.
 */
function redact(text: string, wb: Pick<Workbook, 'contracts' | 'equipment' | 'people'>): string {
  let out = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '(e-mail address)')
    .replace(/(?:£|€|\$)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|K|per (?:year|annum|month)))?/g, '(cost)')
    .replace(/\+?\d[\d\s()-]{8,}\d/g, '(phone number)');
  const suppliers = [
    ...new Set(
      [...wb.contracts.map((c) => c.supplier), ...wb.equipment.map((e) => e.supplier)]
        .filter((s): s is string => typeof s === 'string' && s.trim().length > 2)
        .map((s) => s.trim()),
    ),
  ].sort((a, b) => b.length - a.length);
  for (const s of suppliers) out = out.split(s).join('the supplier');
  for (const c of wb.contracts) if (c.contractRef.length > 2) out = out.split(c.contractRef).join('a contract');
  for (const p of [...wb.people].sort((a, b) => b.name.length - a.name.length)) {
    if (p.name.trim().length > 2) out = out.split(p.name.trim()).join(p.role === 'Service manager' ? 'the service manager' : `a ${p.role.toLowerCase()}`);
  }
  return out;
}

/** Hours in few words: "Mon-Fri 08:00-18:00, school days only". */
function hoursWords(spec: string | undefined, wb: Workbook): string | undefined {
  return describeHours(spec, wb)
    ?.replace(/^[^:]+: (?=(Mon|Tue|Wed|Thu|Fri|Sat|Sun|24))/, '')
    .replace(/, except the school's closure days \([^)]*\)$/, ', school days only');
}

/** The agreement in the SLA's own words, so the two never disagree. */
const agreement = (svc: Service, wb: Workbook, model: ReturnType<typeof buildModel>): string => {
  const words = serviceAgreement(svc, wb, model);
  return words === undefined ? 'No agreement yet' : words === 'Being negotiated' ? 'Being agreed' : words;
};

/** Each target of a service in plain words: "High-priority calls: first reply within 2 h, fixed within 1 school day, for 85 of every 100 calls". */
function targetWords(svc: Service, wb: Workbook, model: ReturnType<typeof buildModel>): string {
  const hours = supportHoursOf(svc, wb);
  const lines = targetLines(svc.serviceId, model).filter((l) => l.target);
  if (lines.length === 0) return 'No targets agreed yet';
  return lines
    .map((l) => {
      const t = l.target!;
      const what = `${l.priority ? `${l.priority}-priority ` : ''}${l.type === 'Incident' ? 'faults' : 'requests'}`;
      const parts = [
        t.respondHours !== undefined && `first reply within ${durationInTerms(t.respondHours, hours)}`,
        t.resolveHours !== undefined && `${l.type === 'Incident' ? 'fixed' : 'done'} within ${durationInTerms(t.resolveHours, hours)}`,
      ]
        .filter(Boolean)
        .join(', ');
      const share = t.compliance !== undefined && t.compliance < 100 ? `, for ${percentText(t.compliance).replace('%', '')} of every 100` : ', every time';
      return `${what[0].toUpperCase()}${what.slice(1)}: ${parts}${share}`;
    })
    .join('\n');
}

/** "32 of 37 calls on time", over every target of the service. */
function onTime(s: ServiceAttainment): string {
  const judged = s.met + s.breached;
  return judged === 0 ? 'No calls judged yet' : `${s.met} of ${judged} on time`;
}

/** What the status rests on, in a few plain words. */
function why(s: ServiceAttainment): string {
  const missed = s.targets.filter((t) => t.breached > 0);
  const parts: string[] = [];
  if (s.availability !== undefined && s.availabilityTarget !== undefined) {
    parts.push(`available ${shareText(s.availability)} of its hours (target ${percentText(s.availabilityTarget)})`);
  }
  if (missed.length) {
    const slowReplies = missed.filter((t) => t.measure === 'response').reduce((n, t) => n + t.breached, 0);
    const slowFixes = missed.filter((t) => t.measure === 'resolution').reduce((n, t) => n + t.breached, 0);
    if (slowReplies) parts.push(`${slowReplies} slow first ${slowReplies === 1 ? 'reply' : 'replies'}`);
    if (slowFixes) parts.push(`${slowFixes} slow ${slowFixes === 1 ? 'fix' : 'fixes'}`);
  }
  const text = parts.join('; ');
  return text ? `${text[0].toUpperCase()}${text.slice(1)}.` : '';
}

/** The book for `period` (this term by default), from the workbook and that period's attainment. */
export function representativesBook(wb: Workbook, school: string, period: Period, report: AttainmentReport, now: number): RepresentativesBook {
  const model = buildModel(wb);
  const services = wb.services.filter((s) => LISTED.has(s.status)).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  const attainment = new Map(report.services.map((s) => [idKey(s.serviceId), s]));
  const said = (text: string | undefined) => redact(text?.trim() ?? '', wb);
  const when = periodWording(period, now);

  const about: RepresentativesTab = {
    name: 'About',
    header: ['About these pages', ''],
    rows: [
      ['School', school],
      [
        'What this is',
        'The ICT services the school supports, what was agreed for each, and how they did. It is kept up to date by the ICT service manager from the service workbook.',
      ],
      ['Figures for', when],
      ['Updated', longDate(now, wb.timeZone)],
      ['How to comment', 'Select a cell, then Insert → Comment (or Ctrl+Alt+M). Every comment is read before the next service review and answered there.'],
      ['Met', 'The service did what was agreed.'],
      ['At risk', 'On target, but only just: one more late call would miss it.'],
      ['Breached', 'The service did not do what was agreed.'],
      ['Too few to judge', 'Too few calls so far for a share to mean anything: counted, not judged yet.'],
      ['Not measured', 'Nothing to judge yet (no calls, or no agreed target).'],
    ],
    widths: [160, 640],
  };

  const servicesTab: RepresentativesTab = {
    name: 'Services',
    header: ['Service', 'Priority', 'What it is', 'Who uses it', 'Available', 'Supported', 'Agreement'],
    rows: services.map((s) => [
      s.name,
      String(s.rank),
      said(s.description),
      said(s.users) || 'Not known',
      hoursWords(s.serviceHours, wb) ?? 'Not agreed yet',
      !s.supportHours?.trim() || s.supportHours.trim() === s.serviceHours?.trim() ? 'The same hours' : (hoursWords(s.supportHours, wb) ?? 'Not agreed yet'),
      s.status === 'Proposed' ? 'Proposed: a new service' : agreement(s, wb, model),
    ]),
    widths: [170, 60, 300, 180, 210, 210, 170],
  };

  // The targets most services share are said once, in the first row; a service row then says only what differs.
  const slaOf = (id: string) => wb.sla.find((x) => idKey(x.serviceId) === idKey(id));
  const calls = new Map(services.map((s) => [s.serviceId, slaOf(s.serviceId) ? targetWords(s, wb, model) : 'No targets agreed yet']));
  const counts = new Map<string, number>();
  for (const text of calls.values()) counts.set(text, (counts.get(text) ?? 0) + 1);
  const [standard, shared] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const common = shared >= 2 && standard !== 'No targets agreed yet' ? standard : undefined;
  const targetsTab: RepresentativesTab = {
    name: 'What we promise',
    header: ['Service', 'Availability', 'Calls'],
    rows: [
      ...(common ? [['Most services', '', common]] : []),
      ...services.map((s) => {
        const sla = slaOf(s.serviceId);
        const text = calls.get(s.serviceId)!;
        return [
          s.name,
          sla?.availabilityTarget !== undefined ? `Available ${percentText(sla.availabilityTarget)} of its hours` : 'No target agreed yet',
          common && text === common ? 'As for most services (first row)' : text,
        ];
      }),
    ],
    widths: [170, 220, 620],
  };

  const termTab: RepresentativesTab = {
    name: 'How it went',
    header: ['Service', `Status (${when})`, 'Calls on time', 'In short'],
    rows: services.map((s) => {
      const a = attainment.get(idKey(s.serviceId));
      const negotiating = wb.sla.find((x) => idKey(x.serviceId) === idKey(s.serviceId))?.status === 'Negotiation';
      const status = !a ? 'Not measured' : negotiating ? `${statusText(a.status)} (against proposed targets)` : statusText(a.status);
      return [s.name, status, a ? onTime(a) : 'No calls judged yet', a ? why(a) : ''];
    }),
    widths: [170, 220, 150, 460],
  };

  const open = wb.reviews.filter((r) => r.status !== 'Done' && r.status !== 'Dropped' && r.action?.trim());
  const name = new Map(wb.services.map((s) => [idKey(s.serviceId), s.name]));
  const actionsTab: RepresentativesTab = {
    name: 'Actions',
    header: ['What was found', 'What is being done', 'Service', 'Raised at the review of', 'Due', 'Status'],
    rows: open.map((r) => [
      said(r.finding),
      said(r.action),
      r.serviceId ? (name.get(idKey(r.serviceId)) ?? '') : 'All services',
      longDate(r.reviewDate, wb.timeZone),
      r.due !== undefined ? longDate(r.due, wb.timeZone) : '',
      // An action past its due date says so, as the review does.
      `${r.status ?? 'Open'}${r.due !== undefined && r.due < now ? ' (overdue)' : ''}`,
    ]),
    widths: [360, 320, 160, 150, 120, 90],
  };

  return { title: `${school}: ICT services for representatives`, tabs: [about, servicesTab, targetsTab, termTab, actionsTab] };
}
