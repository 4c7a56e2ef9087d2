/**
 * Google Picker: under the drive.file scope the add-in opens only files it made or that the user chose
 * with it, so the CSV export and the documents folder are chosen in Google Picker. The panel (import) and
 * the menu (documents folder) open the Picker dialog; it calls back here with what was picked.
 */
import type { PickerConfig } from '../api';
import { pickerPage, type PickerKind } from '../core/pickerPage';
import { rememberFolder } from '../adapters/drive';
import { pickerKindArg, textArg } from './arguments';

/** Script properties the deployment sets (docs/google.md): the Picker's API key and the Cloud project number. */
const DEVELOPER_KEY = 'SLM_PICKER_DEVELOPER_KEY';
const APP_ID = 'SLM_PICKER_APP_ID';
/** User property holding the CSV file last picked, until the panel takes it. */
const PICKED = 'slm.pickedCsv';

/** The signed-in user's OAuth token and this deployment's Picker settings, for the Picker dialog. */
export function getPickerConfig(): PickerConfig {
  const props = PropertiesService.getScriptProperties();
  return {
    token: ScriptApp.getOAuthToken(),
    developerKey: props.getProperty(DEVELOPER_KEY) ?? '',
    appId: props.getProperty(APP_ID) ?? '',
    missing: 'Choosing in Drive is not set up for this copy of the add-in (its Picker key is missing: see docs/google.md). Paste a link below instead.',
  };
}

/** Opens the Picker dialog over the spreadsheet. */
export function showPicker(kind: PickerKind): void {
  const k = pickerKindArg(kind);
  const html = HtmlService.createHtmlOutput(pickerPage(k)).setWidth(760).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, k === 'folder' ? 'Choose documents folder' : 'Choose a CSV file');
}

/** What the Picker (or a pasted link) chose: a folder is remembered for documents; a CSV file waits for the panel. */
export function pickerChosen(kind: PickerKind, idOrLink: string, _name?: string): string {
  const k = pickerKindArg(kind);
  const text = textArg(idOrLink, 'idOrLink', 'a Drive link or id');
  if (k === 'school') throw new Error("Adding schools is part of the trust's copy of SLM Workbook (see docs/trust.md).");
  if (k === 'folder') {
    const folder = rememberFolder(text);
    return `New documents will go in ${folder ? `the Drive folder "${folder}"` : "the workbook's own folder"}.`;
  }
  const id = /\/d\/([\w-]{10,})/.exec(text)?.[1] ?? text.trim();
  let fileName: string;
  try {
    fileName = DriveApp.getFileById(id).getName();
  } catch {
    throw new Error(`"${text.trim()}" is not a file this add-in can open. Choose it with Choose in Drive, or paste the CSV text in the panel.`);
  }
  PropertiesService.getUserProperties().setProperty(PICKED, JSON.stringify({ id, name: fileName }));
  return `Chosen: ${fileName}. The panel previews it now.`;
}

/** The CSV file picked since the panel last asked (then forgotten), or null. */
export function takePickedFile(): { id: string; name: string } | null {
  const props = PropertiesService.getUserProperties();
  const raw = props.getProperty(PICKED);
  if (!raw) return null;
  props.deleteProperty(PICKED);
  try {
    return JSON.parse(raw) as { id: string; name: string };
  } catch {
    return null;
  }
}
