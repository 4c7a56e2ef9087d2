/** How often each example service fails and how fast it is put right, tuned to show the guidance's findings. */
import type { Priority } from '../schema/records';
import type { Draft } from './catalogue';

type Range = readonly [number, number];

export interface IncidentProfile {
  readonly serviceId: string;
  readonly perWeek: number;
  readonly supportCalendar: string;
  readonly priorities: readonly Priority[];
  readonly kinds: readonly NonNullable<Draft<'incidents'>['component']>[];
  /** Working hours to respond and to resolve. */
  readonly respond: Range;
  readonly resolve: Range;
  readonly requestShare: number;
  readonly requestRespond: Range;
  readonly requestResolve: Range;
  /** Share of critical incidents that take the whole service down. */
  readonly downShare: number;
  readonly summaries: readonly string[];
  readonly requests: readonly string[];
  readonly contract?: { readonly ref: string; readonly share: number; readonly calendar: string; readonly respond: Range; readonly fix: Range };
}

export const INCIDENT_PROFILES: readonly IncidentProfile[] = [
  {
    serviceId: 'INTERNET', perWeek: 1.6, supportCalendar: 'School day', priorities: ['Critical', 'High', 'High', 'Medium'],
    kinds: ['Network', 'Third party', 'Hardware'], respond: [0.1, 0.8], resolve: [0.5, 5], requestShare: 0.15,
    requestRespond: [1, 6], requestResolve: [4, 24], downShare: 0.8,
    summaries: ['No internet in the ICT suite', 'Whole school lost internet', 'Wireless drops in the science block', 'Site blocked by filter in error'],
    requests: ['Unblock a website for a lesson', 'Guest wireless for a visitor'],
    // Within its contract (respond 15 min, fix 2 h), as the guidance has it: faster than the school needs.
    contract: { ref: 'ISP-01', share: 0.35, calendar: '24x7', respond: [0.05, 0.2], fix: [0.3, 1.8] },
  },
  {
    serviceId: 'MIS', perWeek: 0.8, supportCalendar: 'School day', priorities: ['High', 'Medium', 'Medium', 'Low'],
    kinds: ['Software'], respond: [0.3, 3], resolve: [2, 16], requestShare: 0.3, requestRespond: [1, 6], requestResolve: [4, 28], downShare: 0.3,
    summaries: ['Registers will not open', 'Report template prints blank', 'Slow to load pupil records'],
    requests: ['New staff MIS account', 'Add a report to the MIS'],
    contract: { ref: 'LA-01', share: 0.4, calendar: 'School day', respond: [0.3, 1.5], fix: [1, 6] },
  },
  {
    serviceId: 'EMAIL', perWeek: 1.4, supportCalendar: 'Mon-Fri 08:00-18:00', priorities: ['High', 'Medium', 'Medium', 'Low'],
    kinds: ['Software'], respond: [0.5, 3], resolve: [1.5, 7], requestShare: 0.45, requestRespond: [0.5, 6], requestResolve: [6, 28], downShare: 0.5,
    summaries: ['Cannot send email with attachments', 'Mailbox full', 'Calendar not syncing to phone', 'Email not arriving from parents'],
    requests: ['New account for a new member of staff', 'New account for a new student', 'Shared mailbox for the exams office'],
    contract: { ref: 'SW-01', share: 0.3, calendar: 'Mon-Fri 09:00-17:00', respond: [2, 12], fix: [8, 36] },
  },
  {
    serviceId: 'STORAGE', perWeek: 0.7, supportCalendar: 'School day', priorities: ['Critical', 'High', 'Medium', 'Low'],
    kinds: ['Hardware', 'Network', 'Software'], respond: [0.2, 2], resolve: [1, 14], requestShare: 0.3, requestRespond: [1, 6], requestResolve: [2, 20], downShare: 0.7,
    summaries: ['Shared drive not mapped', 'File server not responding', 'Deleted a folder by mistake'],
    requests: ['Restore a file from backup', 'New shared folder for a department'],
    contract: { ref: 'NET-01', share: 0.3, calendar: 'Mon-Fri 09:00-17:00', respond: [0.5, 3], fix: [2, 12] },
  },
  {
    serviceId: 'PRINT', perWeek: 2.2, supportCalendar: 'School day', priorities: ['High', 'Medium', 'Medium', 'Low'],
    kinds: ['Hardware', 'Hardware', 'Consumable', 'Software'], respond: [0.2, 1.5], resolve: [0.5, 9], requestShare: 0.15, requestRespond: [1, 8], requestResolve: [4, 24], downShare: 0.2,
    summaries: ['Paper jam in the staffroom printer', 'Printer offline in room 12', 'Toner empty', 'Printer driver missing on a laptop'],
    requests: ['Add a printer to a new laptop'],
    contract: { ref: 'PRN-01', share: 0.3, calendar: 'Mon-Fri 09:00-17:00', respond: [1, 6], fix: [4, 20] },
  },
  {
    serviceId: 'WP', perWeek: 1.1, supportCalendar: 'School day', priorities: ['High', 'Medium', 'Low', 'Low'],
    kinds: ['Software'], respond: [1.5, 9], resolve: [6, 45], requestShare: 0.2, requestRespond: [2, 8], requestResolve: [8, 40], downShare: 0.1,
    summaries: ['Word processor crashes when saving', 'Spell checker missing', 'Document templates missing'],
    requests: ['Install a font for the art department'],
    contract: { ref: 'SW-01', share: 0.3, calendar: 'Mon-Fri 09:00-17:00', respond: [2, 14], fix: [8, 40] },
  },
  {
    serviceId: 'WHITEBOARD', perWeek: 0.9, supportCalendar: 'School day', priorities: ['High', 'Medium', 'Medium'],
    kinds: ['Hardware', 'Software'], respond: [0.5, 4], resolve: [6, 60], requestShare: 0.05, requestRespond: [2, 8], requestResolve: [8, 40], downShare: 0,
    summaries: ['Whiteboard pen not calibrating', 'Projector bulb failed', 'Board not responding to touch'],
    requests: ['Move a whiteboard to a new classroom'],
    contract: { ref: 'WB-01', share: 0.6, calendar: 'Mon-Fri 09:00-17:00', respond: [8, 30], fix: [20, 70] },
  },
  {
    serviceId: 'LANGEXAM', perWeek: 0.15, supportCalendar: 'School day', priorities: ['High', 'Medium'],
    kinds: ['Software'], respond: [2, 10], resolve: [8, 40], requestShare: 0, requestRespond: [1, 1], requestResolve: [1, 1], downShare: 0,
    summaries: ['Listening exam software will not start in room L2', 'Licence error in the language exam software'],
    requests: [],
  },
  {
    serviceId: 'LIBRARY', perWeek: 0.1, supportCalendar: 'School day', priorities: ['Medium'],
    kinds: ['Software'], respond: [1, 6], resolve: [4, 20], requestShare: 0, requestRespond: [1, 1], requestResolve: [1, 1], downShare: 0,
    summaries: ['Library system will not issue books'],
    requests: [],
  },
];
