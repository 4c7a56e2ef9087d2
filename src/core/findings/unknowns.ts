/**
 * Unknowns and orphans: what the workbook does not say (no SLA, no targets, no hours, no contract, no
 * representative, no users, unknown licences) and what it says about things nobody knew were there.
 */
import type { Incident, Service } from '../schema/records';
import { contractLabel, dedupeRefs, gapSeverity, PRIORITIES, serviceLabel, type Context } from './context';
import { MAX_ROW_REFS } from './thresholds';
import { fromSettings } from '../settings/definitions';
import type { Finding, RowRef } from './types';
import { minOf } from '../values';
import { longDate, moneyText, plural } from '../text';
import { DAY_MS } from '../time/zone';
import { idKey, isAll } from '../schema/ids';

const UNKNOWN_TEXT = /\b(unknown|not known|none known|no licences?)\b/i;
/** Services nobody has agreed to stop or refuse: each should have an SLA, targets and hours. */
const isLive = (s: Service): boolean => s.status === 'Supported' || s.status === 'Under review';

export function unknownFindings(ctx: Context): Finding[] {
  return [...serviceGaps(ctx), ...equipmentGaps(ctx), ...contractGaps(ctx), ...discovered(ctx)];
}

function incidentsBy(ctx: Context): Map<string, Incident[]> {
  const by = new Map<string, Incident[]>();
  for (const i of ctx.wb.incidents) {
    const key = idKey(i.serviceId);
    const list = by.get(key);
    if (list) list.push(i);
    else by.set(key, [i]);
  }
  return by;
}

