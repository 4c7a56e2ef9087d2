import { tabDef } from '../schema/workbook';
import { idKey } from '../schema/ids';
import type { ServiceCalendar } from '../time/calendar';
import { locateColumns } from '../workbook/columns';
import { unreadCells, type Problem } from '../workbook/problems';
import { ArgumentError, type Grid } from '../arguments/grid';
import { isBlank } from '../values';
import { readIncidentColumns } from './columns';
import { measure } from './measure';
import { singleServiceModel } from './model';

/** Availability of one service, and the log's rows it could not read that may be that service's. */
export interface AvailabilityRead {
  /** 0..1; undefined when the period holds no service hours. */
  readonly availability: number | undefined;
  /** Cells of rows left out or read as blank, as "Incidents row 30 (Opened)": rows of this service or of no readable service. */
  readonly unread: string[];
}

/**
 * Availability of one service over [start, end) from the incident log's values (header row first):
 * (service hours − downtime) / service hours, downtime being the union of its outages within the hours.
 * A running period is measured up to `now` (to date). Undefined when the period holds no service hours. A
 * header row without the columns availability needs is refused: read without them, every service would look
 * always up. So is a Service ID found neither in `catalogue` (the Service IDs of the Services tab, when it
 * can be read) nor in the log: a misspelt ID would otherwise read 100%.
 */
export function availabilityFromValues(
  serviceId: string,
  incidents: Grid,
  calendar: ServiceCalendar,
  timeZone: string,
  start: number,
  end: number,
  now = end,
  catalogue?: ReadonlySet<string>,
): AvailabilityRead {
  const { index, missing } = locateColumns(incidents[0], tabDef('incidents'));
  const lacking = missing.filter((c) => /^(serviceId|opened|serviceDown)$/.test(c.key));
  if (lacking.length) throw new ArgumentError('incidents', `its header row lacks ${lacking.map((c) => c.header).join(', ')}`);
  const key = idKey(serviceId);
  const ci = index.serviceId;
  if (!catalogue?.has(key) && !incidents.some((line, r) => r > 0 && typeof line[ci] !== 'boolean' && !isBlank(line[ci]) && idKey(String(line[ci])) === key)) {
    throw new ArgumentError('service_id', `"${serviceId}" is neither a Service ID on the ${tabDef('services').name} tab nor in the incident log`);
  }
  const model = singleServiceModel(serviceId, calendar, timeZone);
  const problems: Problem[] = [];
  const tally = measure(readIncidentColumns(incidents, model, [], problems, undefined, false), model, start, end, { now });
  const hours = tally.serviceMs[0];
  // A row that could not be read is named when it is this service's, or when its Service ID cannot tell.
  const mine = problems.filter((p) => {
    const cell = incidents[p.row - 1]?.[ci];
    return isBlank(cell) || typeof cell === 'boolean' || idKey(String(cell)) === key;
  });
  return { availability: hours > 0 ? (hours - tally.downtimeMs[0]) / hours : undefined, unread: unreadCells(mine) };
}
