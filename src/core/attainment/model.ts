import type { Contract, ItemType, Priority, Service, Target } from '../schema/records';
import type { ServiceCalendar } from '../time/calendar';
import type { Workbook } from '../workbook/parseWorkbook';
import { ALWAYS_HOURS, calendarForHours } from './calendars';
import { idKey, isAll } from '../schema/ids';
import { defaultSettings, type Settings } from '../settings/definitions';

export const ITEM_TYPES: readonly ItemType[] = ['Incident', 'Request'];
/** The log's Type for an outage announced in advance: reported apart, never judged against a target. */
export const PLANNED_MAINTENANCE = 'Planned maintenance';
export const PRIORITIES: readonly Priority[] = ['Critical', 'High', 'Medium', 'Low'];
/** Item kinds are numbered type * 4 + priority, so a service's target look-up is one array read. */
export const KINDS = ITEM_TYPES.length * PRIORITIES.length;
export const kindOf = (type: number, priority: number): number => type * PRIORITIES.length + priority;

/** The tabs attainment reads besides the incident log. */
export type AttainmentSource = Pick<Workbook, 'timeZone' | 'services' | 'sla' | 'targets' | 'calendars' | 'closures' | 'contracts'> & {
  readonly assumptions?: Pick<Settings, 'fewestToJudge'>;
};

/** Everything about services, targets and contracts the measuring loop needs, resolved once per report. */
export interface AttainmentModel {
  readonly timeZone: string;
  /** Services ordered by rank, then ID. */
  readonly services: readonly Service[];
  /** Lower-cased Service ID → index in `services`. */
  readonly serviceIndex: ReadonlyMap<string, number>;
  /** Calendar of each service's support hours (response and resolution), undefined when its hours cannot be read. */
  readonly supportCalendars: ReadonlyArray<ServiceCalendar | undefined>;
  /** Calendar of each service's service hours (availability); undefined when blank, unreadable or not covered by an SLA row. */
  readonly serviceCalendars: ReadonlyArray<ServiceCalendar | undefined>;
  /** Why a service's hours could not be read. */
  readonly hoursErrors: ReadonlyArray<string | undefined>;
  readonly availabilityTargets: ReadonlyArray<number | undefined>;
  readonly targets: readonly Target[];
  /** Index into `targets` of the row that applies to service s and kind k, at s * KINDS + k; -1 when none. */
  readonly targetFor: Int32Array;
  readonly contracts: readonly Contract[];
  /** Lower-cased contract ref → index in `contracts`. */
  readonly contractIndex: ReadonlyMap<string, number>;
  /** Calendar of each contract's support hours; undefined when blank (unknown) or unreadable. */
  readonly contractCalendars: ReadonlyArray<ServiceCalendar | undefined>;
  /** The fewest judged items a target is judged on (Settings tab; its default without one). */
  readonly fewestToJudge: number;
}

/**
 * Specificity of a target row for a service: service+type+priority (0), service+type (1),
 * ALL+type+priority (2), ALL+type (3). Lower wins; on a tie the earlier row wins. ALL rows skip
 * Unsupported and Retired services: nothing was agreed for them, so nothing can be breached.
 */
function specificity(t: Target, s: Service): number | undefined {
  const all = isAll(t.serviceId);
  if (all ? s.status === 'Unsupported' || s.status === 'Retired' : idKey(t.serviceId) !== idKey(s.serviceId)) return undefined;
  return (all ? 2 : 0) + (t.priority === undefined ? 1 : 0);
}