function serviceGaps(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const sla = new Map(ctx.wb.sla.map((r) => [idKey(r.serviceId), r]));
  const incidents = incidentsBy(ctx);
  const represented = new Set(ctx.wb.people.filter((p) => p.role === 'End-user representative').flatMap((p) => (p.services ?? []).map(idKey)));
  const allRepresented = represented.has('all');
  for (const s of ctx.wb.services) {
    // Unreadable hours (a typo, a misspelt calendar) would leave coverage, the target chain and the
    // weakest link silently unchecked, whatever the service's status; say so, on the cell.
    for (const key of ['serviceHours', 'supportHours'] as const) {
      const h = key === 'serviceHours' ? ctx.serviceHours(s) : s.supportHours?.trim() ? ctx.supportHours(s) : undefined;
      if (h?.kind !== 'error') continue;
      const word = key === 'serviceHours' ? 'service' : 'support';
      out.push({
        id: `unknowns:unreadableHours:${s.serviceId}:${key}`,
        analysis: 'unknowns',
        severity: gapSeverity(ctx, s.rank),
        question: 'Clashes in priority or availability',
        title: `${s.name}: ${word} hours cannot be read`,
        evidence: `${h.error} (${word} hours of ${serviceLabel(s)}), so its availability and the cover of its contracts cannot be checked.`,
        action: `Correct the ${word} hours of ${s.name}, so its cover can be checked.`,
        refs: [ctx.ref('services', s.row, key)],
        serviceIds: [s.serviceId],
      });
    }
    if (!isLive(s)) continue;
    const id = s.serviceId;
    const agreement = sla.get(idKey(id));
    const sev = gapSeverity(ctx, s.rank);
    const base = { serviceIds: [id] };
    if (!agreement) {
      out.push({
        ...base,
        id: `unknowns:noSla:${id}`,
        analysis: 'unknowns',
        severity: sev,
        question: 'Other support issues',
        title: `${s.name} has no SLA`,
        evidence: `${serviceLabel(s)} is ${s.status.toLowerCase()} (rank ${s.rank}) but has no row on the SLA tab, so nothing has been agreed about its level of service.`,
        action: `Agree an SLA for ${s.name} with its representatives (or update the catalogue if it is not really supported).`,
        refs: [ctx.ref('services', s.row, 'status')],
      });
    } else if (agreement.availabilityTarget === undefined) {
      out.push({
        ...base,
        id: `unknowns:noAvailabilityTarget:${id}`,
        analysis: 'unknowns',
        severity: 'low',
        question: 'Other support issues',
        title: `The availability target of ${s.name} is not measurable`,
        evidence: `The SLA row for ${serviceLabel(s)} gives no availability target %, so availability cannot be judged.`,
        action: `Agree an availability target for ${s.name} with its representatives and record it on the SLA tab.`,
        refs: [ctx.ref('sla', agreement.row, 'availabilityTarget')],
      });
    }
    const targeted = PRIORITIES.some((p) => ctx.targetFor(s, 'Incident', p) !== undefined);
    if (!targeted) {
      out.push({
        ...base,
        id: `unknowns:noTargets:${id}`,
        analysis: 'unknowns',
        severity: sev,
        question: 'Other support issues',
        title: `${s.name} has no incident targets`,
        evidence: `No row of the Targets tab applies to incidents of ${serviceLabel(s)} (neither for the service nor for ALL), so response and resolution cannot be measured.`,
        action: `Agree response and resolution targets for ${s.name} (or for ALL services) and add them to the Targets tab.`,
        refs: [ctx.ref('services', s.row)],
      });
    }
    if (ctx.serviceHours(s).kind === 'blank') {
      out.push({
        ...base,
        id: `unknowns:noServiceHours:${id}`,
        analysis: 'unknowns',
        severity: sev,
        question: 'Clashes in priority or availability',
        title: `${s.name} has no agreed service hours`,
        evidence: `${serviceLabel(s)} gives no service hours, so its availability and its contracts' cover cannot be checked.`,
        action: `Agree when ${s.name} must be available and record it in the Service hours column.`,
        refs: [ctx.ref('services', s.row, 'serviceHours')],
      });
    }
    if (s.rank <= ctx.settings.highPriorityRank && (s.representatives ?? []).length === 0 && !represented.has(idKey(id)) && !allRepresented) {
      out.push({
        ...base,
        id: `unknowns:noRepresentative:${id}`,
        analysis: 'unknowns',
        severity: 'medium',
        question: 'Other support issues',
        title: `${s.name} is high priority but has no representative`,
        evidence: `${serviceLabel(s)} is ranked ${s.rank} (high priority is rank ${ctx.settings.highPriorityRank} or better ${fromSettings('highPriorityRank')}) but no end-user representative speaks for it on the Services or People tab.`,
        action: `Find a representative among its users (teacher, teaching assistant, student or administrator) to agree its SLA and attend reviews.`,
        refs: [ctx.ref('services', s.row, 'representatives')],
      });
    }
    if (!s.users?.trim()) {
      const contracts = ctx.wb.contracts.filter((c) => ctx.servicesOf(c).includes(s));
      const cost = contracts.reduce((t, c) => t + (c.annualCost ?? 0), 0);
      const logged = incidents.get(idKey(id))?.length ?? 0;
      const paid =
        contracts.length > 0
          ? ` It is underpinned by ${contracts.map((c) => `${contractLabel(c)}${c.annualCost !== undefined ? ` at ${moneyText(c.annualCost)} a year` : ''}${c.fixHours !== undefined ? ` with a ${c.fixHours} h fix` : ''}`).join(', ')}.`
          : '';
      out.push({
        ...base,
        id: `unknowns:noUsers:${id}`,
        analysis: 'unknowns',
        severity: contracts.length > 0 ? 'medium' : 'low',
        question: contracts.length > 0 ? 'Third-party response or fix issues' : 'Other support issues',
        title: `${s.name} has no known users${contracts.length > 0 && cost > 0 ? ` but costs ${moneyText(cost)} a year in contracts` : ''}`,
        evidence: `The Users column of ${serviceLabel(s)} is blank and ${logged === 0 ? 'no incident or request has been logged against it' : `${plural(logged, 'item')} ${logged === 1 ? 'has' : 'have'} been logged against it`}.${paid}`,
        action: `Find the users of ${s.name}; if there are none, review the contract before renewal and update the catalogue.`,
        refs: [ctx.ref('services', s.row, 'users'), ...contracts.map((c) => ctx.ref('contracts', c.row, 'annualCost'))],
        ...(contracts.length > 0 ? { contractRef: contracts[0].contractRef } : {}),
        figures: { annualCost: cost, incidents: logged },
      });
    }
  }
  for (const t of ctx.wb.targets) {
    if (t.respondHours !== undefined || t.resolveHours !== undefined) continue;
    out.push({
      id: `unknowns:unmeasurableTarget:${t.row}`,
      analysis: 'unknowns',
      severity: 'low',
      question: 'Other support issues',
      title: `A target for ${t.serviceId} ${t.type.toLowerCase()}s is not measurable`,
      evidence: `Targets row ${t.row} (${t.serviceId}, ${t.type}${t.priority ? `, ${t.priority}` : ''}${t.description ? `: "${t.description}"` : ''}) gives neither a response nor a resolution time in hours.`,
      action: 'Make the target SMART: give a number of hours to respond or resolve, agreed with the representatives.',
      refs: [ctx.ref('targets', t.row, 'respondHours'), ctx.ref('targets', t.row, 'resolveHours')],
      serviceIds: isAll(t.serviceId) ? [] : [t.serviceId],
    });
  }
  return out;
}

