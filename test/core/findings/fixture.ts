/** Workbooks for the contract analyses: the example school as the sheet would hold it, and small hand-made ones. */
import type { Tabs } from '../../support/workbook';

export { at, exampleValues, exampleWorkbook, NOW, sheet, TZ, valuesOf, workbook, type Tabs } from '../../support/workbook';

/** A small, fully consistent school: every service agreed, targeted, represented, used and covered. */
export function cleanTabs(): Tabs {
  return {
    services: [
      {
        serviceId: 'EMAIL',
        name: 'Email',
        rank: 1,
        status: 'Supported',
        users: 'All staff',
        representatives: 'Jo Harris',
        serviceHours: 'Mon-Fri 08:00-18:00',
      },
      {
        serviceId: 'PRINT',
        name: 'Printing',
        rank: 2,
        status: 'Supported',
        users: 'All staff',
        representatives: 'Jo Harris',
        serviceHours: 'Mon-Fri 08:00-18:00',
      },
    ],
    equipment: [
      { serviceId: 'EMAIL', component: 'Email service', kind: 'Software', supplier: 'Mail Co', contractRef: 'MAIL-1', licences: '300 seats' },
      { serviceId: 'PRINT', component: 'Printer', kind: 'Hardware', supplier: 'Print Co', contractRef: 'PRN-1' },
      { serviceId: 'PRINT', component: 'Paper', kind: 'Consumable' },
    ],
    sla: [
      { serviceId: 'EMAIL', status: 'Agreed', agreedOn: '2026-01-10', nextReview: '2027-06-01', availabilityTarget: 99 },
      { serviceId: 'PRINT', status: 'Monitoring', agreedOn: '2026-01-10', nextReview: '2027-06-01', availabilityTarget: 95 },
    ],
    targets: [
      { serviceId: 'ALL', type: 'Incident', priority: 'Critical', respondHours: 1, resolveHours: 6, compliance: 95 },
      { serviceId: 'ALL', type: 'Incident', respondHours: 4, resolveHours: 16, compliance: 90 },
      { serviceId: 'ALL', type: 'Request', respondHours: 8, resolveHours: 30, compliance: 90 },
    ],
    contracts: [
      {
        contractRef: 'MAIL-1',
        supplier: 'Mail Co',
        kind: 'UC',
        services: 'EMAIL',
        supportHours: 'Mon-Fri 08:00-18:00',
        respondHours: 1,
        fixHours: 4,
        annualCost: 500,
        start: '2026-01-01',
        renewal: '2027-12-31',
      },
      {
        contractRef: 'PRN-1',
        supplier: 'Print Co',
        kind: 'UC',
        services: 'PRINT',
        supportHours: 'Mon-Fri 07:30-18:30',
        respondHours: 1,
        fixHours: 4,
        annualCost: 300,
        start: '2026-01-01',
        renewal: '2027-12-31',
      },
    ],
    people: [
      { name: 'Sam Patel', role: 'Service manager', services: 'ALL' },
      { name: 'Jo Harris', role: 'End-user representative', services: 'EMAIL, PRINT' },
    ],
  };
}