export function buildModel(src: AttainmentSource): AttainmentModel {
  const services = [...src.services].sort((a, b) => a.rank - b.rank || a.serviceId.localeCompare(b.serviceId));
  const serviceIndex = new Map<string, number>();
  services.forEach((s, i) => {
    if (!serviceIndex.has(idKey(s.serviceId))) serviceIndex.set(idKey(s.serviceId), i);
  });

  const supportCalendars: Array<ServiceCalendar | undefined> = [];
  const serviceCalendars: Array<ServiceCalendar | undefined> = [];
  const hoursErrors: Array<string | undefined> = [];
  for (const s of services) {
    // Blank support hours mean the service hours; blank both, round the clock for support. Blank service
    // hours give no availability figure: nothing was agreed to be available, so nothing is measured.
    const given = s.serviceHours?.trim();
    const serviceText = given || ALWAYS_HOURS;
    const supportText = s.supportHours?.trim() || serviceText;
    const service = calendarForHours(serviceText, src);
    const support = supportText === serviceText ? service : calendarForHours(supportText, src);
    serviceCalendars.push(given && 'calendar' in service ? service.calendar : undefined);
    supportCalendars.push('calendar' in support ? support.calendar : undefined);
    hoursErrors.push('error' in service ? `Service hours: ${service.error}` : 'error' in support ? `Support hours: ${support.error}` : undefined);
  }

  const availabilityTargets: Array<number | undefined> = services.map(() => undefined);
  const hasSla = services.map(() => false);
  for (const row of src.sla) {
    const i = serviceIndex.get(idKey(row.serviceId));
    if (i === undefined) continue;
    if (availabilityTargets[i] === undefined) availabilityTargets[i] = row.availabilityTarget;
    hasSla[i] = true;
  }
  // Availability is measured in the service hours an SLA covers (agreed, or proposed while it is negotiated):
  // a service with no SLA row has no figure, since nobody said when it should be available.
  hasSla.forEach((covered, i) => {
    if (!covered) serviceCalendars[i] = undefined;
  });

  const targetFor = new Int32Array(services.length * KINDS).fill(-1);
  const best = new Int8Array(services.length * KINDS).fill(4);
  services.forEach((s, si) => {
    src.targets.forEach((t, ti) => {
      const rank = specificity(t, s);
      if (rank === undefined) return;
      const type = ITEM_TYPES.indexOf(t.type);
      for (let p = 0; p < PRIORITIES.length; p++) {
        if (t.priority !== undefined && t.priority !== PRIORITIES[p]) continue;
        const slot = si * KINDS + kindOf(type, p);
        if (rank < best[slot]) {
          best[slot] = rank;
          targetFor[slot] = ti;
        }
      }
    });
  });

  const contractIndex = new Map<string, number>();
  src.contracts.forEach((c, i) => {
    if (!contractIndex.has(idKey(c.contractRef))) contractIndex.set(idKey(c.contractRef), i);
  });
  // Blank contract hours are unknown, never assumed: such calls cannot be measured.
  const contractCalendars = src.contracts.map((c) => {
    if (!c.supportHours?.trim()) return undefined;
    const r = calendarForHours(c.supportHours, src);
    return 'calendar' in r ? r.calendar : undefined;
  });

  return {
    timeZone: src.timeZone,
    services,
    serviceIndex,
    supportCalendars,
    serviceCalendars,
    hoursErrors,
    availabilityTargets,
    targets: src.targets,
    targetFor,
    contracts: src.contracts,
    contractIndex,
    contractCalendars,
    fewestToJudge: src.assumptions?.fewestToJudge ?? defaultSettings().fewestToJudge,
  };
}

/** A model of one service measured in one calendar, with no targets: for availability on its own. */
export function singleServiceModel(serviceId: string, calendar: ServiceCalendar, timeZone: string): AttainmentModel {
  const service = { serviceId, name: serviceId, rank: 1, status: 'Supported', row: 0 } as Service;
  return {
    timeZone,
    services: [service],
    serviceIndex: new Map([[idKey(serviceId), 0]]),
    supportCalendars: [calendar],
    serviceCalendars: [calendar],
    hoursErrors: [undefined],
    availabilityTargets: [undefined],
    targets: [],
    targetFor: new Int32Array(KINDS).fill(-1),
    contracts: [],
    contractIndex: new Map(),
    contractCalendars: [],
    fewestToJudge: defaultSettings().fewestToJudge,
  };
}
