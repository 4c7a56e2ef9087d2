import { tabDef } from '../schema/workbook';
import type { ServiceCalendar } from '../time/calendar';
import { locateColumns } from '../workbook/columns';
import { ArgumentError, type Grid } from '../arguments/grid';
import { readIncidentColumns } from './columns';
import { measure } from './measure';
import { singleServiceModel } from './model';

/**
 * Availability of one service over [start, end) from the incident log's values (header row first):
 * (service hours − downtime) / service hours, downtime being the union of its outages within the hours.
 * A running period is measured up to `now` (to date). Undefined when the period holds no service hours. A
 * header row without the columns availability needs is refused: read without them, every service would look always up.
 */
export function availabilityFromValues(serviceId: string, incidents: Grid, calendar: ServiceCalendar, timeZone: string, start: number, end: number, now = end): number | undefined {
  const lacking = locateColumns(incidents[0], tabDef('incidents')).missing.filter((c) => /^(serviceId|opened|serviceDown)$/.test(c.key));
  if (lacking.length) throw new ArgumentError('incidents', `its header row lacks ${lacking.map((c) => c.header).join(', ')}`);
  const model = singleServiceModel(serviceId, calendar, timeZone);
  const tally = measure(readIncidentColumns(incidents, model), model, start, end, { now });
  const hours = tally.serviceMs[0];
  return hours > 0 ? (hours - tally.downtimeMs[0]) / hours : undefined;
}
