/**
 * Who may open what: representatives and the head teacher comment on the documents; the workbook (staff
 * names in the incident log, contract costs, everyone's email) only for those the service manager ticks,
 * never suggested for a student.
 */
import type { Person } from '../schema/records';

/** A student representative, by role or area ("Student council (Year 11)", "Sixth form", "Pupil voice"). */
export const isStudent = (p: Pick<Person, 'area' | 'role'>): boolean => /student|pupil|\byear \d+|sixth form/i.test(`${p.role} ${p.area ?? ''}`);

/** The people the sharing panel offers: end-user representatives and the head teacher. */
export const sharingCandidates = (people: readonly Person[]): Person[] =>
  people.filter((p) => p.role === 'End-user representative' || p.role === 'Head teacher');

/** What the People tab's Access column says after sharing. */
export function accessText(documents: boolean, workbook: boolean, date: string): string {
  const what = documents && workbook ? 'SLA, review and workbook' : documents ? 'SLA and review' : workbook ? 'Workbook' : '';
  return what ? `${what} (comment), since ${date}` : `None (${date})`;
}
