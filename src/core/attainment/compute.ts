import type { Workbook } from '../workbook/parseWorkbook';
import { workbookColumns, type IncidentColumns } from './columns';
import { measure, MET, BREACHED, PENDING, type Tally } from './measure';
import { buildModel, type AttainmentModel } from './model';
import { availabilityStatus, complianceStatus, serviceStatus, statusDriver } from './status';
import type { AttainmentReport, ServiceAttainment, SupplierAttainment, TargetAttainment } from './types';
import type { Period } from '../periods/period';
import { HOUR_MS } from '../time/zone';

export interface AttainmentOptions {
  /**
   * Now: items still open are judged as of this instant (breached once past target, else pending), and a
   * running period's availability is measured up to it. Default: the period's end.
   */
  readonly asOf?: number;
  /** List each breach with its item (default true). */
  readonly breaches?: boolean;
}

/**
 * Attainment of every service over a period.
 *
 * Which items count: those opened in [period.start, period.end). Each is judged on what actually happened,
 * whenever it happened; an item still open at `asOf` (now) is breached once past its target, otherwise
 * pending, which is reported but never counted as met. Availability takes every outage that overlaps
 * the period up to now, whenever its item was opened. Items for services missing from the catalogue are left out.
 */
export function computeAttainment(wb: Workbook, period: Period, options: AttainmentOptions = {}): AttainmentReport {
  const model = buildModel(wb);
  return attainmentOf(model, workbookColumns(wb, model), period, options);
}

/** The report from a resolved model and the log's columns: the path both the workbook and the custom function take. */
export function attainmentOf(model: AttainmentModel, cols: IncidentColumns, period: Period, options: AttainmentOptions = {}): AttainmentReport {
  const tally = measure(cols, model, period.start, period.end, { breaches: options.breaches ?? true, now: options.asOf });
  return { period, services: servicesOf(model, cols, tally), suppliers: suppliersOf(model, tally) };
}

const pct = (met: number, breached: number): number | undefined => (met + breached > 0 ? met / (met + breached) : undefined);

function servicesOf(model: AttainmentModel, cols: IncidentColumns, tally: Tally): ServiceAttainment[] {
  const T = model.targets.length;
  return model.services.map((svc, s) => {
    const targets: TargetAttainment[] = [];
    for (let t = 0; t < T; t++) {
      for (let m = 0; m < 2; m++) {
        const slot = (s * T + t) * 2 + m;
        const met = tally.targetCounts[slot * 3 + MET];
        const breached = tally.targetCounts[slot * 3 + BREACHED];
        const pending = tally.targetCounts[slot * 3 + PENDING];
        const noResponseTime = m === 0 ? tally.noResponse[s * T + t] : 0;
        if (met + breached + pending + noResponseTime === 0) continue;
        const row = model.targets[t];
        const targetHours = (m === 0 ? row.respondHours : row.resolveHours)!;
        // A target without a compliance figure must be met by every item.
        const compliance = row.compliance ?? 100;
        const share = pct(met, breached);
        targets.push({
          serviceId: svc.serviceId,
          type: row.type,
          priority: row.priority,
          description: row.description,
          targetRow: row.row,
          measure: m === 0 ? 'response' : 'resolution',
          targetHours,
          compliance,
          met,
          breached,
          pending,
          share,
          status: complianceStatus(met, breached, compliance, model.fewestToJudge),
          fewest: model.fewestToJudge,
          breaches: tally.breaches?.get(slot) ?? [],
          noResponseTime,
        });
      }
    }
    const serviceMs = tally.serviceMs[s];
    const downMs = tally.downtimeMs[s];
    const hoursKnown = model.serviceCalendars[s] !== undefined;
    const availability = hoursKnown && serviceMs > 0 ? (serviceMs - downMs) / serviceMs : undefined;
    const availabilityTarget = model.availabilityTargets[s];
    const availStatus = availabilityStatus(availability, availabilityTarget);
    const c = s * 4;
    const status = serviceStatus(
      availStatus,
      targets.map((t) => t.status),
    );
    return {
      serviceId: svc.serviceId,
      name: svc.name,
      rank: svc.rank,
      availability,
      availabilityTarget,
      availabilityStatus: availStatus,
      serviceHours: serviceMs / HOUR_MS,
      downtimeHours: downMs / HOUR_MS,
      targets,
      items: tally.serviceCounts[c],
      met: tally.serviceCounts[c + 1],
      breached: tally.serviceCounts[c + 2],
      pending: tally.serviceCounts[c + 3],
      status,
      statusDriver: statusDriver({
        status,
        availability,
        availabilityTarget,
        availabilityStatus: availStatus,
        targets,
        downtimeHours: downMs / HOUR_MS,
        met: tally.serviceCounts[c + 1],
        breached: tally.serviceCounts[c + 2],
      }),
      hoursError: model.hoursErrors[s],
      noResponseTime: targets.reduce((sum, t) => sum + t.noResponseTime, 0),
      plannedMaintenance: {
        items: tally.plannedItems[s],
        announcedHours: tally.plannedMs[s] / HOUR_MS,
        unannounced: (tally.unannounced[s] ?? []).map((i) => ({ ref: cols.ref(i), row: cols.row[i] })),
      },
    };
  });
}

function suppliersOf(model: AttainmentModel, tally: Tally): SupplierAttainment[] {
  const out: SupplierAttainment[] = [];
  model.contracts.forEach((c, i) => {
    const k = i * 7;
    const counts = tally.supplierCounts;
    if (counts[k] === 0) return;
    out.push({
      contractRef: c.contractRef,
      supplier: c.supplier,
      calls: counts[k],
      responseMet: counts[k + 1],
      responseBreached: counts[k + 2],
      fixMet: counts[k + 3],
      fixBreached: counts[k + 4],
      pending: counts[k + 5],
      responseNotRecorded: counts[k + 6],
      breaches: tally.supplierBreaches?.get(i) ?? [],
      hoursKnown: model.contractCalendars[i] !== undefined,
    });
  });
  return out;
}
