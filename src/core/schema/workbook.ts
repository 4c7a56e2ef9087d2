import type { TabDef, TabKey } from './types';

/**
 * The one definition of the workbook: every tab, column, type, allowed value and help text.
 * Setup, validation dropdowns, row parsing, documentation and documents are all derived from it.
 * Built on first use, never at load time: every custom-function call loads the whole bundle.
 */
const defineSchema = () => {
  const priorities = ['Critical', 'High', 'Medium', 'Low'] as const;
  const itemTypes = ['Incident', 'Request'] as const;
  /** What the log holds: the item types targets are set for, and planned maintenance, which has none. */
  const incidentTypes = [...itemTypes, 'Planned maintenance'] as const;
  const componentKinds = ['Hardware', 'Software', 'Network', 'Consumable', 'Power', 'Third party'] as const;
  const serviceId = (help: string, allowAll = false) =>
    ({ key: 'serviceId', header: 'Service ID', type: 'ref', refTab: 'services', required: true, width: 90, help, allowAll }) as const;

  return {
    services: {
      key: 'services',
      name: 'Services',
      idKey: 'serviceId',
      help: 'The service catalogue: one row per service (a whole facility such as printing or email, not equipment).',
      columns: [
        {
          key: 'serviceId',
          header: 'Service ID',
          type: 'id',
          required: true,
          width: 90,
          help: 'Short unique code for the service, e.g. EMAIL. Other tabs refer to the service by this code.',
        },
        { key: 'name', header: 'Service', type: 'text', required: true, width: 170, help: 'Name of the service as users know it, e.g. "Email".' },
        { key: 'description', header: 'Description', type: 'text', width: 260, help: 'What the service provides, in words users understand.' },
        { key: 'users', header: 'Users', type: 'text', width: 170, help: 'Who uses the service (staff, students, office...). Blank means no known users.' },
        {
          key: 'rank',
          header: 'Priority rank',
          type: 'integer',
          required: true,
          width: 90,
          help: 'Business priority: 1 is the most important. In a conflict, support deals with the lower rank first.',
        },
        {
          key: 'status',
          header: 'Status',
          type: 'enum',
          required: true,
          width: 110,
          values: ['Proposed', 'Supported', 'Under review', 'Retired', 'Unsupported'],
          help: 'Proposed, Supported, Under review, Retired or Unsupported.',
        },
        { key: 'owner', header: 'Owner', type: 'text', width: 130, help: 'Person accountable for the service (usually the service manager).' },
        {
          key: 'representatives',
          header: 'Representatives',
          type: 'list',
          width: 170,
          help: 'End-user representatives for this service (names from the People tab, comma-separated).',
        },
        {
          key: 'serviceHours',
          header: 'Service hours',
          type: 'hours',
          width: 170,
          help: 'When the service must be available, e.g. "Mon-Fri 08:00-18:00", "24x7", or a name from the Calendars tab.',
        },
        {
          key: 'supportHours',
          header: 'Support hours',
          type: 'hours',
          width: 170,
          help: 'When support staff work on it; response and resolution are measured in these hours. Blank: the service hours.',
        },
        { key: 'charges', header: 'Charges', type: 'text', width: 150, help: 'What the service costs users or departments, if anything.' },
      ],
    },
    equipment: {
      key: 'equipment',
      name: 'Equipment',
      help: 'The equipment map: what each service depends on.',
      columns: [
        serviceId('The service this component is part of.'),
        { key: 'component', header: 'Component', type: 'text', required: true, width: 200, help: 'The item the service depends on, e.g. "Printer driver".' },
        {
          key: 'kind',
          header: 'Kind',
          type: 'enum',
          required: true,
          width: 110,
          values: componentKinds,
          help: 'Hardware, Software, Network, Consumable, Power or Third party.',
        },
        { key: 'quantity', header: 'Quantity', type: 'integer', width: 80, help: 'How many there are, if it matters.' },
        { key: 'location', header: 'Location', type: 'text', width: 140, help: 'Where it is (room, cabinet, cloud).' },
        { key: 'supplier', header: 'Supplier', type: 'text', width: 160, help: 'Who supports it, if not the school itself.' },
        {
          key: 'contractRef',
          header: 'Contract ref',
          type: 'ref',
          refTab: 'contracts',
          width: 100,
          help: 'The contract or OLA that supports it (Contracts tab).',
        },
        { key: 'licences', header: 'Licences', type: 'text', width: 120, help: 'Licences held, e.g. "30 seats", or "Unknown".' },
        { key: 'notes', header: 'Notes', type: 'text', width: 220, help: 'Anything else worth knowing.' },
      ],
    },
    sla: {
      key: 'sla',
      name: 'SLA',
      idKey: 'serviceId',
      help: 'The agreed level of each service, one row per service: the ten points of a service level agreement.',
      columns: [
        serviceId('The service this agreement covers (one row per service).'),
        {
          key: 'status',
          header: 'SLA status',
          type: 'enum',
          required: true,
          width: 110,
          values: ['Negotiation', 'Agreed', 'Monitoring', 'Review'],
          help: 'Negotiation, Agreed, Monitoring or Review.',
        },
        { key: 'version', header: 'Version', type: 'text', width: 70, help: 'Version of the agreement, e.g. 1.2.' },
        { key: 'agreedOn', header: 'Agreed on', type: 'date', width: 100, help: 'Date the representatives and the service manager agreed it.' },
        { key: 'nextReview', header: 'Next review', type: 'date', width: 100, help: 'Date of the next scheduled review.' },
        {
          key: 'availabilityTarget',
          header: 'Availability target %',
          type: 'percent',
          width: 110,
          help: 'Share of the service hours the service must be available, e.g. 99.',
        },
        {
          key: 'supportLevels',
          header: 'Support levels',
          type: 'text',
          width: 240,
          help: 'How to reach the service desk, its hours, and help outside those hours.',
        },
        { key: 'performance', header: 'Performance', type: 'text', width: 200, help: 'Measurable performance expected, e.g. "a page prints within 1 minute".' },
        { key: 'functionality', header: 'Functionality', type: 'text', width: 200, help: 'Errors or faults tolerated before the service is in breach.' },
        { key: 'continuity', header: 'Continuity', type: 'text', width: 200, help: 'Recovery plan if the service fails.' },
        { key: 'recoveryHours', header: 'Recovery time (h)', type: 'number', width: 100, help: 'Time to restore the service after a disaster, in hours.' },
        { key: 'security', header: 'Security', type: 'text', width: 200, help: 'Security arrangements users must know about and follow.' },
        { key: 'changes', header: 'Changes', type: 'text', width: 200, help: 'How changes to the service are requested and agreed, and the notice given.' },
        {
          key: 'responsibilities',
          header: "Users' responsibilities",
          type: 'text',
          width: 240,
          help: 'What users agree to do, e.g. report faults through the service desk, save work to the shared drive. The SLA says it once when every service says the same.',
        },
        {
          key: 'maintenance',
          header: 'Planned maintenance',
          type: 'text',
          width: 220,
          help: 'How planned maintenance is announced to users and when it is done, e.g. "Announced by email two school days ahead; done outside the service hours where possible".',
        },
        {
          key: 'complaints',
          header: 'Complaints',
          type: 'text',
          width: 220,
          help: 'How users complain or escalate when a call is not dealt with as agreed. The SLA names the service manager, head teacher and representatives from the People tab after it. Blank: the service desk, then the service manager, then the head teacher.',
        },
        {
          key: 'exceptions',
          header: 'Agreed exceptions',
          type: 'text',
          width: 240,
          help: 'A limit agreed with the users and printed in the SLA as agreed, e.g. "Faults that need the supplier wait until 09:00." Contract cover never goes in the SLA: Check contracts reports it to you.',
        },
      ],
    },
    targets: {
      key: 'targets',
      name: 'Targets',
      help: 'Response and resolution targets. The most specific row wins: service+type+priority, then service+type, then ALL+type+priority, then ALL+type.',
      columns: [
        serviceId('The service, or ALL for every service.', true),
        {
          key: 'type',
          header: 'Type',
          type: 'enum',
          required: true,
          width: 90,
          values: itemTypes,
          help: 'Incident (something broken) or Request (something wanted, e.g. a new account).',
        },
        {
          key: 'priority',
          header: 'Priority',
          type: 'enum',
          width: 90,
          values: priorities,
          help: 'Critical, High, Medium or Low. Blank applies to every priority.',
        },
        { key: 'description', header: 'Description', type: 'text', width: 200, help: 'What the target is about, e.g. "New account set up".' },
        {
          key: 'respondHours',
          header: 'Respond within (h)',
          type: 'number',
          width: 100,
          help: 'Working hours (support hours) allowed before the first response.',
        },
        {
          key: 'resolveHours',
          header: 'Resolve within (h)',
          type: 'number',
          width: 100,
          help: 'Working hours (support hours) allowed to resolve, less time on hold.',
        },
        { key: 'compliance', header: 'Compliance target %', type: 'percent', width: 110, help: 'Share of items that must meet the target, e.g. 95.' },
      ],
    },
    contracts: {
      key: 'contracts',
      name: 'Contracts',
      idKey: 'contractRef',
      help: 'Underpinning contracts (third parties) and OLAs (internal departments) that support the SLA.',
      columns: [
        { key: 'contractRef', header: 'Contract ref', type: 'id', required: true, width: 100, help: 'Short unique code for the contract.' },
        { key: 'supplier', header: 'Supplier', type: 'text', required: true, width: 170, help: 'Company or department providing support.' },
        {
          key: 'kind',
          header: 'Kind',
          type: 'enum',
          required: true,
          width: 70,
          values: ['UC', 'OLA'],
          help: 'UC (underpinning contract with a third party) or OLA (agreement with an internal department).',
        },
        {
          key: 'services',
          header: 'Services covered',
          type: 'refs',
          refTab: 'services',
          width: 160,
          help: 'Service IDs this contract underpins, comma-separated.',
        },
        {
          key: 'supportHours',
          header: 'Support hours',
          type: 'hours',
          width: 170,
          help: 'When the supplier gives support, e.g. "Mon-Fri 09:00-17:00" or "24x7". Blank means unknown.',
        },
        { key: 'respondHours', header: 'Respond within (h)', type: 'number', width: 100, help: 'Hours (in its support hours) the supplier has to respond.' },
        { key: 'fixHours', header: 'Fix within (h)', type: 'number', width: 100, help: 'Hours (in its support hours) the supplier has to fix.' },
        { key: 'annualCost', header: 'Annual cost', type: 'number', width: 100, help: 'Yearly cost of the contract.' },
        { key: 'start', header: 'Start', type: 'date', width: 100, help: 'Date the contract started.' },
        { key: 'renewal', header: 'Renewal', type: 'date', width: 100, help: 'Date the contract ends or renews.' },
        { key: 'contact', header: 'Contact', type: 'text', width: 180, help: 'How to log a call with the supplier (phone, email, portal).' },
      ],
    },
    incidents: {
      key: 'incidents',
      name: 'Incidents',
      idKey: 'ref',
      help: 'The incident and request log: one row per incident or request. Times are local date and time.',
      columns: [
        { key: 'ref', header: 'Ref', type: 'id', required: true, width: 80, help: 'Unique reference of the incident or request.' },
        serviceId('The service affected (Services tab).'),
        {
          key: 'type',
          header: 'Type',
          type: 'enum',
          required: true,
          width: 90,
          values: incidentTypes,
          help: 'Incident, Request or Planned maintenance (an outage announced in advance: not downtime when logged before it began; never judged against response or fix targets).',
        },
        { key: 'priority', header: 'Priority', type: 'enum', required: true, width: 90, values: priorities, help: 'Critical, High, Medium or Low.' },
        { key: 'summary', header: 'Summary', type: 'text', width: 240, help: 'What happened or what was asked for.' },
        {
          key: 'component',
          header: 'Component kind',
          type: 'enum',
          width: 110,
          values: componentKinds,
          help: 'The kind of component at fault, if known (Hardware, Software...).',
        },
        { key: 'opened', header: 'Opened', type: 'datetime', required: true, width: 130, help: 'When it was reported.' },
        { key: 'responded', header: 'Responded', type: 'datetime', width: 130, help: 'When support first responded.' },
        { key: 'resolved', header: 'Resolved', type: 'datetime', width: 130, help: 'When it was resolved. Blank while open.' },
        {
          key: 'onHoldHours',
          header: 'On hold (h)',
          type: 'number',
          width: 80,
          help: 'Working hours spent waiting on the user, deducted from resolution time. Used only when the Holds tab has no rows for this Ref.',
        },
        { key: 'serviceDown', header: 'Service down', type: 'yesno', width: 80, help: 'Yes if the whole service was unavailable (counts as downtime).' },
        { key: 'outageStart', header: 'Outage start', type: 'datetime', width: 130, help: 'Start of the outage. Blank means when opened.' },
        { key: 'outageEnd', header: 'Outage end', type: 'datetime', width: 130, help: 'End of the outage. Blank means when resolved.' },
        {
          key: 'contractRef',
          header: 'Contract ref',
          type: 'ref',
          refTab: 'contracts',
          width: 100,
          help: 'The contract under which a supplier was called, if any.',
        },
        { key: 'supplierLogged', header: 'Supplier logged', type: 'datetime', width: 130, help: 'When the call was logged with the supplier.' },
        { key: 'supplierResponded', header: 'Supplier responded', type: 'datetime', width: 130, help: 'When the supplier responded.' },
        { key: 'supplierFixed', header: 'Supplier fixed', type: 'datetime', width: 130, help: 'When the supplier fixed it.' },
      ],
    },
    holds: {
      key: 'holds',
      name: 'Holds',
      help: 'Times an incident or request waited on the user or a supplier: their working time is not counted in its resolution. Several holds of one item may overlap; they count once.',
      columns: [
        { key: 'ref', header: 'Ref', type: 'ref', refTab: 'incidents', required: true, width: 80, help: 'The incident or request on hold (Incidents tab).' },
        { key: 'from', header: 'From', type: 'datetime', required: true, width: 130, help: 'When it went on hold.' },
        { key: 'until', header: 'Until', type: 'datetime', width: 130, help: 'When work resumed. Blank while it is still on hold (counts to now).' },
        { key: 'reason', header: 'Reason', type: 'text', width: 220, help: 'What it waited for, e.g. "reply from the user", "part from the supplier".' },
      ],
    },
    calendars: {
      key: 'calendars',
      name: 'Calendars',
      idKey: 'name',
      help: 'Named sets of hours that Services and Contracts can use by name.',
      columns: [
        { key: 'name', header: 'Calendar', type: 'id', required: true, width: 140, help: 'Name used in an hours column, e.g. "School day".' },
        { key: 'hours', header: 'Hours', type: 'hours', required: true, width: 220, help: 'Weekly hours, e.g. "Mon-Thu 08:00-17:00; Fri 08:00-16:30".' },
        { key: 'timeZone', header: 'Time zone', type: 'text', width: 130, help: "IANA time zone such as Europe/London. Blank means the spreadsheet's." },
      ],
    },
    closures: {
      key: 'closures',
      name: 'Closures',
      help: 'Days a calendar is closed (holidays, INSET days, bank holidays): they count no working time.',
      columns: [
        {
          key: 'calendar',
          header: 'Calendar',
          type: 'ref',
          refTab: 'calendars',
          allowAll: true,
          required: true,
          width: 140,
          help: 'The calendar closed, or ALL for every calendar and every hours spec.',
        },
        { key: 'from', header: 'From', type: 'date', required: true, width: 100, help: 'First closed day.' },
        { key: 'to', header: 'To', type: 'date', width: 100, help: 'Last closed day (inclusive). Blank means the same day.' },
        { key: 'reason', header: 'Reason', type: 'text', width: 200, help: 'Why: half term, INSET day, bank holiday...' },
      ],
    },
    people: {
      key: 'people',
      name: 'People',
      idKey: 'name',
      help: 'Participants: the service manager, end-user representatives and supplier contacts.',
      columns: [
        { key: 'name', header: 'Name', type: 'id', required: true, width: 160, help: 'Full name.' },
        { key: 'email', header: 'Email', type: 'email', width: 200, help: 'Google account email, used to share documents for comment.' },
        {
          key: 'role',
          header: 'Role',
          type: 'enum',
          required: true,
          width: 170,
          values: ['Service manager', 'End-user representative', 'Supplier contact', 'Head teacher'],
          help: 'Service manager, End-user representative, Supplier contact or Head teacher.',
        },
        { key: 'area', header: 'Area', type: 'text', width: 140, help: 'Department, year group or team they speak for.' },
        {
          key: 'student',
          header: 'Student?',
          type: 'yesno',
          width: 80,
          help: 'Yes for a student, No for a member of staff. The workbook is never shared with a student, nor with anyone while this is blank.',
        },
        {
          key: 'services',
          header: 'Services represented',
          type: 'refs',
          refTab: 'services',
          allowAll: true,
          width: 170,
          help: 'Service IDs they represent, comma-separated, or ALL.',
        },
        {
          key: 'access',
          header: 'Access',
          type: 'text',
          width: 220,
          help: 'What they can open and how (comment, editor), as Drive had it when last shared from the SLM panel (written by the panel).',
        },
      ],
    },
    reviews: {
      key: 'reviews',
      name: 'Reviews',
      help: 'Findings and actions from service review meetings.',
      columns: [
        { key: 'reviewDate', header: 'Review date', type: 'date', required: true, width: 100, help: 'Date of the review meeting.' },
        {
          key: 'question',
          header: 'Question',
          type: 'enum',
          required: true,
          width: 220,
          values: [
            'Services we did not know existed',
            'Trends in how work is prioritised',
            'Clashes in priority or availability',
            'Third-party response or fix issues',
            'Other support issues',
          ],
          help: 'Which of the five review questions the finding answers.',
        },
        { key: 'serviceId', header: 'Service ID', type: 'ref', refTab: 'services', width: 90, help: 'The service concerned, if any.' },
        { key: 'finding', header: 'Finding', type: 'text', required: true, width: 280, help: 'What the review found.' },
        { key: 'action', header: 'Action', type: 'text', width: 240, help: 'What will be done about it.' },
        { key: 'owner', header: 'Owner', type: 'text', width: 130, help: 'Who will do it.' },
        { key: 'due', header: 'Due', type: 'date', width: 100, help: 'When it is due.' },
        {
          key: 'status',
          header: 'Status',
          type: 'enum',
          width: 100,
          values: ['Open', 'In progress', 'Done', 'Dropped'],
          help: 'Open, In progress, Done or Dropped.',
        },
      ],
    },
    comments: {
      key: 'comments',
      name: 'Comments',
      idKey: 'commentId',
      help: 'Comments representatives made on the SLA, the service reviews and their workbook, brought in by Collect comments so the next review can act on them. One row per comment; collecting again updates a row, never adds it twice.',
      columns: [
        {
          key: 'commentId',
          header: 'Comment ID',
          type: 'id',
          required: true,
          width: 110,
          help: "Drive's id of the comment: Collect comments finds the row again by it. Leave it as it is.",
        },
        { key: 'document', header: 'Document', type: 'text', required: true, width: 220, help: 'The document or workbook commented on.' },
        { key: 'author', header: 'Author', type: 'text', width: 150, help: 'Who wrote it, by their Google name.' },
        { key: 'date', header: 'Date', type: 'datetime', required: true, width: 130, help: 'When it was made.' },
        {
          key: 'serviceId',
          header: 'Service ID',
          type: 'ref',
          refTab: 'services',
          width: 90,
          help: 'The service it concerns, when the text commented on or the comment names one.',
        },
        { key: 'quoted', header: 'Commented on', type: 'text', width: 220, help: 'The text or cell the comment was made on.' },
        { key: 'comment', header: 'Comment', type: 'text', required: true, width: 340, help: 'What was said, then each reply on a line of its own.' },
        { key: 'resolved', header: 'Resolved', type: 'yesno', width: 80, help: 'Yes once the comment is marked resolved in the document.' },
        { key: 'link', header: 'Link', type: 'text', width: 200, help: 'The document commented on.' },
      ],
    },
    documents: {
      key: 'documents',
      name: 'Documents',
      help: 'Documents generated from this workbook (SLA versions and service reviews), newest last.',
      columns: [
        { key: 'type', header: 'Document', type: 'enum', required: true, width: 120, values: ['SLA', 'Service review'], help: 'SLA or Service review.' },
        { key: 'label', header: 'Period or version', type: 'text', width: 170, help: 'The period reviewed, or the SLA version.' },
        { key: 'created', header: 'Created', type: 'datetime', required: true, width: 130, help: 'When it was generated.' },
        { key: 'name', header: 'Name', type: 'text', width: 260, help: 'Document name.' },
        { key: 'link', header: 'Link', type: 'text', width: 300, help: 'Link to the Google Doc.' },
        {
          key: 'contents',
          header: 'Contents',
          type: 'text',
          width: 200,
          help: 'A short fingerprint of what an SLA said, so the next version can list what changed. Leave it as it is.',
        },
        {
          key: 'signed',
          header: 'Signed',
          type: 'text',
          width: 260,
          help: 'Who signed this SLA version and when, as Record sign-off wrote it. A signed version is never changed: the next generation is a new version.',
        },
      ],
    },
    settings: {
      key: 'settings',
      name: 'Settings',
      help: "The school's assumptions the findings, documents and daily digest use, one row per setting. Set up workbook adds a missing row with its default; a blank or unreadable Value means the default.",
      columns: [
        { key: 'setting', header: 'Setting', type: 'text', required: true, width: 230, help: 'The name of the setting. Leave it as Set up workbook wrote it.' },
        { key: 'value', header: 'Value', type: 'text', width: 90, help: 'The value the school uses. Blank means the default given under Meaning.' },
        { key: 'meaning', header: 'Meaning', type: 'text', width: 520, help: 'What the setting changes, and its default.' },
      ],
    },
  } as const satisfies Record<TabKey, TabDef>;
};

