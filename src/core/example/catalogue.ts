/**
 * The example school's fixed records, following the guidance's own examples: printing, word
 * processing, internet access, shared data storage, email (08:00-18:00, 4-hour fix, new account in
 * 2 days); an ISP on 24x7 support; a whiteboard supplier with unknown hours; a colour printer on a
 * fast-fix contract with no known users; language-exam software nobody knew was installed.
 */
import type { Row } from '../schema/records';
import type { TabKey } from '../schema/types';

export type Draft<K extends TabKey> = Omit<Row<K>, 'row'>;

export const SERVICE_MANAGER = 'Sam Patel';

export const services: Draft<'services'>[] = [
  {
    serviceId: 'INTERNET',
    name: 'Internet access',
    rank: 1,
    status: 'Supported',
    description: 'Web access from every school computer and the wireless network, filtered for safeguarding.',
    users: 'All staff and students',
    owner: SERVICE_MANAGER,
    representatives: ['Jo Harris', 'Tom Lee'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None to users; paid from the central ICT budget',
  },
  {
    serviceId: 'MIS',
    name: 'Management information system',
    rank: 2,
    status: 'Supported',
    description: 'Pupil records, registers, assessment and reports.',
    users: 'Office staff, teachers (registers)',
    owner: SERVICE_MANAGER,
    representatives: ['Priya Shah'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None',
  },
  {
    serviceId: 'EMAIL',
    name: 'Email',
    rank: 3,
    status: 'Supported',
    description: 'Staff and student email, calendars and contacts.',
    users: 'All staff; students from Year 7',
    owner: SERVICE_MANAGER,
    representatives: ['Priya Shah', 'Jo Harris'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None',
  },
  {
    serviceId: 'STORAGE',
    name: 'Shared data storage',
    rank: 4,
    status: 'Supported',
    description: 'Shared and home drives on the school file server, backed up nightly.',
    users: 'All staff and students',
    owner: SERVICE_MANAGER,
    representatives: ['Jo Harris'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None',
  },
  {
    serviceId: 'PRINT',
    name: 'Printing',
    rank: 5,
    status: 'Supported',
    description: 'Black-and-white printing from any school computer to the staffroom and classroom printers.',
    users: 'All staff; students in ICT suites',
    owner: SERVICE_MANAGER,
    representatives: ['Jo Harris', 'Tom Lee'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'Departments pay for paper',
  },
  {
    serviceId: 'WP',
    name: 'Word processing',
    rank: 6,
    status: 'Supported',
    description: 'Word-processing software on every school computer.',
    users: 'All staff and students',
    owner: SERVICE_MANAGER,
    representatives: ['Tom Lee'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None',
  },
  {
    serviceId: 'WHITEBOARD',
    name: 'Interactive whiteboards',
    rank: 7,
    status: 'Supported',
    description: 'Interactive whiteboards and projectors in classrooms.',
    users: 'Teachers',
    owner: SERVICE_MANAGER,
    representatives: ['Jo Harris'],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: 'None',
  },
  {
    serviceId: 'COLOURPRINT',
    name: 'Colour printing',
    rank: 8,
    status: 'Supported',
    description: 'Colour laser printer in the resources room.',
    users: undefined,
    owner: SERVICE_MANAGER,
    representatives: [],
    serviceHours: 'School day',
    supportHours: 'School day',
    charges: undefined,
  },
  {
    serviceId: 'LANGEXAM',
    name: 'Language exam software',
    rank: 9,
    status: 'Unsupported',
    description: 'Listening-exam software found installed locally in room L2.',
    users: 'Languages department (room L2)',
    owner: undefined,
    representatives: [],
    serviceHours: undefined,
    supportHours: undefined,
    charges: undefined,
  },
];

type Part = [component: string, kind: Draft<'equipment'>['kind'], extra?: Partial<Draft<'equipment'>>];
const parts = (serviceId: string, list: Part[]): Draft<'equipment'>[] =>
  list.map(([component, kind, extra]) => ({
    serviceId,
    component,
    kind,
    quantity: undefined,
    location: undefined,
    supplier: undefined,
    contractRef: undefined,
    licences: undefined,
    notes: undefined,
    ...extra,
  }));

export const equipment: Draft<'equipment'>[] = [
  ...parts('PRINT', [
    ['Printer', 'Hardware', { quantity: 6, location: 'Staffroom, classrooms', supplier: 'PrintCare Maintenance', contractRef: 'PRN-01' }],
    ['Computer', 'Hardware'],
    ['Cable', 'Network'],
    ['Ink cartridge', 'Consumable', { supplier: 'PrintCare Maintenance', contractRef: 'PRN-01' }],
    ['Paper', 'Consumable'],
    ['Printer driver', 'Software'],
    ['Electrical power', 'Power'],
  ]),
  ...parts('WP', [
    ['Computer', 'Hardware', { quantity: 180 }],
    ['Operating system', 'Software'],
    ['Word-processing software', 'Software', { supplier: 'Office Software Helpdesk', contractRef: 'SW-01', licences: '200 seats' }],
    ['Electrical power', 'Power'],
  ]),
  ...parts('INTERNET', [
    ['Computer', 'Hardware'],
    ['Operating system', 'Software'],
    ['Browser', 'Software'],
    ['Communications link', 'Network', { supplier: 'County Council ICT', contractRef: 'LA-01' }],
    ['Internet service provider', 'Third party', { supplier: 'FastNet ISP', contractRef: 'ISP-01' }],
    ['Web filtering', 'Third party', { supplier: 'County Council ICT', contractRef: 'LA-01' }],
    ['Electrical power', 'Power'],
  ]),
  ...parts('STORAGE', [
    ['File server', 'Hardware', { location: 'Server room', supplier: 'NetSupport Services', contractRef: 'NET-01' }],
    ['Computer', 'Hardware'],
    ['Network and computer operating systems', 'Software'],
    ['Routers', 'Network', { supplier: 'NetSupport Services', contractRef: 'NET-01' }],
    ['Switches', 'Network', { supplier: 'NetSupport Services', contractRef: 'NET-01' }],
    ['Hubs', 'Network'],
    ['Cabling', 'Network'],
    ['Communication links', 'Network', { supplier: 'County Council ICT', contractRef: 'LA-01' }],
    ['Electrical power', 'Power'],
  ]),
  ...parts('EMAIL', [
    ['Email service', 'Software', { supplier: 'Office Software Helpdesk', contractRef: 'SW-01', licences: 'Education licence' }],
    ['Computer', 'Hardware'],
    ['Internet access', 'Network'],
    ['Electrical power', 'Power'],
  ]),
  ...parts('MIS', [
    ['MIS database and software', 'Software', { supplier: 'County Council ICT', contractRef: 'LA-01' }],
    ['Computer', 'Hardware'],
    ['Electrical power', 'Power'],
  ]),
  ...parts('WHITEBOARD', [
    ['Interactive whiteboard', 'Hardware', { quantity: 28, location: 'Classrooms', supplier: 'Whiteboard Supplier Ltd', contractRef: 'WB-01' }],
    ['Projector', 'Hardware', { quantity: 28, supplier: 'Whiteboard Supplier Ltd', contractRef: 'WB-01' }],
    ['Whiteboard software', 'Software'],
    ['Electrical power', 'Power'],
  ]),
  ...parts('COLOURPRINT', [
    ['Colour laser printer', 'Hardware', { quantity: 1, location: 'Resources room', supplier: 'ColourFix Ltd', contractRef: 'CLR-01' }],
    ['Colour toner', 'Consumable', { supplier: 'ColourFix Ltd', contractRef: 'CLR-01' }],
  ]),
  ...parts('LANGEXAM', [
    [
      'Language exam software',
      'Software',
      { quantity: 3, location: 'Room L2: two computers and a laptop', licences: 'Unknown', notes: 'Installed locally; not supported; no licences on record.' },
    ],
  ]),
];

/** The caveat the school agreed with users for the services whose supplier works 09:00-17:00. */
const WAITS_FOR_SUPPLIER =
  'Faults that need the outside supplier are worked on between 09:00 and 17:00: one reported before 09:00 waits for the supplier until 09:00 that day, and one reported after 17:00 until 09:00 the next school day.';

const sla = (serviceId: string, availabilityTarget: number | undefined, extra: Partial<Draft<'sla'>> = {}): Draft<'sla'> => ({
  serviceId,
  status: 'Agreed',
  version: '1.0',
  agreedOn: undefined,
  nextReview: undefined,
  availabilityTarget,
  supportLevels:
    'Log a call with the ICT service desk: ext. 240 or ictdesk@example-school.org, staffed 08:00-18:00 in term time. Outside those hours email the desk; calls are picked up the next school day.',
  performance: undefined,
  functionality: undefined,
  continuity: undefined,
  recoveryHours: undefined,
  security: undefined,
  changes: 'Changes are requested through the service desk and agreed with the representatives at least two weeks ahead.',
  responsibilities:
    'Report every fault to the service desk, not to a technician in passing, and say which room and computer. Save work to the shared drive, not only to the computer. Keep passwords to yourself. Do not install software or move equipment without asking the service desk.',
  maintenance:
    'Announced by email to all staff and on the staffroom screen at least two school days ahead, saying what will be unavailable and for how long. Done outside the service hours where possible; urgent security updates may be announced on the day.',
  complaints:
    "If a call is not dealt with as agreed, reply to the service desk quoting the call's reference. If it is still not put right within two school days, tell the service manager; if that does not settle it, the head teacher. Representatives raise repeated problems at the termly review.",
  exceptions: undefined,
  ...extra,
});

export const slas: Draft<'sla'>[] = [
  sla('INTERNET', 99, {
    performance: 'Pages of common educational sites load within 3 seconds.',
    functionality: 'No more than 2 filtering faults a term.',
    continuity: 'Fall back to the 4G router in the office for the MIS and email.',
    recoveryHours: 4,
    security: 'All traffic filtered by the local authority; users must not bypass the filter.',
  }),
  sla('MIS', 99, {
    performance: 'Registers open within 10 seconds.',
    continuity: 'Nightly backup by the local authority; restore within one school day.',
    recoveryHours: 10,
    security: 'Access by named account only; passwords changed each term.',
  }),
  sla('EMAIL', 99, {
    exceptions: WAITS_FOR_SUPPLIER,
    performance: 'Messages delivered within 5 minutes.',
    functionality: 'No more than 1 lost message a term.',
    continuity: "Hosted service with the supplier's own recovery plan.",
    recoveryHours: 8,
    security: 'Two-step sign-in for staff.',
  }),
  sla('STORAGE', 98, {
    exceptions: WAITS_FOR_SUPPLIER,
    performance: 'Files up to 50 MB open within 10 seconds.',
    continuity: 'Nightly backup; files restored within 1 day on request.',
    recoveryHours: 10,
    security: 'Students cannot see staff shares.',
  }),
  sla('PRINT', 95, {
    exceptions: WAITS_FOR_SUPPLIER,
    performance: 'A page prints within 1 minute of sending.',
    functionality: 'No more than one printer out of service at a time.',
    continuity: 'Print to the staffroom printer if a classroom printer fails.',
    recoveryHours: 8,
  }),
  sla('WP', 98, { exceptions: WAITS_FOR_SUPPLIER, status: 'Monitoring', performance: 'Opens within 15 seconds.' }),
  sla('WHITEBOARD', 95, { status: 'Negotiation', version: '0.3' }),
];

type T = Draft<'targets'>;
const target = (
  serviceId: string,
  type: T['type'],
  priority: T['priority'],
  respondHours: number,
  resolveHours: number,
  compliance: number,
  description?: string,
): T => ({ serviceId, type, priority, description, respondHours, resolveHours, compliance });

export const targets: T[] = [
  target('ALL', 'Incident', 'Critical', 0.5, 4, 95, 'Whole service down for many users'),
  target('ALL', 'Incident', 'High', 1, 8, 85, 'Service down for a class or a key user'),
  target('ALL', 'Incident', 'Medium', 4, 20, 85, 'Fault with a workaround'),
  target('ALL', 'Incident', 'Low', 8, 50, 80, 'Minor fault or question'),
  target('ALL', 'Request', undefined, 8, 30, 85, 'Standard request'),
  target('EMAIL', 'Incident', undefined, 1, 4, 90, 'Email incidents resolved within 4 hours'),
  target('EMAIL', 'Request', undefined, 4, 20, 90, 'New account set up within 2 days'),
];

type C = Draft<'contracts'>;
const contract = (
  contractRef: string,
  supplier: string,
  kind: C['kind'],
  svc: string[],
  supportHours: string | undefined,
  respondHours: number | undefined,
  fixHours: number | undefined,
  annualCost: number | undefined,
  contact: string,
): C => ({ contractRef, supplier, kind, services: svc, supportHours, respondHours, fixHours, annualCost, start: undefined, renewal: undefined, contact });

export const contracts: C[] = [
  contract('ISP-01', 'FastNet ISP', 'UC', ['INTERNET'], '24x7', 0.25, 2, 6400, '0800 000 111, support@fastnet.example'),
  contract('LA-01', 'County Council ICT', 'OLA', ['INTERNET', 'MIS', 'STORAGE'], 'School day', 1, 4, 3200, 'LA service desk 01234 567890'),
  contract('PRN-01', 'PrintCare Maintenance', 'UC', ['PRINT'], 'Mon-Fri 09:00-17:00', 4, 16, 900, 'printcare.example/portal'),
  contract('CLR-01', 'ColourFix Ltd', 'UC', ['COLOURPRINT'], 'Mon-Fri 08:00-18:00', 0.25, 1, 1450, '01234 111222'),
  contract('WB-01', 'Whiteboard Supplier Ltd', 'UC', ['WHITEBOARD'], undefined, undefined, 40, 800, 'sales@whiteboards.example'),
  contract('NET-01', 'NetSupport Services', 'UC', ['STORAGE'], 'Mon-Fri 09:00-17:00', 2, 8, 2400, '01234 333444'),
  contract('SW-01', 'Office Software Helpdesk', 'UC', ['EMAIL', 'WP'], 'Mon-Fri 09:00-17:00', 8, 24, 1100, 'help@officesoftware.example'),
];

export const calendars: Draft<'calendars'>[] = [
  { name: 'School day', hours: 'Mon-Fri 08:00-18:00', timeZone: undefined },
  { name: 'Office hours', hours: 'Mon-Fri 09:00-17:00', timeZone: undefined },
];

export const people: Draft<'people'>[] = [
  { name: SERVICE_MANAGER, email: 'sam.patel@example-school.org', role: 'Service manager', area: 'ICT', services: ['ALL'], student: false, access: undefined },
  {
    name: 'Jo Harris',
    email: 'jo.harris@example-school.org',
    role: 'End-user representative',
    area: 'Teaching staff (English)',
    services: ['INTERNET', 'EMAIL', 'STORAGE', 'PRINT', 'WHITEBOARD'],
    student: false,
    access: undefined,
  },
  {
    name: 'Priya Shah',
    email: 'priya.shah@example-school.org',
    role: 'End-user representative',
    area: 'School office',
    services: ['MIS', 'EMAIL'],
    student: false,
    access: undefined,
  },
  {
    name: 'Tom Lee',
    email: 'tom.lee@example-school.org',
    role: 'End-user representative',
    area: 'Student council (Year 11)',
    services: ['INTERNET', 'PRINT', 'WP'],
    student: true,
    access: undefined,
  },
  { name: 'Alex Morgan', email: 'head@example-school.org', role: 'Head teacher', area: 'Leadership', services: [], student: false, access: undefined },
  {
    name: 'Dana Cole',
    email: 'dana@fastnet.example',
    role: 'Supplier contact',
    area: 'FastNet ISP',
    services: ['INTERNET'],
    student: false,
    access: undefined,
  },
];

/** The review findings already recorded, dated in days from today. */
export const reviews: Array<Omit<Draft<'reviews'>, 'reviewDate' | 'due'> & { reviewDay: number; dueDay: number }> = [
  {
    reviewDay: -70,
    question: 'Services we did not know existed',
    serviceId: 'LANGEXAM',
    finding: 'Language exam software is installed locally on two computers and a laptop in room L2. It is not supported and no licences are known.',
    action: 'Find the users and the licences; agree with the head teacher whether to support it.',
    owner: SERVICE_MANAGER,
    dueDay: -20,
    status: 'In progress',
  },
  {
    reviewDay: -70,
    question: 'Third-party response or fix issues',
    serviceId: 'COLOURPRINT',
    finding: 'The colour printer has a very fast response and fix from its maintenance contractor, but no known users.',
    action: 'Find the users; review the contract before renewal.',
    owner: SERVICE_MANAGER,
    dueDay: 20,
    status: 'Open',
  },
  {
    reviewDay: -70,
    question: 'Third-party response or fix issues',
    serviceId: 'WHITEBOARD',
    finding: "The interactive-whiteboard supplier's support hours are not known.",
    action: 'Ask the supplier for its support hours and fix times.',
    owner: SERVICE_MANAGER,
    dueDay: -40,
    status: 'Done',
  },
];
