/**
 * What each helpdesk's export looks like: its column headers (alternatives separated by "|") and the
 * prefix of the Ref made from its ticket number; the priority and type words these exports use; the
 * import's messages; and the "Log a call" form's questions. The build ships it all as
 * dist/IncidentIntake.html, read only by the import and the form, so the bundle every custom-function
 * call loads stays small; the bundle imports only the types.
 */
import type { CallFormText, ImportData, ImportField, Preset } from './types';

const PRESETS: readonly Preset[] = [
  // osTicket, include/class.export.php (Export::dumpTickets): "Ticket Number", "Date Created", "Subject",
  // "Priority" (Low/Normal/High/Emergency), "Department", "Help Topic", "Current Status" (Open, Resolved,
  // Closed), "Last Updated"; 1.11+ queues add "Closed Date". Dates are MySQL "2025-03-04 09:15:00".
  {
    id: 'osticket',
    name: 'osTicket',
    refPrefix: 'OST-',
    columns: {
      ref: 'Ticket Number',
      opened: 'Date Created',
      summary: 'Subject',
      priority: 'Priority',
      serviceId: 'Help Topic|Department',
      status: 'Current Status',
      updated: 'Last Updated',
      resolved: 'Closed Date',
    },
  },
  // GLPI, src/CommonITILObject.php search options: "ID", "Title", "Status" (New, Processing (assigned),
  // Processing (planned), Pending, Solved, Closed), "Opening date", "Resolution date", "Closing date",
  // "Last update", "Priority" (Very low..Very high, Major), "Type" (Incident/Request), "Category".
  // Its CSV export separates with ";" and writes dates in the user's chosen order (Y-m-d, d-m-Y or m-d-Y).
  {
    id: 'glpi',
    name: 'GLPI',
    refPrefix: 'GLPI-',
    columns: {
      ref: 'ID',
      summary: 'Title',
      status: 'Status',
      opened: 'Opening date',
      resolved: 'Resolution date|Closing date',
      updated: 'Last update',
      priority: 'Priority',
      type: 'Type',
      serviceId: 'Category',
    },
  },
  // Freshdesk, lib/helpdesk/ticket_model_extension.rb (csv_headers): "Ticket Id", "Subject", "Status"
  // (Open, Pending, Resolved, Closed), "Priority" (Low, Medium, High, Urgent), "Type" (Question,
  // Incident, Problem, Feature Request), "Group", "Created Time", "Resolved Time", "Closed Time",
  // "Last Updated Time"; later exports add "Initial Response Time".
  {
    id: 'freshdesk',
    name: 'Freshdesk',
    refPrefix: 'FD-',
    columns: {
      ref: 'Ticket Id',
      summary: 'Subject',
      status: 'Status',
      priority: 'Priority',
      type: 'Type',
      serviceId: 'Group',
      opened: 'Created Time',
      resolved: 'Resolved Time|Closed Time',
      responded: 'Initial Response Time',
      updated: 'Last Updated Time',
    },
  },
  // Zammad, lib/excel_sheet/ticket.rb (ticket_header): "#", "Title", "State" (new, open, pending
  // reminder, pending close, closed, merged), "Priority" ("1 low", "2 normal", "3 high"), "Group",
  // "Created At", "Closed At", "First Response At", "Updated At".
  {
    id: 'zammad',
    name: 'Zammad',
    refPrefix: 'ZM-',
    columns: {
      ref: '#',
      summary: 'Title',
      status: 'State',
      priority: 'Priority',
      serviceId: 'Group',
      opened: 'Created At',
      resolved: 'Closed At',
      responded: 'First Response At',
      updated: 'Updated At',
    },
  },
];

/** Any other export: columns found by the usual names (and by our own Incidents headers). Ref kept as it is. */
const GENERIC: Preset = {
  id: 'generic',
  name: 'Other (columns matched by name)',
  refPrefix: '',
  columns: {
    ref: 'Ref|Ticket|Ticket ID|Ticket Number|Ticket No|Number|ID|Key|Issue key|Request ID|Incident ID',
    serviceId: 'Service ID|Service|Category|Help Topic|Group|Department|Queue|Component',
    type: 'Type|Ticket Type|Issue Type|Request Type',
    priority: 'Priority|Urgency',
    summary: 'Summary|Subject|Title|Short description',
    opened: 'Opened|Created|Created At|Created Time|Date Created|Opening date|Submitted',
    responded: 'Responded|First Response At|Initial Response Time|First responded',
    resolved: 'Resolved|Resolved At|Resolved Time|Resolution date|Solved At|Closed|Closed At|Closed Date|Closing date',
    status: 'Status|State|Current Status',
    updated: 'Updated|Updated At|Last Updated|Last update|Last Updated Time',
  },
};

