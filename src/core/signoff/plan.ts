/**
 * Recording that an SLA version was signed: who may sign it (the head teacher, the service manager and the
 * representatives of the services it covers, from the People tab), what the sign-off line says, and what
 * follows on the SLA tab (every service agreed on the day it was signed).
 */
import type { DocumentRecord, Person, Sla } from '../schema/records';
import { lastSlaRecord } from '../documents/versions';
import { longDate } from '../text';

export interface Signatory {
  readonly name: string;
  readonly role: string;
}

export interface SignOffPlan {
  /** The newest SLA on the Documents tab, or undefined when none was generated. */
  readonly document: DocumentRecord | undefined;
  readonly signatories: Signatory[];
  /** The sign-off already recorded for that version, or ''. */
  readonly signed: string;
}

const SIGNS = new Set(['Head teacher', 'Service manager', 'End-user representative']);

export function signOffPlan(documents: readonly DocumentRecord[], people: readonly Person[]): SignOffPlan {
  const document = lastSlaRecord(documents);
  const order = (p: Person) => ['Head teacher', 'Service manager', 'End-user representative'].indexOf(p.role);
  const signatories = people
    .filter((p) => SIGNS.has(p.role))
    .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, role: p.role }));
  return { document, signatories, signed: document?.signed?.trim() ?? '' };
}

/** "Signed on 7 December 2026 by Ann Head (Head teacher), Tom Rep (End-user representative)". */
export function signedLine(signers: readonly Signatory[], at: number, timeZone: string): string {
  return `Signed on ${longDate(at, timeZone)} by ${signers.map((s) => `${s.name} (${s.role})`).join(', ')}`;
}

/** The SLA rows a sign-off changes: each becomes Agreed (a Monitoring one stays Monitoring) on the day signed. */
export function agreedRows(slas: readonly Sla[], at: number): { row: number; status: Sla['status']; agreedOn: number }[] {
  return slas
    .map((s) => ({ row: s.row, status: (s.status === 'Monitoring' ? 'Monitoring' : 'Agreed') as Sla['status'], agreedOn: at }))
    .filter((c, i) => c.status !== slas[i].status || slas[i].agreedOn !== at);
}
