/**
 * Sharing with the representatives, from the SLM panel: the plan first (who gets what, and who else can
 * open the workbook or the documents), then only what the service manager ticked is shared, what is
 * unticked is un-shared, and anyone chosen for removal loses access. Drive sends no email of its own: each
 * person given something new gets one message from the add-in with the links. Each person's access, as
 * Drive has it afterwards, is recorded on the People tab. Nothing is shared by generating a document.
 */
import type { SharingChoice, SharingOther, SharingPlan, ShareResult } from '../api';
import { accessText, sharingCandidates, sharingMessage, strongest, type Role, workbookRefusal } from '../core/documents/sharing';
import { idFromLink } from '../core/documents/naming';
import { longDate } from '../core/text';
import type { Workbook } from '../core/workbook/parseWorkbook';
import { withDocumentLock } from '../adapters/lock';
import { sendMail } from '../adapters/mail';
import { type Access, grantCommenter, revoke, tryAccessList } from '../adapters/permissions';
import { schoolName } from '../adapters/school';
import { readWorkbook, writeColumnCells } from '../adapters/sheets';
import { emailListArg, sharingChoicesArg } from './arguments';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
interface FileRef {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

/** The newest SLA and the newest representatives' review on the Documents tab (never the internal one). */
function latestDocuments(wb: Workbook): FileRef[] {
  const out: FileRef[] = [];
  for (const type of ['SLA', 'Service review'] as const) {
    const newest = wb.documents
      .filter((d) => d.type === type && d.link && !/\(internal\)$/.test(d.label ?? ''))
      .sort((a, b) => a.created - b.created)
      .pop();
    const id = newest?.link ? idFromLink(newest.link) : undefined;
    if (id) out.push({ id, name: newest!.name ?? type, url: newest!.link! });
  }
  return out;
}

/** Every generated document on the Documents tab (older versions and internal reviews too), and the workbook. */
function everyFile(ss: Spreadsheet, wb: Workbook): FileRef[] {
  const seen = new Set<string>();
  const out: FileRef[] = [{ id: ss.getId(), name: 'the workbook', url: ss.getUrl() }];
  seen.add(ss.getId());
  for (const d of wb.documents) {
    const id = d.link ? idFromLink(d.link) : undefined;
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push({ id, name: d.name ?? d.type, url: d.link! });
    }
  }
  return out;
}

const roleOf = (list: readonly Access[] | undefined, email: string | null): Role | undefined =>
  email ? list?.find((a) => a.email === email)?.role : undefined;

const me = (): string => Session.getEffectiveUser().getEmail().toLowerCase();

/** People-tab emails (every role), lower case. */
const peopleEmails = (wb: Workbook): Set<string> => new Set(wb.people.map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e));

/** Everyone with access to the workbook or a generated document who is not on the People tab (never the owner or the user). */
function othersWithAccess(files: readonly FileRef[], lists: ReadonlyMap<string, Access[] | undefined>, wb: Workbook): SharingOther[] {
  const known = peopleEmails(wb);
  const self = me();
  const byEmail = new Map<string, Array<{ file: FileRef; role: Role }>>();
  for (const f of files) {
    for (const a of lists.get(f.id) ?? []) {
      if (a.role === 'owner' || a.email === self || known.has(a.email)) continue;
      byEmail.set(a.email, [...(byEmail.get(a.email) ?? []), { file: f, role: a.role }]);
    }
  }
  const word: Record<Role, string> = { owner: 'owner', editor: 'editor', commenter: 'comment', viewer: 'view' };
  return [...byEmail]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([email, list]) => ({
      email,
      access: list.map((x) => `${x.file.name} (${word[x.role]})`).join('; '),
    }));
}

export function getSharingPlan(): SharingPlan {
  const ss = SpreadsheetApp.getActive();
  const wb = readWorkbook(ss).workbook;
  const docs = latestDocuments(wb);
  const files = everyFile(ss, wb);
  const lists = new Map(files.map((f) => [f.id, tryAccessList(f.id)]));
  const today = longDate(Date.now(), ss.getSpreadsheetTimeZone());
  const unreadable = files.filter((f) => lists.get(f.id) === undefined).map((f) => f.name);
  return {
    documents: docs.map((d) => d.name),
    people: sharingCandidates(wb.people).map((p) => {
      const email = p.email?.toLowerCase() ?? null;
      const docRole = strongest(docs.map((d) => roleOf(lists.get(d.id), email)));
      const bookRole = roleOf(lists.get(ss.getId()), email);
      const refusal = workbookRefusal(p);
      return {
        name: p.name,
        email,
        role: p.role,
        area: p.area ?? null,
        student: p.student ?? null,
        workbookRefused: refusal ?? null,
        access: email ? accessText(docRole, bookRole, today) : null,
        // Suggested for everyone with an email, unless they hold access now or were un-shared before.
        documents: !!email && (docRole !== undefined || !p.access?.startsWith('None')),
        // Suggested only to keep what a member of staff already has; never offered to a student.
        workbook: !!email && !refusal && bookRole !== undefined,
      };
    }),
    others: othersWithAccess(files, lists, wb),
    unreadable,
  };
}

