/**
 * Sharing with the representatives, from the SLM panel: the plan first (who gets what), then only what
 * the service manager ticked is shared, and what is unticked is un-shared. Each person's access is
 * recorded on the People tab. Nothing is shared by generating a document.
 */
import type { SharingChoice, SharingPlan, ShareResult } from '../api';
import { accessText, isStudent, sharingCandidates } from '../core/docs/sharing';
import { idFromLink } from '../core/docs/naming';
import { longDate } from '../core/text';
import type { Workbook } from '../core/workbook/parseWorkbook';
import { addCommenters, removeCommenter, viewersOf } from '../adapters/drive';
import { withDocumentLock } from '../adapters/lock';
import { readWorkbook, writeColumnCells } from '../adapters/sheets';
import { sharingChoicesArg } from './arguments';

/** The newest SLA and the newest representatives' review on the Documents tab (never the internal one). */
function latestDocuments(wb: Workbook): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const type of ['SLA', 'Service review'] as const) {
    const newest = wb.documents.filter((d) => d.type === type && d.link && !/\(internal\)$/.test(d.label ?? '')).sort((a, b) => a.created - b.created).pop();
    const id = newest?.link ? idFromLink(newest.link) : undefined;
    if (id) out.push({ id, name: newest!.name ?? type });
  }
  return out;
}

export function getSharingPlan(): SharingPlan {
  const ss = SpreadsheetApp.getActive();
  const wb = readWorkbook(ss).workbook;
  const docs = latestDocuments(wb);
  const docViewers = docs.map((d) => viewersOf(d.id));
  const bookViewers = viewersOf(ss.getId());
  return {
    documents: docs.map((d) => d.name),
    people: sharingCandidates(wb.people).map((p) => {
      const email = p.email?.toLowerCase() ?? null;
      const student = isStudent(p);
      return {
        name: p.name, email, role: p.role, area: p.area ?? null, student, access: p.access ?? null,
        // Suggested for everyone with an email, unless they hold access now or were un-shared before.
        documents: !!email && (docViewers.some((v) => v.has(email)) || !p.access?.startsWith('None')),
        // Suggested only to keep what a member of staff already has; a student's is suggested off.
        workbook: !!email && !student && bookViewers.has(email),
      };
    }),
  };
}

/** Shares and un-shares as ticked, under the document lock; one batch per file for those added. */
export function applySharing(choices: SharingChoice[]): ShareResult {
  const ticked = sharingChoicesArg(choices);
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const wb = readWorkbook(ss).workbook;
    const docs = latestDocuments(wb).map((d) => d.id);
    const chosen = new Map(ticked.map((c) => [c.name, c]));
    const today = longDate(Date.now(), ss.getSpreadsheetTimeZone());
    const result: ShareResult = { shared: [], skipped: [] };
    const refused = new Set<string>();
    const files = [...docs.map((id) => ({ id, doc: true })), { id: ss.getId(), doc: false }];
    const people = sharingCandidates(wb.people).filter((p) => chosen.has(p.name));
    for (const p of people.filter((x) => !x.email)) result.skipped.push(`${p.name} (no email on the People tab)`);
    for (const f of files) {
      const wants = (p: typeof people[number]) => (f.doc ? chosen.get(p.name)!.documents : chosen.get(p.name)!.workbook) === true;
      const viewers = viewersOf(f.id);
      for (const e of addCommenters(f.id, people.filter((p) => p.email && wants(p)).map((p) => p.email!))) refused.add(e.toLowerCase());
      for (const p of people) if (p.email && !wants(p) && viewers.has(p.email.toLowerCase()) && !removeCommenter(f.id, p.email)) refused.add(p.email.toLowerCase());
    }
    const access = new Map<string, string>();
    for (const p of people) {
      if (!p.email) continue;
      if (refused.has(p.email.toLowerCase())) { result.skipped.push(`${p.name} (Drive did not accept ${p.email})`); continue; }
      const c = chosen.get(p.name)!;
      access.set(p.name, accessText(!!c.documents && docs.length > 0, !!c.workbook, today));
      result.shared.push(p.name);
    }
    // By sheet row: a row left out of the reading (a repeated name, a bad cell) is never shifted onto.
    const cells = new Map(people.filter((p) => access.has(p.name)).map((p) => [p.row, access.get(p.name)!]));
    if (cells.size && !writeColumnCells(ss, 'people', 'Access', cells)) result.skipped.push('the People tab has no Access column: run Set up workbook to record access');
    return result;
  });
}
