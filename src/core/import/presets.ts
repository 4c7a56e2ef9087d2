/**
 * What each helpdesk's export looks like: its column headers (alternatives separated by "|") and the
 * prefix of the Ref made from its ticket number. Priority, type and status words are read by the
 * shared word lists in values.ts, which hold every word these exports use.
 */
export type ImportField = 'ref' | 'serviceId' | 'type' | 'priority' | 'summary' | 'opened' | 'responded' | 'resolved' | 'status' | 'updated';

export const IMPORT_FIELDS: readonly ImportField[] = ['ref', 'serviceId', 'type', 'priority', 'summary', 'opened', 'responded', 'resolved', 'status', 'updated'];

export interface Preset {
  readonly id: string;
  readonly name: string;
  /** Ref = prefix + the ticket number, so tickets from two tools never share a Ref. */
  readonly refPrefix: string;
  readonly columns: Partial<Record<ImportField, string>>;
}

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

export const presetById = (id: string | undefined): Preset | undefined =>
  id === GENERIC.id ? GENERIC : PRESETS.find((p) => p.id === id);