function equipmentGaps(ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const e of ctx.wb.equipment) {
    const s = ctx.service(e.serviceId);
    if (s?.status === 'Unsupported' || s?.status === 'Retired') continue;
    const where = `${e.component} (${e.kind}) in ${s ? serviceLabel(s) : e.serviceId}`;
    if (e.supplier?.trim() && !e.contractRef) {
      out.push({
        id: `unknowns:noContract:${e.row}`,
        analysis: 'unknowns',
        severity: 'low',
        question: 'Third-party response or fix issues',
        title: `${e.component} for ${s?.name ?? e.serviceId} has a supplier but no contract`,
        evidence: `${where} is supported by ${e.supplier}, but no contract or OLA is recorded for it, so its response and fix times are unknown.`,
        action: `Find the terms ${e.supplier} supports it on and add the contract to the Contracts tab, or note that it is supported on a best-effort basis.`,
        refs: [ctx.ref('equipment', e.row, 'contractRef')],
        serviceIds: [e.serviceId],
      });
    }
    const c = e.contractRef ? ctx.contract(e.contractRef) : undefined;
    if (c && s && !ctx.servicesOf(c).includes(s)) {
      out.push({
        id: `unknowns:contractMissesService:${e.row}`,
        analysis: 'unknowns',
        severity: 'low',
        question: 'Other support issues',
        title: `${e.component} for ${s.name} is under ${c.contractRef}, which does not list ${s.serviceId}`,
        evidence: `The Equipment tab puts ${where} under ${contractLabel(c)}, but that contract's services covered are ${(c.services ?? []).join(', ') || 'blank'}.`,
        action: `Check the contract and add ${s.serviceId} to its services covered, or correct the Equipment row.`,
        refs: [ctx.ref('equipment', e.row, 'contractRef'), ctx.ref('contracts', c.row, 'services')],
        serviceIds: [s.serviceId],
        contractRef: c.contractRef,
      });
    }
    if (e.licences && UNKNOWN_TEXT.test(e.licences)) {
      out.push({
        id: `unknowns:licences:${e.row}`,
        analysis: 'unknowns',
        severity: 'low',
        question: 'Other support issues',
        title: `Licences for ${e.component} (${s?.name ?? e.serviceId}) are not known`,
        evidence: `${where} records its licences as "${e.licences}".`,
        action: 'Find the licences held and record them; buy or remove what is not licensed.',
        refs: [ctx.ref('equipment', e.row, 'licences')],
        serviceIds: [e.serviceId],
      });
    }
  }
  return out;
}

