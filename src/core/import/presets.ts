/**
 * What each helpdesk's export looks like: its column headers (alternatives separated by "|") and the
 * prefix of the Ref made from its ticket number; and the priority and type words every one of these
 * exports uses. The build ships it all as dist/ImportPresets.html, read only by the import, so the
 * bundle every custom-function call loads stays small; the bundle imports only the types.
 */
import type { ImportData, ImportField, Preset } from './types';

export const PRESETS: readonly Preset[] = [
  // osTicket, include/class.export.php (Export::dumpTickets): "Ticket Number", "Date Created", "Subject",
  // "Priority" (Low/Normal/High/Emergency), "Department", "Help Topic", "Current Status" (Open, Resolved,
  // Closed), "Last Updated"; 1.11+ queues add "Closed Date". Dates are MySQL "2025-03-04 09:15:00".
  { id: 'osticket', name: 'osTicket', refPrefix: 'OST-', columns: {
    ref: 'Ticket Number', opened: 'Date Created', summary: 'Subject', priority: 'Priority', serviceId: 'Help Topic|Department',
    status: 'Current Status', updated: 'Last Updated', resolved: 'Closed Date' } },
  // GLPI, src/CommonITILObject.php search options: "ID", "Title", "Status" (New, Processing (assigned),
  // Processing (planned), Pending, Solved, Closed), "Opening date", "Resolution date", "Closing date",
  // "Last update", "Priority" (Very low..Very high, Major), "Type" (Incident/Request), "Category".
  // Its CSV export separates with ";" and writes dates in the user's chosen order (Y-m-d, d-m-Y or m-d-Y).
  { id: 'glpi', name: 'GLPI', refPrefix: 'GLPI-', columns: {
    ref: 'ID', summary: 'Title', status: 'Status', opened: 'Opening date', resolved: 'Resolution date|Closing date',
    updated: 'Last update', priority: 'Priority', type: 'Type', serviceId: 'Category' } },
  // Freshdesk, lib/helpdesk/ticket_model_extension.rb (csv_headers): "Ticket Id", "Subject", "Status"
  // (Open, Pending, Resolved, Closed), "Priority" (Low, Medium, High, Urgent), "Type" (Question,
  // Incident, Problem, Feature Request), "Group", "Created Time", "Resolved Time", "Closed Time",
  // "Last Updated Time"; later exports add "Initial Response Time".
  { id: 'freshdesk', name: 'Freshdesk', refPrefix: 'FD-', columns: {
    ref: 'Ticket Id', summary: 'Subject', status: 'Status', priority: 'Priority', type: 'Type', serviceId: 'Group',
    opened: 'Created Time', resolved: 'Resolved Time|Closed Time', responded: 'Initial Response Time', updated: 'Last Updated Time' } },
  // Zammad, lib/excel_sheet/ticket.rb (ticket_header): "#", "Title", "State" (new, open, pending
  // reminder, pending close, closed, merged), "Priority" ("1 low", "2 normal", "3 high"), "Group",
  // "Created At", "Closed At", "First Response At", "Updated At".
  { id: 'zammad', name: 'Zammad', refPrefix: 'ZM-', columns: {
    ref: '#', summary: 'Title', status: 'State', priority: 'Priority', serviceId: 'Group', opened: 'Created At',
    resolved: 'Closed At', responded: 'First Response At', updated: 'Updated At' } },
];

/** Any other export: columns found by the usual names (and by our own Incidents headers). Ref kept as it is. */
export const GENERIC: Preset = { id: 'generic', name: 'Other (columns matched by name)', refPrefix: '', columns: {
  ref: 'Ref|Ticket|Ticket ID|Ticket Number|Ticket No|Number|ID|Key|Issue key|Request ID|Incident ID',
  serviceId: 'Service ID|Service|Category|Help Topic|Group|Department|Queue|Component',
  type: 'Type|Ticket Type|Issue Type|Request Type',
  priority: 'Priority|Urgency',
  summary: 'Summary|Subject|Title|Short description',
  opened: 'Opened|Created|Created At|Created Time|Date Created|Opening date|Submitted',
  responded: 'Responded|First Response At|Initial Response Time|First responded',
  resolved: 'Resolved|Resolved At|Resolved Time|Resolution date|Solved At|Closed|Closed At|Closed Date|Closing date',
  status: 'Status|State|Current Status',
  updated: 'Updated|Updated At|Last Updated|Last update|Last Updated Time' } };

/** Our priority and type for each word ("|"-separated); a leading number and punctuation are ignored. */
const WORDS = {
  priorities: {
    Critical: 'critical|urgent|emergency|major|very high|highest|p1|1', High: 'high|p2|2',
    Medium: 'medium|normal|moderate|p3|3', Low: 'low|very low|lowest|planning|p4|p5|4|5',
  },
  types: { Incident: 'incident|problem|fault|break fix|outage|bug', Request: 'request|service request|demand|question|feature request|change|task|access' },
};

const LABELS: Record<ImportField, string> = {
  ref: 'Ref (ticket number)', serviceId: 'Service (category, topic or group)', type: 'Type', priority: 'Priority', summary: 'Summary',
  opened: 'Opened', responded: 'Responded', resolved: 'Resolved', status: 'Status', updated: 'Last updated',
};

export const importData = (): ImportData => ({ presets: [...PRESETS], generic: GENERIC, labels: LABELS, ...WORDS });

/** The data as that file's text: JSON, with "<" escaped so no HTML handling can alter it. */
export const importFileText = (data: ImportData): string => JSON.stringify(data).replace(/</g, '\\u003c');