/**
 * Shares and un-shares as ticked, and removes the chosen others from the workbook and every document, under
 * the document lock. The workbook is never shared with a student, whatever the panel sends.
 */
export function applySharing(choices: SharingChoice[], remove?: string[] | null): ShareResult {
  const ticked = sharingChoicesArg(choices);
  const removing = emailListArg(remove, 'remove');
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const wb = readWorkbook(ss).workbook;
    const docs = latestDocuments(wb);
    const files = everyFile(ss, wb);
    const lists = new Map(files.map((f) => [f.id, tryAccessList(f.id)]));
    const chosen = new Map(ticked.map((c) => [c.name, c]));
    const today = longDate(Date.now(), ss.getSpreadsheetTimeZone());
    const result: { shared: string[]; skipped: string[]; removed: string[] } = { shared: [], skipped: [], removed: [] };
    const refused = new Set<string>();
    const people = sharingCandidates(wb.people).filter((p) => chosen.has(p.name));
    for (const p of people.filter((x) => !x.email)) result.skipped.push(`${p.name} (no email on the People tab)`);
    const given = new Map<string, { name: string; files: FileRef[] }>();
    const targets = [...docs.map((d) => ({ file: d, workbook: false })), { file: files[0], workbook: true }];
    for (const { file, workbook } of targets) {
      const list = lists.get(file.id);
      if (!list) {
        result.skipped.push(
          `${file.name} (Drive does not let the add-in open it: open it from Drive and share it there, or choose it once with Choose in Drive)`,
        );
        continue;
      }
      for (const p of people) {
        if (!p.email) continue;
        const email = p.email.toLowerCase();
        const c = chosen.get(p.name)!;
        const refusal = workbook ? workbookRefusal(p) : undefined;
        if (workbook && c.workbook && refusal) {
          result.skipped.push(`${p.name}: ${refusal}`);
          continue;
        }
        const wants = workbook ? c.workbook : c.documents;
        const has = list.find((a) => a.email === email);
        if (wants && !has) {
          if (grantCommenter(file.id, email)) given.set(email, { name: p.name, files: [...(given.get(email)?.files ?? []), file] });
          else refused.add(email);
        } else if (!wants && has && has.role !== 'owner' && !revoke(file.id, has.permissionId)) refused.add(email);
      }
    }
    // Others chosen for removal: only people the plan lists (never the owner, the user, or anyone on People).
    const others = new Set(othersWithAccess(files, lists, wb).map((o) => o.email));
    for (const email of removing.map((e) => e.toLowerCase())) {
      if (!others.has(email)) {
        result.skipped.push(`${email} (not among those the plan lists for removal)`);
        continue;
      }
      let ok = true;
      for (const f of files) {
        const has = lists.get(f.id)?.find((a) => a.email === email);
        if (has && !revoke(f.id, has.permissionId)) ok = false;
      }
      if (ok) result.removed.push(email);
      else result.skipped.push(`${email} (Drive did not let the add-in remove them from every file)`);
    }
    // One message to each person given something new, with the links.
    const school = schoolName(ss);
    for (const [email, g] of given) {
      const m = sharingMessage(school, g.name, g.files);
      if (sendMail(email, m.subject, m.text, m.html) === 'quota')
        result.skipped.push(`${g.name} (access given, but this account's daily email quota is used up: send them the links yourself)`);
    }
    // The Access column says what Drive has now.
    const after = new Map(targets.map(({ file }) => [file.id, tryAccessList(file.id)]));
    const access = new Map<string, string>();
    for (const p of people) {
      if (!p.email) continue;
      const email = p.email.toLowerCase();
      if (refused.has(email)) result.skipped.push(`${p.name} (Drive did not accept ${p.email})`);
      else result.shared.push(p.name);
      access.set(p.name, accessText(strongest(docs.map((d) => roleOf(after.get(d.id), email))), roleOf(after.get(ss.getId()), email), today));
    }
    // By sheet row: a row left out of the reading (a repeated name, a bad cell) is never shifted onto.
    const cells = new Map(people.filter((p) => access.has(p.name)).map((p) => [p.row, access.get(p.name)!]));
    if (cells.size && !writeColumnCells(ss, 'people', 'Access', cells))
      result.skipped.push('the People tab has no Access column: run Set up workbook to record access');
    return result;
  });
}
