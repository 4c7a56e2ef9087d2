/** The Schools tab read: each school, its workbook's id and whether it is included. */
import { idFromLink } from '../documents/naming';
import { schoolsTab } from '../schema/trust';
import { appendAll, isBlank } from '../values';
import { locateColumns } from '../workbook/columns';
import { readCell } from '../workbook/cells';
import { displayValue } from '../workbook/display';
import { quotable, type Problem } from '../workbook/problems';
import { missingColumnProblems } from '../workbook/parseTab';

export interface SchoolEntry {
  /** Row on the Schools tab. */
  readonly row: number;
  readonly name: string;
  /** The workbook's Drive id; undefined when the cell holds no link or id (then `problem` says why). */
  readonly workbookId: string | undefined;
  readonly contact: string | undefined;
  readonly included: boolean;
}

/** A bare Drive id: what Drive's links carry after /d/. */
const BARE_ID = /^[A-Za-z0-9_-]{20,}$/;

/** The workbook's id from a link ("…/spreadsheets/d/<id>/edit…") or a bare id. */
export function workbookIdOf(cell: string): string | undefined {
  const text = cell.trim();
  return idFromLink(text) ?? (BARE_ID.test(text) ? text : undefined);
}

/**
 * The Schools tab's rows (values as getValues() returns them, header first). A row without a school or a
 * readable workbook is a problem naming its row and column; the others go on. A workbook listed twice is read once.
 */
export function parseSchools(values: readonly (readonly unknown[])[] | undefined, timeZone: string): { schools: SchoolEntry[]; problems: Problem[] } {
  const tab = schoolsTab();
  const problems: Problem[] = [];
  if (!values || values.length === 0) {
    return {
      schools: [],
      problems: [
        { tab: tab.name, row: 0, column: '', value: '', severity: 'error', message: 'The Schools tab is missing. Run "Set up as trust workbook" to add it.' },
      ],
    };
  }
  const { index, missing } = locateColumns(values[0], tab);
  appendAll(problems, missingColumnProblems(tab, missing, 'Set up as trust workbook'));
  const cell = (line: readonly unknown[], key: string): unknown => (index[key] === undefined ? '' : line[index[key]]);
  const seen = new Set<string>();
  const schools: SchoolEntry[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (tab.columns.every((c) => isBlank(cell(line, c.key)))) continue;
    const row = r + 1;
    const bad = (column: string, raw: unknown, message: string) =>
      problems.push({ tab: tab.name, row, column, value: quotable(displayValue(raw, timeZone)), severity: 'error', message });
    const name = String(cell(line, 'school') ?? '').trim();
    if (!name) {
      bad('School', '', 'School is required but blank. The row is left out.');
      continue;
    }
    const includedCol = tab.columns.find((c) => c.key === 'included')!;
    const rawIncluded = cell(line, 'included');
    const included = isBlank(rawIncluded) ? { ok: true as const, value: true } : readCell(includedCol, rawIncluded, timeZone);
    if (!included.ok)
      bad(includedCol.header, rawIncluded, `"${quotable(displayValue(rawIncluded, timeZone))}" is not valid: expected Yes or No. The school is left out.`);
    const contactCol = tab.columns.find((c) => c.key === 'contact')!;
    const rawContact = cell(line, 'contact');
    const contact = isBlank(rawContact) ? undefined : readCell(contactCol, rawContact, timeZone);
    if (contact && !contact.ok)
      bad(contactCol.header, rawContact, `"${quotable(displayValue(rawContact, timeZone))}" is not valid: expected ${contact.expected}.`);
    const rawBook = cell(line, 'workbook');
    const workbookId = isBlank(rawBook) ? undefined : workbookIdOf(String(rawBook));
    if (!workbookId)
      bad(
        'Workbook',
        rawBook,
        isBlank(rawBook)
          ? "Workbook is required but blank: paste a link to the school's SLM Workbook."
          : "This is not a link to a Google spreadsheet: paste the link from the school's workbook (Share → Copy link).",
      );
    if (workbookId && seen.has(workbookId)) {
      bad('Workbook', rawBook, 'This workbook is listed on an earlier row too: it is read once, for the earlier row.');
      continue;
    }
    if (workbookId) seen.add(workbookId);
    schools.push({
      row,
      name,
      workbookId,
      contact: contact?.ok ? (contact.value as string) : undefined,
      included: included.ok ? included.value === true : false,
    });
  }
  return { schools, problems };
}
