/** What the SLA says about one service: its ten points and its targets, read from the workbook. */
import { buildModel, ITEM_TYPES, KINDS, kindOf, PRIORITIES, type AttainmentModel } from '../attainment/model';
import type { ItemType, Priority, Service, Sla, Target } from '../schema/records';
import { resolveHours } from '../workbook/hoursOf';
import type { Workbook } from '../workbook/parseWorkbook';
import { hoursText, percentText } from '../text';
import { TO_BE_AGREED } from './model';
import { idKey } from '../schema/ids';

/** The ten points of a service level agreement, in the order the guidance gives them. */
const TEN_POINTS = [
  'Service description',
  'Service hours',
  'Availability',
  'Support levels',
  'Performance',
  'Functionality',
  'Charges',
  'Continuity',
  'Security',
  'Changes',
] as const;
/** What an SLA says beside the ten points for each service: what users do, and how planned maintenance is announced. */
export const SLA_POINTS = [...TEN_POINTS, "Users' responsibilities", 'Planned maintenance'] as const;
export type SlaPoint = (typeof SLA_POINTS)[number];

/** A point of one service that the workbook leaves blank. */
export interface Gap {
  readonly serviceId?: string;
  readonly service: string;
  readonly point: string;
}

const text = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/** Hours as a reader understands them: a calendar's name with its hours, and whether closure days apply. */
export function describeHours(spec: string | undefined, wb: Workbook): string | undefined {
  const t = text(spec);
  if (!t) return undefined;
  const r = resolveHours(t, wb);
  if ('error' in r) return `${t} (these hours cannot be read: ${r.error})`;
  const cal = r.calendar ? wb.calendars.find((c) => idKey(c.name) === idKey(r.calendar!)) : undefined;
  const hours = cal ? `${cal.name}: ${cal.hours}` : t;
  const zone = r.timeZone !== wb.timeZone ? `, ${r.timeZone} time` : '';
  return r.closures.length > 0 ? `${hours}${zone}, except the school's closure days (holidays, INSET days and bank holidays)` : `${hours}${zone}`;
}

/** The points of one service (the ten, then users' responsibilities and planned maintenance), each with its wording or "To be agreed". */
export function tenPoints(svc: Service, sla: Sla | undefined, wb: Workbook): Array<{ point: SlaPoint; text: string; agreed: boolean }> {
  const users = text(svc.users);
  const description = text(svc.description);
  const serviceHours = describeHours(svc.serviceHours, wb);
  // Said once: support hours that are the service hours point back to point 2.
  const own = describeHours(svc.supportHours, wb);
  const supportHours = own && own !== serviceHours ? sentence(own) : serviceHours && 'the service hours.';
  const supportLevels = text(sla?.supportLevels);
  const continuity = text(sla?.continuity);
  const recovery = sla?.recoveryHours !== undefined ? `Recovery time: ${hoursText(sla.recoveryHours)}.` : undefined;
  const availability = sla?.availabilityTarget !== undefined ? `Working for at least ${percentText(sla.availabilityTarget)} of the service hours.` : undefined;
  const values: Record<SlaPoint, string | undefined> = {
    'Service description': description && `${sentence(description)}${users ? ` Users: ${sentence(users)}` : ''}`,
    'Service hours':
      serviceHours && `${sentence(serviceHours)}${supportHours && supportHours !== 'the service hours.' ? ` Support hours: ${supportHours}` : ''}`,
    Availability: availability,
    'Support levels': supportLevels && sentence(supportLevels),
    Performance: text(sla?.performance),
    Functionality: text(sla?.functionality),
    Charges: text(svc.charges),
    Continuity: continuity ? `${sentence(continuity)}${recovery ? ` ${recovery}` : ''}` : recovery,
    Security: text(sla?.security),
    Changes: text(sla?.changes),
    "Users' responsibilities": text(sla?.responsibilities),
    'Planned maintenance': text(sla?.maintenance),
  };
  return SLA_POINTS.map((point) => ({ point, text: values[point] ?? TO_BE_AGREED, agreed: values[point] !== undefined }));
}

/** One line of a service's target table: a type with one priority, or with every priority when one row covers them all. */
export interface TargetLine {
  readonly type: ItemType;
  /** undefined: the same target for every priority. */
  readonly priority: Priority | undefined;
  readonly target: Target | undefined;
}

/** The targets that apply to a service, found with the engine's own look-up (most specific row wins). */
export function targetLines(serviceId: string, model: AttainmentModel): TargetLine[] {
  const si = model.serviceIndex.get(idKey(serviceId));
  const lines: TargetLine[] = [];
  ITEM_TYPES.forEach((type, ti) => {
    const rows = PRIORITIES.map((_, p) => (si === undefined ? -1 : model.targetFor[si * KINDS + kindOf(ti, p)]));
    if (rows.every((r) => r === rows[0])) {
      lines.push({ type, priority: undefined, target: rows[0] >= 0 ? model.targets[rows[0]] : undefined });
      return;
    }
    PRIORITIES.forEach((priority, p) => {
      lines.push({ type, priority, target: rows[p] >= 0 ? model.targets[rows[p]] : undefined });
    });
  });
  return lines;
}

export const TARGET_HEADER = ['Call', 'Priority', 'For example', 'First response within', 'Fixed within', 'Met for at least'] as const;

export { buildModel };
