/**
 * The SLA and service-review documents: generated as Google Docs from the workbook, recorded on the
 * Documents tab; never shared here (see sharing.ts). The sidebar calls the same functions as the menu.
 */
import { unreadCells } from '../core/workbook/problems';
import type { GeneratedDoc, PeriodRequest } from '../api';
import { menuOpenPanel } from './sidebarApi';
import { schoolName } from '../adapters/school';
import { serviceReview } from '../core/usecases/review';
import { buildSlaDocument } from '../core/documents/sla';
import { documentName } from '../core/documents/naming';
import type { DocModel } from '../core/documents/model';
import { isoDate } from '../core/text';
import { parsePeriodText } from '../core/periods/periodText';
import { escapeHtml } from '../core/html';
import type { DocumentRecord } from '../core/schema/records';
import { createDocument, writeDocument } from '../adapters/docs';
import { showPicker } from './picker';
import { documentsDestination, freeNameIn, moveFile, rememberFolder, trashFile } from '../adapters/drive';
import { withDocumentLock } from '../adapters/lock';
import { appendRecords, readWorkbook } from '../adapters/sheets';
import { periodArg, serviceIdsArg, textArg } from './arguments';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** An error's message without its trailing full stop; errors from Apps Script services may come from another realm. */
const messageOf = (e: unknown): string =>
  (typeof e === 'object' && e !== null && typeof (e as Error).message === 'string' ? (e as Error).message : String(e)).replace(/\.$/, '');

/**
 * Creates the document under a name no file in its folder has, renders the model, files and records it.
 * Any failure on the way trashes the unfinished document and says what went wrong. Runs under the
 * document lock, so two clicks cannot create two documents at once or interleave their records.
 */
function publish(ss: Spreadsheet, model: DocModel & { baseName: string }, now: number): GeneratedDoc {
  return withDocumentLock(() => {
    const what = model.type === 'SLA' ? 'SLA' : 'service review';
    let destination: ReturnType<typeof documentsDestination>;
    let name: string;
    try {
      destination = documentsDestination(ss.getId());
      name = freeNameIn(destination.folder, documentName(model.baseName, isoDate(now, ss.getSpreadsheetTimeZone())));
    } catch (e) {
      throw new Error(`The ${what} could not be named: Google Drive did not answer (${messageOf(e)}). Nothing was created; try again in a moment.`);
    }
    let doc: GoogleAppsScript.Document.Document;
    try {
      doc = createDocument(name);
    } catch (e) {
      throw new Error(`The ${what} could not be created in Google Docs: ${messageOf(e)}.`);
    }
    const id = doc.getId();
    try {
      const url = writeDocument(doc, model);
      if (destination.move) moveFile(id, destination.folder);
      const record: Omit<DocumentRecord, 'row'> = {
        type: model.type,
        label: model.label,
        created: now,
        name,
        link: url,
        contents: model.contents,
        signed: undefined,
      };
      appendRecords(ss, 'documents', [record]);
      return { name, url, id };
    } catch (e) {
      const cleaned = trashFile(id);
      throw new Error(
        `The ${what} could not be generated: ${messageOf(e)}. ${
          cleaned
            ? 'The unfinished document was moved to the trash; nothing else was changed.'
            : `The unfinished document "${name}" could not be removed: delete it from Drive.`
        }`,
      );
    }
  });
}

/**
 * Generates the SLA for the given services (null: every service in use) as a new Google Doc;
 * `share` adds the representatives as commenters.
 */
export function generateSla(serviceIds: string[] | null): GeneratedDoc {
  serviceIds = serviceIdsArg(serviceIds);
  const ss = SpreadsheetApp.getActive();
  const now = Date.now();
  const { workbook: wb, problems } = readWorkbook(ss);
  const model = buildSlaDocument(wb, { now, school: schoolName(ss), serviceIds, unread: unreadCells(problems) });
  return publish(ss, model, now);
}

/**
 * Generates the service review for a period as two Google Docs: the representatives' version, and the
 * internal one (supplier detail, contract costs, incident summaries) that is never shared with them.
 */
export function generateReview(period: PeriodRequest): GeneratedDoc {
  period = periodArg(period);
  const ss = SpreadsheetApp.getActive();
  const now = Date.now();
  const { workbook: wb, problems } = readWorkbook(ss);
  const review = serviceReview(wb, { period, now, school: schoolName(ss), unread: unreadCells(problems) });
  const internal = publish(ss, review.internal, now);
  const doc = publish(ss, review.shared, now);
  return { ...doc, internal };
}

/** Remembers the Drive folder (link or id) generated documents go to and returns its name; blank: next to the workbook. */
export function chooseDocumentsFolder(folderLinkOrId: string): string | undefined {
  return rememberFolder(textArg(folderLinkOrId, 'folderLinkOrId', 'a Drive folder link'));
}

// ---------------------------------------------------------------- menu

function showLink(title: string, doc: GeneratedDoc): void {
  const html = HtmlService.createHtmlOutput(
    `<div style="font-family:Arial,sans-serif;font-size:13px"><p>Created <a href="${escapeHtml(doc.url)}" target="_blank" rel="noopener">${escapeHtml(doc.name)}</a>.</p>` +
      (doc.internal
        ? `<p>Internal version (never shared): <a href="${escapeHtml(doc.internal.url)}" target="_blank">${escapeHtml(doc.internal.name)}</a>.</p>`
        : '') +
      '<p>It is recorded on the Documents tab and shared with nobody: use <b>Share with representatives</b> to choose who comments on it.</p></div>',
  )
    .setWidth(480)
    .setHeight(doc.internal ? 210 : 160);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

function tell(title: string, text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, text, ui.ButtonSet.OK);
}

const alertError = (action: string, e: unknown): void => tell(`${action}: not done`, `${messageOf(e)}.`);

/** What the user typed, or undefined when they cancelled. */
function ask(title: string, prompt: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : undefined;
}

export function menuGenerateSla(): void {
  try {
    showLink('SLA generated', generateSla(null));
  } catch (e) {
    alertError('Generate SLA', e);
  }
}

export function menuGenerateReview(): void {
  const answer = ask(
    'Generate service review',
    'Which period should the review cover? Type this month, last month, this term, last term or academic year, or two dates such as 2026-09-01 to 2026-12-18. Leave blank for last term.',
  );
  if (answer === undefined) return;
  const choice = parsePeriodText(answer);
  if ('error' in choice) {
    tell('Generate service review', choice.error);
    return;
  }
  try {
    showLink('Service review generated', generateReview(choice));
  } catch (e) {
    alertError('Generate service review', e);
  }
}

/** Sharing is done from the SLM panel, where who gets what is shown before anything is shared. */
export function menuShareWithRepresentatives(): void {
  menuOpenPanel();
}

export function menuChooseDocumentsFolder(): void {
  // Google Picker (drive.file): a folder picked there is one the add-in may put documents in.
  showPicker('folder');
}
