/**
 * How often each example service gets calls, what the calls are, and how fast they are answered and
 * put right, tuned to show the guidance's findings and a realistic mix of results: most targets met, a
 * few at risk, a few missed.
 */
import type { ItemType, Priority } from '../schema/records';
import type { Draft } from './catalogue';

type Range = readonly [number, number];

/** One kind of call a service gets: logged as the guidance would have it logged. */
export interface ExampleCall {
  readonly summary: string;
  readonly type: ItemType;
  readonly priority: Priority;
  /** The kind of component at fault (incidents only). */
  readonly component?: NonNullable<Draft<'incidents'>['component']>;
  /** Relative frequency among the service's calls. */
  readonly weight: number;
  /** The whole service is unavailable while it lasts (counts as downtime). */
  readonly down?: true;
}

export interface IncidentProfile {
  readonly serviceId: string;
  /** Calls a school week. */
  readonly perWeek: number;
  readonly calls: readonly ExampleCall[];
  /**
   * Share of calls answered and resolved after their target; the rest take a part of it. Software is
   * answered and fixed more slowly than hardware, as the guidance found (see the generator).
   */
  readonly lateRespond: number;
  readonly lateResolve: number;
  /** The same for requests (default 1 in 100). */
  readonly lateRequest?: number;
  readonly contract?: { readonly ref: string; readonly share: number; readonly calendar: string; readonly respond: Range; readonly fix: Range };
}

const call = (summary: string, type: ItemType, priority: Priority, weight: number, component?: ExampleCall['component'], down?: true): ExampleCall => ({
  summary,
  type,
  priority,
  weight,
  ...(component ? { component } : {}),
  ...(down ? { down } : {}),
});

