/** What every analysis needs, resolved once: services by ID, hours, targets, calendars and row references. */
import { ITEM_TYPES, KINDS, kindOf, PRIORITIES, type AttainmentModel } from '../attainment/model';
import { measureWorkbook, type MeasuredWorkbook } from '../attainment/measured';
import { tabDef } from '../schema/workbook';
import type { Contract, ItemType, Priority, Service, Target } from '../schema/records';
import type { TabKey } from '../schema/types';
import { idKey } from '../schema/ids';
import { formatHours } from '../time/hours';
import { resolveHours, type ResolvedHours } from '../workbook/hoursOf';
import type { Workbook } from '../workbook/parseWorkbook';
import { DEFAULT_LOOKBACK_DAYS } from './thresholds';
import { trailingPeriodLabel } from '../attainment/status';
import type { Settings } from '../settings/definitions';
import type { RowRef, Severity } from './types';
import { minOf } from '../values';
import { longDate } from '../text';
import { DAY_MS } from '../time/zone';
import type { Period } from '../periods/period';

/** An hours cell: blank, unreadable, or resolved (pattern, zone, closures). */
export type HoursCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'error'; readonly text: string; readonly error: string }
  | { readonly kind: 'ok'; readonly text: string; readonly resolved: ResolvedHours };

export interface Context {
  readonly wb: Workbook;
  readonly now: number;
  /** The span of the log that trends and supplier performance read. */
  readonly period: Period;
  readonly model: AttainmentModel;
  /** The workbook measured once: its periods' attainment, shared with the use case that asked for the findings. */
  readonly measured: MeasuredWorkbook;
  /** The school's assumptions (Settings tab). */
  readonly settings: Settings;
  service(id: string): Service | undefined;
  /** Rank of a service, Infinity when it is not in the catalogue. */
  rank(id: string): number;
  serviceHours(s: Service): HoursCell;
  /** Support hours of a service; blank means its service hours. */
  supportHours(s: Service): HoursCell;
  contractHours(c: Contract): HoursCell;
  /** Catalogue services a contract underpins (unknown IDs left out, each once). */
  servicesOf(c: Contract): Service[];
  contract(ref: string): Contract | undefined;
  /** The target row that applies to a service, type and priority (most specific wins, as attainment reads it). */
  targetFor(s: Service, type: ItemType, priority: Priority): Target | undefined;
  ref(tab: TabKey, row: number, key?: string): RowRef;
}

export function makeContext(wb: Workbook, now: number, period?: Period, measured: MeasuredWorkbook = measureWorkbook(wb)): Context {
  const { model } = measured;
  const services = new Map<string, Service>();
  for (const s of wb.services) if (!services.has(idKey(s.serviceId))) services.set(idKey(s.serviceId), s);
  const contracts = new Map<string, Contract>();
  for (const c of wb.contracts) if (!contracts.has(idKey(c.contractRef))) contracts.set(idKey(c.contractRef), c);
  const hoursCache = new Map<string, HoursCell>();
  const hours = (text: string | undefined): HoursCell => {
    const t = text?.trim() ?? '';
    if (t === '') return { kind: 'blank' };
    let cell = hoursCache.get(t);
    if (!cell) {
      const r = resolveHours(t, wb);
      cell = 'error' in r ? { kind: 'error', text: t, error: r.error } : { kind: 'ok', text: t, resolved: r };
      hoursCache.set(t, cell);
    }
    return cell;
  };
  const start = period?.start ?? now - DEFAULT_LOOKBACK_DAYS * DAY_MS;
  const end = period?.end ?? now;
  return {
    wb,
    now,
    model,
    measured,
    settings: wb.assumptions,
    period: period ?? { start, end, label: trailingPeriodLabel(DEFAULT_LOOKBACK_DAYS, longDate(end, wb.timeZone)) },
    service: (id) => services.get(idKey(id)),
    rank: (id) => services.get(idKey(id))?.rank ?? Infinity,
    serviceHours: (s) => hours(s.serviceHours),
    supportHours: (s) => hours(s.supportHours?.trim() ? s.supportHours : s.serviceHours),
    contractHours: (c) => hours(c.supportHours),
    servicesOf: (c) => {
      const seen = new Set<Service>();
      for (const id of c.services ?? []) {
        const s = services.get(idKey(id));
        if (s) seen.add(s);
      }
      return [...seen];
    },
    contract: (ref) => contracts.get(idKey(ref)),
    targetFor: (s, type, priority) => {
      const si = model.serviceIndex.get(idKey(s.serviceId));
      if (si === undefined) return undefined;
      const t = model.targetFor[si * KINDS + kindOf(ITEM_TYPES.indexOf(type), PRIORITIES.indexOf(priority))];
      return t >= 0 ? model.targets[t] : undefined;
    },
    ref: (tab, row, key) => makeRef(tab, row, key),
  };
}

/** A reference to a row (and the cell of a column, by its schema key) of a tab. */
export function makeRef(tab: TabKey, row: number, key?: string): RowRef {
  const def = tabDef(tab);
  const column = key === undefined ? undefined : def.columns.find((c) => c.key === key)?.header;
  return column === undefined ? { tab, tabName: def.name, row } : { tab, tabName: def.name, row, column };
}

export { PRIORITIES };

/** A gap in a high-priority service (the Settings tab's High priority rank or better) is high severity; elsewhere medium. */
export const gapSeverity = (ctx: Context, rank: number): Severity => (rank <= ctx.settings.highPriorityRank ? 'high' : 'medium');

/** "Printing (PRINT)". */
export const serviceLabel = (s: Service): string => `${s.name} (${s.serviceId})`;
/** "PrintCare Maintenance (PRN-01)". */
export const contractLabel = (c: Contract): string => `${c.supplier} (${c.contractRef})`;

/** An hours cell as text: "Mon-Fri 08:00-18:00", or "School day (Mon-Fri 08:00-18:00, closed on 40 days)". */
export function describeHours(cell: HoursCell & { kind: 'ok' }): string {
  const r = cell.resolved;
  const pattern = formatHours(r.hours);
  if (r.calendar === undefined) return pattern;
  const closed = r.closures.length > 0 ? ', with closures' : '';
  return `${r.calendar} (${pattern}${closed})`;
}

/** The tightest incident response or resolution target of a service over the priorities; undefined when none. */
export const tightestTarget = (ctx: Context, s: Service, key: 'respondHours' | 'resolveHours'): number | undefined =>
  minOf(PRIORITIES.flatMap((p) => ctx.targetFor(s, 'Incident', p)?.[key] ?? []));

export { minOf };

/** References without repeats, in first-seen order. */
export function dedupeRefs(refs: readonly RowRef[]): RowRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.tab}|${r.row}|${r.column ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
