import type { Workbook } from '../workbook';
import { columnsFromRows, type IncidentColumns } from './columns';
import { measure, MET, BREACHED, PENDING, type Tally } from './measure';
import { buildModel, type AttainmentModel } from './model';
import { ragFor, worstRag } from './status';
import type { AttainmentReport, ServiceAttainment, SupplierAttainment, TargetAttainment, Rag } from './types';
import type { Period } from '../periods/period';
import { HOUR_MS } from '../time/zone';


export interface AttainmentOptions {
  /**
   * The instant items are judged at when earlier than the period's end (a period still running):
   * items still open then are breached if already past target, otherwise pending. Default: the period's end.
   */
  readonly asOf?: number;
  /** List each breach with its item (default true). */
  readonly breaches?: boolean;
  /** List every item counted with its measures in `report.items` (default false). */
  readonly items?: boolean;
}

/**
 * Attainment of every service over a period.
 *
 * Which items count: those opened in [period.start, period.end). Each is judged as it stood at the end of
 * the period (or `asOf`): an item open then is breached when it is already past its target, otherwise
 * pending, which is reported but never counted as met. Availability takes every outage that overlaps
 * the period, whenever its item was opened. Items for services missing from the catalogue are left out.
 */
export function computeAttainment(wb: Workbook, period: Period, options: AttainmentOptions = {}): AttainmentReport {
  const model = buildModel(wb);
  return attainmentOf(model, columnsFromRows(wb.incidents, model, wb.holds), period, options);
}

/** The report from a resolved model and the log's columns: the path both the workbook and the custom function take. */
export function attainmentOf(model: AttainmentModel, cols: IncidentColumns, period: Period, options: AttainmentOptions = {}): AttainmentReport {
  const end = options.asOf !== undefined && options.asOf < period.end ? Math.max(period.start, options.asOf) : period.end;
  const tally = measure(cols, model, period.start, end, { breaches: options.breaches ?? true, items: options.items });
  const report: AttainmentReport = { period, services: servicesOf(model, tally), suppliers: suppliersOf(model, tally) };
  return tally.items ? { ...report, items: tally.items } : report;
}

const pct = (met: number, breached: number): number | undefined => (met + breached > 0 ? met / (met + breached) : undefined);

function servicesOf(model: AttainmentModel, tally: Tally): ServiceAttainment[] {
  const T = model.targets.length;
  return model.services.map((svc, s) => {
    const targets: TargetAttainment[] = [];
    for (let t = 0; t < T; t++) {
      for (let m = 0; m < 2; m++) {
        const slot = (s * T + t) * 2 + m;
        const met = tally.targetCounts[slot * 3 + MET];
        const breached = tally.targetCounts[slot * 3 + BREACHED];
        const pending = tally.targetCounts[slot * 3 + PENDING];
        if (met + breached + pending === 0) continue;
        const row = model.targets[t];
        const targetHours = (m === 0 ? row.respondHours : row.resolveHours)!;
        // A target without a compliance figure must be met by every item.
        const compliance = row.compliance ?? 100;
        const share = pct(met, breached);
        targets.push({
          serviceId: svc.serviceId, type: row.type, priority: row.priority, description: row.description, targetRow: row.row,
          measure: m === 0 ? 'response' : 'resolution', targetHours, compliance, met, breached, pending, share,
          status: ragFor(share === undefined ? undefined : share * 100, compliance), breaches: tally.breaches?.get(slot) ?? [],
        });
      }
    }
    const serviceMs = tally.serviceMs[s];
    const downMs = tally.downtimeMs[s];
    const hoursKnown = model.serviceCalendars[s] !== undefined;
    const availability = hoursKnown && serviceMs > 0 ? (serviceMs - downMs) / serviceMs : undefined;
    const availabilityTarget = model.availabilityTargets[s];
    const availabilityStatus = ragFor(availability === undefined ? undefined : availability * 100, availabilityTarget);
    const c = s * 4;
    const statuses: Array<Rag | undefined> = [availabilityStatus, ...targets.map((t) => t.status)];
    return {
      serviceId: svc.serviceId, name: svc.name, rank: svc.rank, availability, availabilityTarget, availabilityStatus,
      serviceHours: serviceMs / HOUR_MS, downtimeHours: downMs / HOUR_MS, targets,
      items: tally.serviceCounts[c], met: tally.serviceCounts[c + 1], breached: tally.serviceCounts[c + 2], pending: tally.serviceCounts[c + 3],
      status: worstRag(statuses), hoursError: model.hoursErrors[s],
    };
  });
}

function suppliersOf(model: AttainmentModel, tally: Tally): SupplierAttainment[] {
  const out: SupplierAttainment[] = [];
  model.contracts.forEach((c, i) => {
    const k = i * 6;
    const counts = tally.supplierCounts;
    if (counts[k] === 0) return;
    out.push({
      contractRef: c.contractRef, supplier: c.supplier, calls: counts[k],
      responseMet: counts[k + 1], responseBreached: counts[k + 2], fixMet: counts[k + 3], fixBreached: counts[k + 4], pending: counts[k + 5],
      breaches: tally.supplierBreaches?.get(i) ?? [], hoursKnown: model.contractCalendars[i] !== undefined,
    });
  });
  return out;
}