export type Schema = ReturnType<typeof defineSchema>;
let cached: Schema | undefined;

/** The workbook schema, built on first use. */
export const workbookSchema = (): Schema => (cached ??= defineSchema());

/** Tabs in the order the template shows them. */
export const tabOrder = (): readonly TabKey[] => [
  'services',
  'equipment',
  'sla',
  'targets',
  'contracts',
  'incidents',
  'holds',
  'calendars',
  'closures',
  'people',
  'reviews',
  'comments',
  'documents',
  'settings',
];

export const tabDef = (key: TabKey): TabDef => workbookSchema()[key];

/** Name of the named range covering a tab's columns, used by the Dashboard's formulas. */
export const namedRangeName = (key: TabKey): string => `SLM_${workbookSchema()[key].name}`;

/** The Incidents fields an import writes, in the order its memory keeps them. */
export const IMPORTED_KEYS = ['ref', 'serviceId', 'type', 'priority', 'summary', 'opened', 'responded', 'resolved'] as const;
export type ImportedKey = (typeof IMPORTED_KEYS)[number];

/**
 * The import's memory, a hidden tab: one row per Ref the import has written, holding what it last wrote in
 * each Incidents field it feeds (as JSON text; a blank cell: never written), so that a cell a person has
 * changed since is told apart from one the import wrote, and kept. It scales with the log (one row per
 * Ref), unlike a document property. Not a tab of the template: the import makes it when it first writes.
 */
export const importMemoryTab = () => ({
  name: 'SLM import memory',
  help: 'What the last import wrote for each Ref (kept by Import incidents, so a value a person has corrected since is kept). Leave it as it is; deleting it only makes the next import treat every differing value as a correction.',
  columns: IMPORTED_KEYS.map((k) => workbookSchema().incidents.columns.find((c) => c.key === k)!),
});
