import { at, TZ, type Tabs } from '../../support/workbook';

export { at, sheet, TZ, valuesOf, workbook, type Tabs } from '../../support/workbook';

export const period = (from: string, to: string, tz = TZ) => ({ start: at(from, tz), end: at(to, tz), label: `${from} to ${to}` });

/** A catalogue with one office-hours service (EMAIL) and a 24x7 one (NET), with ALL targets. */
export const baseTabs = (): Tabs => ({
  services: [
    { serviceId: 'EMAIL', name: 'Email', rank: 2, status: 'Supported', serviceHours: 'Mon-Fri 08:00-18:00' },
    { serviceId: 'NET', name: 'Internet access', rank: 1, status: 'Supported', serviceHours: '24x7' },
  ],
  sla: [
    { serviceId: 'EMAIL', status: 'Agreed', availabilityTarget: 99 },
    { serviceId: 'NET', status: 'Agreed', availabilityTarget: 99.5 },
  ],
  targets: [
    { serviceId: 'ALL', type: 'Incident', respondHours: 1, resolveHours: 4, compliance: 90 },
    { serviceId: 'ALL', type: 'Request', respondHours: 4, resolveHours: 20, compliance: 90 },
  ],
});
