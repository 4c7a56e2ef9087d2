/**
 * The "Log a call" Google Form: created (or its service list refreshed) from the catalogue, its link
 * for the panel, and the on-form-submit trigger that writes each call as an Incidents row.
 */
import type { CallForm, CallsWaiting } from '../api';
import { callRecord, formServices } from '../core/callForm/questions';
import { readImportData } from '../adapters/import';
import { tabDef } from '../core/schema/workbook';
import { parseWorkbook } from '../core/workbook/parseWorkbook';
import { locateColumns } from '../core/workbook/columns';
import { ensureCallForm, lastCallNumber, loadWaiting, saveLastCallNumber, saveWaiting, savedFormId, type WaitingCalls } from '../adapters/forms';
import { withDocumentLock } from '../adapters/lock';
import { appendRecords, readWorkbookValues, writeBlocks } from '../adapters/sheets';
import type { CellBlock } from '../core/workbook/toCells';
import { formSubmitArg } from './arguments';

const catalogue = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
  parseWorkbook(readWorkbookValues(ss, ['services']), ss.getSpreadsheetTimeZone()).workbook.services;

/** Creates the form, or refreshes its service list from the Services tab. */
export function createCallForm(): CallForm {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const services = formServices(catalogue(ss));
    if (services.length === 0) throw new Error('No service on the Services tab is Supported, so the form would offer no service.');
    const { form, created } = ensureCallForm(ss, services, readImportData().form);
    const w = loadWaiting();
    return {
      url: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      services: services.length,
      created,
      waiting: w?.count ?? 0,
      waitingReason: w?.reason || null,
    };
  });
}

/** The form's link for the panel and the answers waiting to be written, or null before it is created. Reads only document properties. */
export function getCallForm(): CallForm | null {
  const id = savedFormId();
  const w = loadWaiting();
  return id
    ? {
        url: `https://docs.google.com/forms/d/${id}/viewform`,
        editUrl: `https://docs.google.com/forms/d/${id}/edit`,
        services: 0,
        created: false,
        waiting: w?.count ?? 0,
        waitingReason: w?.reason || null,
      }
    : null;
}

export function menuCallForm(): void {
  const r = createCallForm();
  SpreadsheetApp.getUi().alert(
    'Log a call form',
    `${r.created ? 'The form is ready' : "The form's service list is up to date"} (${r.services} services). Share this link with staff:\n\n${r.url}\n\nEach answer becomes a row on the Incidents tab.`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/**
 * Installable on-form-submit trigger: the answer (with any that could not be written before) becomes an
 * Incidents row. One that cannot be written now (no Incidents tab, a service not in the catalogue, another
 * action holding the workbook) waits on the responses tab, blank in its "Logged as" column, and is written
 * by the next answer, the next menu action or Set up, once.
 */
export function onCallLogged(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const range = formSubmitArg(e).range;
  const sheet = range.getSheet();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  // Another form sending to this workbook is not ours.
  if (!header.includes(readImportData().form.service)) return;
  // Marked first, so that the answer is known to wait whatever happens next.
  const was = loadWaiting();
  const row = range.getRow();
  const from = was && was.sheet === sheet.getSheetId() ? Math.min(was.from, row) : row;
  saveWaiting({ sheet: sheet.getSheetId(), from, count: (was?.count ?? 0) + 1, reason: was?.reason ?? '' });
  writeWaitingCalls();
}

/**
 * Writes the form's answers that wait (none: one property read). Never throws: what still waits, and why,
 * is answered and kept for the panel. Runs from the form's trigger, before every menu action, after Set up,
 * and from the panel.
 */
export function writeWaitingCalls(): CallsWaiting {
  const waiting = loadWaiting();
  if (!waiting) return { waiting: 0, reason: null, written: 0 };
  try {
    return withDocumentLock(() => drain(SpreadsheetApp.getActive(), waiting));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    saveWaiting({ ...waiting, reason });
    return { waiting: waiting.count, reason, written: 0 };
  }
}

function drain(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, waiting: WaitingCalls): CallsWaiting {
  const keep = (count: number, from: number, reason: string, written = 0): CallsWaiting => {
    saveWaiting(count > 0 ? { sheet: waiting.sheet, from, count, reason } : null);
    return { waiting: count, reason: count > 0 ? reason : null, written };
  };
  const sheet = ss.getSheets().find((s) => s.getSheetId() === waiting.sheet);
  if (!sheet)
    return keep(waiting.count, waiting.from, "the form's responses tab is gone (the answers are still in the form, under Responses in Google Forms).");
  const q = readImportData().form;
  const values = sheet.getDataRange().getValues();
  const header = values[0].map((h) => String(h).trim());
  const marks: CellBlock[] = [];
  let col = header.indexOf(q.logged);
  if (col < 0) {
    // The column is new: answers above the first that may wait were handled when they came.
    col = header.length;
    marks.push({ row: 1, column: col + 1, values: [[q.logged], ...values.slice(1, Math.max(1, waiting.from - 1)).map(() => [q.before])] });
    for (let r = 1; r < values.length; r++) values[r][col] = r + 1 < waiting.from ? q.before : '';
  }
  const pending: number[] = [];
  for (let r = 1; r < values.length; r++) {
    const answered = values[r].some((v, c) => c !== col && String(v ?? '').trim() !== '');
    if (answered && String(values[r][col] ?? '').trim() === '') pending.push(r);
  }
  const flush = () => {
    if (marks.length) writeBlocks(sheet, marks);
  };
  if (pending.length === 0) {
    flush();
    return keep(0, 0, '');
  }
  const incidents = ss.getSheetByName(tabDef('incidents').name);
  if (!incidents) {
    flush();
    return keep(pending.length, pending[0] + 1, `there is no ${tabDef('incidents').name} tab. Run "Set up workbook", or give the tab its name back.`);
  }
  const log = incidents.getDataRange().getValues();
  const refCol = locateColumns(log[0], tabDef('incidents')).index.ref ?? -1;
  const refs: unknown[] = log.map((r) => r[refCol]);
  const services = catalogue(ss);
  let last = lastCallNumber();
  const records: object[] = [];
  const still: number[] = [];
  let reason = '';
  for (const r of pending) {
    const answers = new Map(header.map((h, i) => [h, String(values[r][i] ?? '')]));
    const t = values[r][0];
    const when = t instanceof Object && typeof (t as Date).getTime === 'function' ? (t as Date).getTime() : Date.now();
    const record = callRecord(q, answers, when, answers.get('Email Address') ?? '', services, refs, last);
    if (!record) {
      still.push(r);
      reason = `an answer names the service "${answers.get(q.service)}", which is not on the Services tab. Add it, or give the service that name back.`;
      continue;
    }
    records.push(record);
    refs.push(record.ref);
    last = Number(record.ref.slice(5));
    marks.push({ row: r + 1, column: col + 1, values: [[record.ref]] });
  }
  // The caller's words stay text, never a formula, wherever the row lands (the text-safe writer).
  appendRecords(ss, 'incidents', records);
  if (records.length) saveLastCallNumber(last);
  flush();
  return keep(still.length, still.length ? still[0] + 1 : 0, reason, records.length);
}
