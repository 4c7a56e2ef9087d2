import type { ItemType, Priority } from '../schema/records';
import type { Period } from '../periods/period';

/**
 * Attainment status of a figure against its target. "Too few to judge": fewer items were judged than the
 * Settings tab's minimum, and the misses so far do not already make the target unreachable.
 */
export type Rag = 'Met' | 'At risk' | 'Breached' | 'Too few to judge';

export interface Breach {
  readonly ref: string;
  readonly row: number;
  readonly measure: 'response' | 'resolution';
  readonly actualHours: number;
  readonly targetHours: number;
  /** True while the item is still open now. */
  readonly open: boolean;
}

/** Compliance with one target row (service or ALL, type, priority) within one service. */
export interface TargetAttainment {
  readonly serviceId: string;
  readonly type: ItemType;
  /** undefined when the target applies to every priority. */
  readonly priority: Priority | undefined;
  readonly description: string | undefined;
  /** Row of the Targets tab that applied. */
  readonly targetRow: number;
  readonly measure: 'response' | 'resolution';
  readonly targetHours: number;
  /** Required share of items met, 0..100. */
  readonly compliance: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** met / (met + breached), 0..1; undefined when nothing was measured. */
  readonly share: number | undefined;
  readonly status: Rag | undefined;
  /** The fewest judged items the target is judged on (the Settings tab's): below it, Too few to judge. */
  readonly fewest: number;
  readonly breaches: Breach[];
  /** Response targets: items resolved with no Responded time, whose response was not judged (neither met nor breached). 0 for resolution. */
  readonly noResponseTime: number;
}

/** Planned maintenance of a service in the period, reported apart from its incidents and requests. */
export interface PlannedMaintenance {
  /** Items of Type "Planned maintenance" opened in the period (never judged against response or fix targets). */
  readonly items: number;
  /** Hours of announced maintenance (logged before its outage began) within the service hours: not downtime. */
  readonly announcedHours: number;
  /** Maintenance logged only after its outage began: counted as downtime, each named. */
  readonly unannounced: ReadonlyArray<{ readonly ref: string; readonly row: number }>;
}

export interface ServiceAttainment {
  readonly serviceId: string;
  readonly name: string;
  readonly rank: number;
  /** 0..1; undefined when the period holds no service hours. */
  readonly availability: number | undefined;
  /** 0..100 from the SLA tab. */
  readonly availabilityTarget: number | undefined;
  readonly availabilityStatus: Rag | undefined;
  readonly serviceHours: number;
  readonly downtimeHours: number;
  readonly targets: TargetAttainment[];
  readonly items: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** Worst status over availability and targets; undefined when nothing could be measured. */
  readonly status: Rag | undefined;
  /** What sets that status, in words (statusDriver). */
  readonly statusDriver?: string;
  /** Why the service's hours could not be read (nothing is measured then). */
  readonly hoursError?: string;
  /** Items resolved with no Responded time: their response was not judged. */
  readonly noResponseTime: number;
  readonly plannedMaintenance: PlannedMaintenance;
}

/** A supplier's response and fix times against its contract, from the incident log's supplier columns. */
export interface SupplierAttainment {
  readonly contractRef: string;
  readonly supplier: string;
  readonly calls: number;
  readonly responseMet: number;
  readonly responseBreached: number;
  readonly fixMet: number;
  readonly fixBreached: number;
  /** Calls that could not be judged yet, or at all (unknown hours or no logged time). */
  readonly pending: number;
  /** Calls fixed with no Supplier responded time: their response was not judged. */
  readonly responseNotRecorded: number;
  readonly breaches: Breach[];
  /** False when the contract's support hours are blank or unreadable: its calls cannot be measured. */
  readonly hoursKnown: boolean;
}

export interface AttainmentReport {
  readonly period: Period;
  readonly services: ServiceAttainment[];
  readonly suppliers: SupplierAttainment[];
}