export const INCIDENT_PROFILES: readonly IncidentProfile[] = [
  {
    serviceId: 'INTERNET',
    perWeek: 4.5,
    lateRespond: 0.01,
    lateResolve: 0.01,
    calls: [
      call('Whole school lost internet', 'Incident', 'Critical', 0.25, 'Third party', true),
      call('No internet in the ICT suite', 'Incident', 'High', 1.5, 'Network'),
      call('Wireless drops in the science block', 'Incident', 'Medium', 2, 'Network'),
      // The local authority's filter blocks one site: a nuisance with a workaround, not an outage.
      call('Site blocked by filter in error', 'Incident', 'Medium', 1.5, 'Third party'),
      call('Unblock a website for a lesson', 'Request', 'Medium', 1.5),
      call('Guest wireless for a visitor', 'Request', 'Medium', 0.6),
    ],
    // Within its contract (respond 15 min, fix 2 h), as the guidance has it: faster than the school needs.
    contract: { ref: 'ISP-01', share: 0.35, calendar: '24x7', respond: [0.05, 0.2], fix: [0.3, 1.8] },
  },
  {
    serviceId: 'MIS',
    perWeek: 3,
    lateRespond: 0.005,
    lateResolve: 0.01,
    calls: [
      call('Registers will not open', 'Incident', 'High', 1.4, 'Software'),
      call('Report template prints blank', 'Incident', 'Medium', 1.2, 'Software'),
      call('Slow to load pupil records', 'Incident', 'Medium', 1, 'Software'),
      call('New staff MIS account', 'Request', 'Medium', 1),
      call('Add a report to the MIS', 'Request', 'Medium', 0.6),
    ],
    contract: { ref: 'LA-01', share: 0.4, calendar: 'School day', respond: [0.3, 1.5], fix: [1, 6] },
  },
  {
    // Standard software answered more slowly than hardware: Email misses its 1-hour response target.
    serviceId: 'EMAIL',
    perWeek: 5,
    lateRespond: 0.14,
    lateResolve: 0.02,
    calls: [
      call('Cannot send email with attachments', 'Incident', 'High', 0.8, 'Software'),
      call('Mailbox full', 'Incident', 'Medium', 1.2, 'Software'),
      call('Calendar not syncing to phone', 'Incident', 'Low', 1, 'Software'),
      call('Email not arriving from parents', 'Incident', 'High', 0.8, 'Software'),
      call('New account for a new member of staff', 'Request', 'Medium', 1),
      call('New account for a new student', 'Request', 'Medium', 1.2),
      call('Shared mailbox for the exams office', 'Request', 'Medium', 0.3),
    ],
    contract: { ref: 'SW-01', share: 0.06, calendar: 'Mon-Fri 09:00-17:00', respond: [0.5, 2], fix: [1, 3] },
  },
  {
    serviceId: 'STORAGE',
    perWeek: 4,
    lateRespond: 0.01,
    lateResolve: 0.01,
    calls: [
      call('File server not responding', 'Incident', 'Critical', 0.15, 'Hardware', true),
      call('Shared drive not mapped', 'Incident', 'Medium', 2, 'Network'),
      call('Department share full', 'Incident', 'High', 0.8, 'Hardware'),
      // A user's own mistake: a request to restore from backup, not an outage.
      call('Restore a folder deleted by mistake', 'Request', 'Medium', 1.2),
      call('New shared folder for a department', 'Request', 'Medium', 0.8),
    ],
    contract: { ref: 'NET-01', share: 0.3, calendar: 'Mon-Fri 09:00-17:00', respond: [0.5, 3], fix: [1, 4] },
  },
  {
    // Printing, on a maintenance contract, meets every target: the school's model service.
    serviceId: 'PRINT',
    perWeek: 10,
    lateRespond: 0,
    lateResolve: 0,
    lateRequest: 0,
    calls: [
      call('Paper jam in the staffroom printer', 'Incident', 'Medium', 3, 'Hardware'),
      // One printer down is a fault with a workaround: the SLA says print to the staffroom printer meanwhile.
      call('Printer offline in room 12', 'Incident', 'Medium', 2.5, 'Hardware'),
      // A consumable running out is a request for a new cartridge, not a software fault.
      call('Toner empty', 'Request', 'Medium', 2, 'Consumable'),
      call('Add a printer to a new laptop', 'Request', 'Medium', 1),
    ],
    contract: { ref: 'PRN-01', share: 0.1, calendar: 'Mon-Fri 09:00-17:00', respond: [1, 6], fix: [1, 4] },
  },
  {
    // Word processing: software faults fixed slowly; its resolution target is at risk or missed.
    serviceId: 'WP',
    perWeek: 4,
    lateRespond: 0.02,
    lateResolve: 0.05,
    calls: [
      call('Word processor crashes when saving', 'Incident', 'Medium', 1.5, 'Software'),
      call('Spell checker missing', 'Incident', 'Medium', 1, 'Software'),
      call('Document templates missing', 'Incident', 'Medium', 1, 'Software'),
      call('Install a font for the art department', 'Request', 'Medium', 1.5),
    ],
    contract: { ref: 'SW-01', share: 0.15, calendar: 'Mon-Fri 09:00-17:00', respond: [2, 14], fix: [4, 18] },
  },
  {
    // Whiteboards wait on a supplier with unknown hours: fixes often miss their target.
    serviceId: 'WHITEBOARD',
    perWeek: 3.5,
    lateRespond: 0.02,
    lateResolve: 0.05,
    calls: [
      call('Projector bulb failed', 'Incident', 'High', 1, 'Hardware'),
      call('Board not responding to touch', 'Incident', 'Medium', 1.5, 'Hardware'),
      call('Whiteboard pen not working', 'Incident', 'Medium', 1, 'Hardware'),
    ],
    contract: { ref: 'WB-01', share: 0.35, calendar: 'Mon-Fri 09:00-17:00', respond: [8, 30], fix: [4, 30] },
  },
  {
    serviceId: 'LANGEXAM',
    perWeek: 0.3,
    lateRespond: 0.3,
    lateResolve: 0.3,
    calls: [
      call('Listening exam software will not start in room L2', 'Incident', 'High', 1, 'Software'),
      call('Licence error in the language exam software', 'Incident', 'Medium', 1, 'Software'),
    ],
  },
  {
    serviceId: 'LIBRARY',
    perWeek: 0.2,
    lateRespond: 0,
    lateResolve: 0,
    calls: [call('Library system will not issue books', 'Incident', 'Medium', 1, 'Software')],
  },
];
