/**
 * The "Log a call" Google Form: created (or its service list refreshed) from the catalogue, its link
 * for the panel, and the on-form-submit trigger that writes each call as an Incidents row.
 */
import type { CallForm } from '../api';
import { callRecord, formServices } from '../core/callForm/questions';
import { readImportData } from '../adapters/import';
import { tabDef } from '../core/schema/workbook';
import { parseWorkbook } from '../core/workbook/parseWorkbook';
import { locateColumns } from '../core/workbook/columns';
import { ensureCallForm, savedFormId } from '../adapters/forms';
import { withDocumentLock } from '../adapters/lock';
import { appendRecords, readWorkbookValues } from '../adapters/sheets';
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
    return { url: form.getPublishedUrl(), editUrl: form.getEditUrl(), services: services.length, created };
  });
}

/** The form's link for the panel, or null before it is created. Reads only a document property. */
export function getCallForm(): CallForm | null {
  const id = savedFormId();
  return id ? { url: `https://docs.google.com/forms/d/${id}/viewform`, editUrl: `https://docs.google.com/forms/d/${id}/edit`, services: 0, created: false } : null;
}

export function menuCallForm(): void {
  const r = createCallForm();
  SpreadsheetApp.getUi().alert('Log a call form', `${r.created ? 'The form is ready' : 'The form\'s service list is up to date'} (${r.services} services). Share this link with staff:\n\n${r.url}\n\nEach answer becomes a row on the Incidents tab.`, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** Installable on-form-submit trigger: the answers on the responses tab become an Incidents row. */
export function onCallLogged(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const sheet = formSubmitArg(e).range.getSheet();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const q = readImportData().form;
  // Another form sending to this workbook is not ours.
  if (!header.includes(q.service)) return;
  const row = e.range.getValues()[0];
  const answers = new Map(header.map((h, i) => [h, String(row[i] ?? '')]));
  const when = row[0] instanceof Object && typeof (row[0] as Date).getTime === 'function' ? (row[0] as Date).getTime() : Date.now();
  withDocumentLock(() => {
    const ss = sheet.getParent();
    const incidents = ss.getSheetByName(tabDef('incidents').name);
    if (!incidents) throw new Error('There is no Incidents tab: run "Set up workbook".');
    const values = incidents.getDataRange().getValues();
    const refCol = locateColumns(values[0], tabDef('incidents')).index.ref ?? -1;
    const record = callRecord(q, answers, when, answers.get('Email Address') ?? '', catalogue(ss), values.map((r) => r[refCol]));
    if (!record) throw new Error(`The call names the service "${answers.get(q.service)}", which is not on the Services tab.`);
    // The caller's words stay text, never a formula, wherever the row lands (the text-safe writer).
    appendRecords(ss, 'incidents', [record]);
  });
}
