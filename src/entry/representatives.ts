/**
 * The representatives' workbook: made or brought up to date from this workbook (this term's figures), then,
 * when the service manager says so, shared with the People tab's representatives as commenters with one
 * message carrying its link. It holds nothing private, so a student representative gets it too.
 */
import type { RepresentativesResult } from '../api';
import { representativesBook } from '../core/representatives/view';
import { computeAttainment } from '../core/attainment/compute';
import { resolvePeriod } from '../core/periods';
import { joinWords, plural } from '../core/text';
import { openRepresentativesBook, writeRepresentativesBook } from '../adapters/representativesBook';
import { grantCommenter, tryAccessList } from '../adapters/permissions';
import { sendMail } from '../adapters/mail';
import { schoolName } from '../adapters/school';
import { withDocumentLock } from '../adapters/lock';
import { readWorkbook } from '../adapters/sheets';
import { escapeHtml } from '../core/html';

const TITLE = "Representatives' workbook";

/** Representatives on the People tab with an e-mail address, lower case. */
function representatives(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { name: string; email: string }[] {
  return readWorkbook(ss, ['people'])
    .workbook.people.filter((p) => p.role === 'End-user representative' && p.email)
    .map((p) => ({ name: p.name, email: p.email!.toLowerCase() }));
}

/** Makes or refreshes the representatives' workbook with this term's figures; shares nothing. */
export function updateRepresentativesWorkbook(): RepresentativesResult {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const { workbook } = readWorkbook(ss);
    const now = Date.now();
    const period = resolvePeriod(workbook, now, { kind: 'thisTerm' });
    const report = computeAttainment(workbook, period, { asOf: now, breaches: false });
    const school = schoolName(ss);
    const model = representativesBook(workbook, school, period, report, now);
    const { book, created, replaced } = openRepresentativesBook(ss, model.title);
    const changedRows = writeRepresentativesBook(book, model);
    const access = new Set((tryAccessList(book.getId()) ?? []).map((a) => a.email));
    const waiting = representatives(ss).filter((r) => !access.has(r.email));
    return { url: book.getUrl(), name: model.title, created, replaced: replaced ?? null, changedRows, notShared: waiting.map((r) => r.name) };
  });
}

/**
 * Shares the representatives' workbook as commenters with the representatives who do not have it yet, with
 * Drive's own notice off, then sends them one message with the link. Returns who was added.
 */
export function shareRepresentativesWorkbook(): { added: string[]; refused: string[] } {
  const ss = SpreadsheetApp.getActive();
  const result = updateRepresentativesWorkbook();
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(result.url)?.[1] ?? '';
  const access = new Set((tryAccessList(id) ?? []).map((a) => a.email));
  const waiting = representatives(ss).filter((r) => !access.has(r.email));
  // Drive's own notice is off (one notice per file would reach them): the one message below carries the link.
  const refused = new Set(waiting.filter((r) => !grantCommenter(id, r.email)).map((r) => r.email));
  const added = waiting.filter((r) => !refused.has(r.email));
  if (added.length) {
    const school = schoolName(ss);
    const text = `You represent users of the school's ICT services. "${result.name}" shows the services, what was agreed for each, how they did this term and what is being done about what went wrong. Comment on any cell (Insert → Comment): every comment is read before the next service review.\n\n${result.url}`;
    const html = `<p>You represent users of the school's ICT services. <a href="${escapeHtml(result.url)}">${escapeHtml(result.name)}</a> shows the services, what was agreed for each, how they did this term and what is being done about what went wrong.</p><p>Comment on any cell (Insert → Comment): every comment is read before the next service review.</p>`;
    sendMail(added.map((r) => r.email).join(','), `${school}: ICT services for representatives`, text, html);
  }
  return { added: added.map((r) => r.name), refused: [...refused] };
}

export function menuRepresentativesWorkbook(): void {
  const ui = SpreadsheetApp.getUi();
  const r = updateRepresentativesWorkbook();
  const done = `${r.created ? 'Made' : 'Brought up to date'} "${r.name}"${r.replaced ? ` (a new one: ${r.replaced})` : ''}: ${plural(r.changedRows, 'row')} changed. It holds no costs, suppliers, contact details or call summaries.\n\n${r.url}`;
  if (r.notShared.length === 0) {
    ui.alert(TITLE, done, ui.ButtonSet.OK);
    return;
  }
  const ask = `${done}\n\nNot yet shared with ${joinWords(r.notShared)}. Share it with them as commenters (Drive sends no notice of its own) and send them one message with the link?`;
  if (ui.alert(TITLE, ask, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const shared = shareRepresentativesWorkbook();
  ui.alert(
    TITLE,
    `Shared with ${shared.added.length ? joinWords(shared.added) : 'nobody new'}.${shared.refused.length ? ` Drive refused ${joinWords(shared.refused)}.` : ''}`,
    ui.ButtonSet.OK,
  );
}