function contractGaps(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const tz = ctx.wb.timeZone;
  for (const c of ctx.wb.contracts) {
    const services = ctx.servicesOf(c);
    const ids = services.map((s) => s.serviceId);
    if (services.length === 0) {
      const listed = (c.services ?? []).join(', ');
      out.push({
        id: `unknowns:orphanContract:${c.contractRef}`,
        analysis: 'unknowns',
        severity: 'medium',
        question: 'Third-party response or fix issues',
        title: `${contractLabel(c)} underpins no service in the catalogue${c.annualCost !== undefined ? ` (${moneyText(c.annualCost)} a year)` : ''}`,
        evidence: listed ? `Its services covered (${listed}) are not Service IDs on the Services tab.` : 'Its services covered column is blank.',
        action: 'Find out what the contract supports and add the service to the catalogue, or end the contract at renewal.',
        refs: [ctx.ref('contracts', c.row, 'services')],
        serviceIds: [],
        contractRef: c.contractRef,
        ...(c.annualCost !== undefined ? { figures: { annualCost: c.annualCost } } : {}),
      });
    }
    if (services.length > 0 && (c.respondHours === undefined || c.fixHours === undefined)) {
      const missing = [c.respondHours === undefined ? 'response time' : '', c.fixHours === undefined ? 'fix time' : ''].filter(Boolean).join(' and ');
      out.push({
        id: `unknowns:contractTimes:${c.contractRef}`,
        analysis: 'unknowns',
        severity: 'low',
        question: 'Third-party response or fix issues',
        title: `${contractLabel(c)}: ${missing} not known`,
        evidence: `The Contracts tab gives no ${missing} for ${c.supplier}, so its calls cannot be judged against the SLA for ${ids.join(', ')}.`,
        action: `Ask ${c.supplier} for its ${missing} and record ${c.respondHours === undefined && c.fixHours === undefined ? 'them' : 'it'}.`,
        refs: [
          ...(c.respondHours === undefined ? [ctx.ref('contracts', c.row, 'respondHours')] : []),
          ...(c.fixHours === undefined ? [ctx.ref('contracts', c.row, 'fixHours')] : []),
        ],
        serviceIds: ids,
        contractRef: c.contractRef,
      });
    }
    if (c.renewal !== undefined) {
      const days = Math.ceil((c.renewal - ctx.now) / DAY_MS);
      const date = longDate(c.renewal, tz);
      const cost = c.annualCost !== undefined ? ` It costs ${moneyText(c.annualCost)} a year.` : '';
      if (days < 0) {
        out.push({
          id: `unknowns:expired:${c.contractRef}`,
          analysis: 'unknowns',
          severity: services.length > 0 ? gapSeverity(ctx, minOf(services.map((s) => s.rank))!) : 'low',
          question: 'Third-party response or fix issues',
          title: `${contractLabel(c)} expired on ${date}`,
          evidence: `Its renewal date passed ${plural(-days, 'day')} ago.${services.length ? ` It underpins ${ids.join(', ')}.` : ''}${cost}`,
          action: 'Check whether it was renewed and update the Renewal date, or arrange cover for the services it underpinned.',
          refs: [ctx.ref('contracts', c.row, 'renewal')],
          serviceIds: ids,
          contractRef: c.contractRef,
          figures: { daysToRenewal: days },
        });
      } else if (days <= ctx.settings.renewalDays) {
        out.push({
          id: `unknowns:renewal:${c.contractRef}`,
          analysis: 'unknowns',
          severity: 'low',
          question: 'Third-party response or fix issues',
          title: `${contractLabel(c)} renews in ${plural(days, 'day')} (${date})`,
          evidence: `It renews within ${ctx.settings.renewalDays} days ${fromSettings('renewalDays')}.${services.length ? ` It underpins ${ids.join(', ')}.` : ''}${cost}`,
          action: 'Review its hours, response and fix times against what the services need, and find the cost of the alternatives, before it renews.',
          refs: [ctx.ref('contracts', c.row, 'renewal')],
          serviceIds: ids,
          contractRef: c.contractRef,
          figures: { daysToRenewal: days, ...(c.annualCost !== undefined ? { annualCost: c.annualCost } : {}) },
        });
      }
    }
  }
  return out;
}