/** Our priority and type for each word ("|"-separated); a leading number and punctuation are ignored. */
const WORDS = {
  priorities: {
    Critical: 'critical|urgent|emergency|major|very high|highest|p1|1',
    High: 'high|p2|2',
    Medium: 'medium|normal|moderate|p3|3',
    Low: 'low|very low|lowest|planning|p4|p5|4|5',
  },
  types: { Incident: 'incident|problem|fault|break fix|outage|bug', Request: 'request|service request|demand|question|feature request|change|task|access' },
};

const LABELS: Record<ImportField, string> = {
  ref: 'Ref (ticket number)',
  serviceId: 'Service (category, topic or group)',
  type: 'Type',
  priority: 'Priority',
  summary: 'Summary',
  opened: 'Opened',
  responded: 'Responded',
  resolved: 'Resolved',
  status: 'Status',
  updated: 'Last updated',
};

/** The import's messages; "{0}"... are filled in by the plan. */
const TEXTS = {
  datesIso: 'Dates are written year first (2025-12-31), so they read only one way.',
  noResponse:
    'This export has no first-response time: its calls are judged on their fix times only, and their response targets are not judged (the figures count them as "no response time recorded"). If the file has such a column, choose it for {0} below.',
  datesChosen: 'Dates are read {0}, as chosen.',
  datesFile: 'Dates are read {0}: the file has dates that can only be read that way.',
  datesLocale: "The file's dates could be read either way; they are read {0}, as the spreadsheet's locale ({1}) writes them. Change it below if that is wrong.",
  dmy: 'day first (31/12/2025)',
  mdy: 'month first (12/31/2025)',
  empty: 'The file is empty.',
  headerOnly: 'The file has a header row but no tickets under it.',
  noColumn: "No column was found for {0}. Choose the file's column for each below.",
  bothWays: 'Some dates in the file can only be read day first and others only month first. Choose how to read them below.',
  noTab: 'There is no Incidents tab with a header row. Run "Set up workbook" first.',
  tabColumn: 'The Incidents tab has no {0} column. Run "Set up workbook" to add it.',
  noNumber: 'There is no ticket number ({0}).',
  extraFields:
    'The line has {0} values where the header has {1} columns: a value holds the separator without quotes around it, so its columns cannot be told apart. Correct the line (or export again) and import it again.',
  longNumber: 'The ticket number ({0}) is over 200 characters: it is not a ticket number.',
  cut: 'The {0} is longer than the {1} characters a Sheets cell holds: it is cut to fit, ending in "…".',
  twice: 'Ref {0} is in the file twice (first on line {1}); only the first is imported.',
  ignored: 'Ticket {0} is {1}: it is not imported.',
  service: '"{0}" is not matched to a service: choose its Service ID below.',
  noService: 'There is no {0}, so the service is not known.',
  priority: 'Priority "{0}" is not matched to Critical, High, Medium or Low: choose one below.',
  noPriority: 'There is no priority.',
  type: 'Type "{0}" is not matched to Incident or Request: choose one below.',
  date: '{0} "{1}" is not a date and time.',
  noOpened: 'There is no {0} date.',
  noResolved: 'Ticket {0} is {1} but the file gives no time it was resolved.',
  backwards: '{0} is before {1}.',
};

/** The "Log a call" form: questions, and the answers that mean each of our types and priorities. */
const FORM: CallFormText = {
  title: 'Log a call with ICT support',
  description: 'Tell ICT support what is wrong or what you need. Your call goes straight into the service log.',
  service: 'Which service is it about?',
  type: 'What do you need?',
  types: [
    ['Something is broken or not working', 'Incident'],
    ['Something new or changed (an account, software, access)', 'Request'],
  ],
  impact: 'How bad is it?',
  impacts: [
    ['Nobody can work (the whole class, office or school)', 'Critical'],
    ['I cannot work', 'High'],
    ['I can work around it', 'Medium'],
    ['It can wait', 'Low'],
  ],
  summary: 'What happened, or what do you need?',
  name: 'Your name',
  logged: 'Logged as (SLM Workbook)',
  before: '(before this column)',
};

export const importData = (): ImportData => ({ presets: [...PRESETS], generic: GENERIC, labels: LABELS, ...WORDS, texts: TEXTS, form: FORM });

/** The data as that file's text: JSON, with "<" escaped so no HTML handling can alter it. */
export const importFileText = (data: ImportData): string => JSON.stringify(data).replace(/</g, '\\u003c');
