/**
 * Who may open what: representatives and the head teacher comment on the documents; the workbook (staff
 * names in the incident log, contract costs, everyone's email) only for members of staff the service manager
 * ticks, never for a student. Whether someone is a student is the People tab's Student? column, never a guess
 * from their role or area.
 */
import { escapeHtml } from '../html';
import type { Person } from '../schema/records';

/** How a person can open a file, as Drive has it. */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };
const WORD: Record<Role, string> = { owner: 'owner', editor: 'editor', commenter: 'comment', viewer: 'view only' };

/** The people the sharing panel offers: end-user representatives and the head teacher. */
export const sharingCandidates = (people: readonly Person[]): Person[] =>
  people.filter((p) => p.role === 'End-user representative' || p.role === 'Head teacher');

/** The strongest of several roles (a person who edits one document and comments on another edits). */
export const strongest = (roles: ReadonlyArray<Role | undefined>): Role | undefined =>
  roles.reduce<Role | undefined>((best, r) => (r && (!best || RANK[r] > RANK[best]) ? r : best), undefined);

/** Why the workbook may not be shared with this person, or undefined when it may. */
export function workbookRefusal(p: Pick<Person, 'student'>): string | undefined {
  if (p.student === true) return 'the workbook is never shared with a student (Student? is Yes on the People tab)';
  if (p.student !== false) return 'Student? is blank on the People tab: set it to No for a member of staff before sharing the workbook';
  return undefined;
}

/** What the People tab's Access column says: what the person can open and how, as Drive has it on `date`. */
export function accessText(documents: Role | undefined, workbook: Role | undefined, date: string): string {
  if (!documents && !workbook) return `None (${date})`;
  const what =
    documents && workbook && documents === workbook
      ? `SLA, review and workbook (${WORD[documents]})`
      : [documents ? `SLA and review (${WORD[documents]})` : '', workbook ? `workbook (${WORD[workbook]})` : ''].filter(Boolean).join('; ');
  return `${what}, as of ${date}`;
}

/** The one message a person gets when something is shared with them (Drive itself sends none). */
export function sharingMessage(
  school: string,
  name: string,
  files: ReadonlyArray<{ name: string; url: string }>,
): { subject: string; text: string; html: string } {
  const subject = `${school}: ${files.length === 1 ? files[0].name : 'service level documents'} shared with you for comment`;
  const lead = `Dear ${name}, the ICT service manager has shared ${files.length === 1 ? 'this document' : 'these documents'} with you so that you can read and comment before the next service review:`;
  const close = 'You can comment in the document itself. Your comments are read into the next review.';
  return {
    subject,
    text: [lead, '', ...files.map((f) => `- ${f.name}: ${f.url}`), '', close].join('\n'),
    html: `<p>${escapeHtml(lead)}</p><ul>${files.map((f) => `<li><a href="${escapeHtml(f.url)}">${escapeHtml(f.name)}</a></li>`).join('')}</ul><p>${escapeHtml(close)}</p>`,
  };
}