/** Services nobody knew about: logged but not in the catalogue, or listed as unsupported. */
function discovered(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const incidents = incidentsBy(ctx);
  const rowsOf = (list: readonly Incident[]): RowRef[] =>
    [...list]
      .sort((a, b) => b.opened - a.opened)
      .slice(0, MAX_ROW_REFS)
      .map((i) => ctx.ref('incidents', i.row, 'serviceId'));
  const periodWords = / to /.test(ctx.period.label) ? `from ${ctx.period.label}` : `in ${ctx.period.label}`;
  for (const [key, list] of incidents) {
    if (ctx.service(key)) continue;
    const id = list[0].serviceId.trim();
    const summaries = [...new Set(list.map((i) => i.summary).filter((t): t is string => !!t))].slice(0, 3);
    // The whole log is counted; the period's share is said too, so a report of the period agrees with it.
    const inPeriod = list.filter((i) => i.opened >= ctx.period.start && i.opened < ctx.period.end).length;
    out.push({
      id: `unknowns:notInCatalogue:${id.toUpperCase()}`,
      analysis: 'unknowns',
      severity: 'high',
      question: 'Services we did not know existed',
      title: `${plural(list.length, 'item')} logged against ${id}, which is not in the catalogue${inPeriod === list.length ? '' : ` (${inPeriod} of them opened ${periodWords})`}`,
      evidence: `The Incidents tab has ${plural(list.length, 'row')} for Service ID "${id}", which the Services tab does not list${summaries.length ? `, e.g. ${summaries.map((t) => `"${t}"`).join(', ')}` : ''}.`,
      action: `Find the users of ${id} and what it depends on; agree with the head teacher whether to support it, and update the catalogue.`,
      refs: rowsOf(list),
      serviceIds: [id],
      figures: { incidents: list.length, incidentsInPeriod: inPeriod },
    });
  }
  for (const s of ctx.wb.services) {
    if (s.status !== 'Unsupported') continue;
    const parts = ctx.wb.equipment.filter((e) => idKey(e.serviceId) === idKey(s.serviceId));
    const logged = incidents.get(idKey(s.serviceId)) ?? [];
    const unknownLicences = parts.filter((e) => !e.licences?.trim() || UNKNOWN_TEXT.test(e.licences));
    const installed = parts.map((e) => `${e.component}${e.quantity ? ` ×${e.quantity}` : ''}${e.location ? ` (${e.location})` : ''}`).join('; ');
    out.push({
      id: `unknowns:unsupported:${s.serviceId}`,
      analysis: 'unknowns',
      severity: logged.length > 0 ? 'high' : 'medium',
      question: 'Services we did not know existed',
      title: `${s.name} is in use but unsupported${unknownLicences.length ? ', with unknown licences' : ''}`,
      evidence: [
        `${serviceLabel(s)} has the status Unsupported${s.users ? `; users: ${s.users}` : ''}.`,
        installed ? `Installed: ${installed}.` : '',
        unknownLicences.length ? `Licences not known for ${unknownLicences.map((e) => e.component).join(', ')}.` : '',
        logged.length ? `${plural(logged.length, 'item')} logged against it.` : 'Nothing has been logged against it.',
      ]
        .filter(Boolean)
        .join(' '),
      action: `Find the users and the licences; agree a way forward with the head teacher (support it, replace it or remove it) and update the catalogue.`,
      refs: dedupeRefs([ctx.ref('services', s.row, 'status'), ...parts.map((e) => ctx.ref('equipment', e.row, 'licences')), ...rowsOf(logged)]),
      serviceIds: [s.serviceId],
      figures: { incidents: logged.length, components: parts.length, unknownLicences: unknownLicences.length },
    });
  }
  return out;
}
