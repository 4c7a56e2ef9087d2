/** FormApp and the trigger of the "Log a call" form: create or refresh it, and where its id is kept. */
import type { CallFormText } from '../core/import/types';

const KEY = 'slm.callForm';
const CALL_HANDLER = 'onCallLogged';

type Form = GoogleAppsScript.Forms.Form;

export const savedFormId = (): string | null => PropertiesService.getDocumentProperties().getProperty(KEY);

function open(id: string | null): Form | null {
  try {
    return id ? FormApp.openById(id) : null;
  } catch {
    return null;
  }
}

/**
 * The form with `services` as its service choices: refreshed when it exists, else created with its
 * responses going to this workbook and an on-form-submit trigger that writes the Incidents row.
 */
export function ensureCallForm(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, services: string[], q: CallFormText): { form: Form; created: boolean } {
  let form = open(savedFormId());
  const created = !form;
  if (!form) {
    form = FormApp.create(q.title).setDescription(q.description).setCollectEmail(true);
    form.addListItem().setTitle(q.service).setChoiceValues(services).setRequired(true);
    form
      .addMultipleChoiceItem()
      .setTitle(q.type)
      .setChoiceValues(q.types.map((t) => t[0]))
      .setRequired(true);
    form
      .addMultipleChoiceItem()
      .setTitle(q.impact)
      .setChoiceValues(q.impacts.map((t) => t[0]))
      .setRequired(true);
    form.addParagraphTextItem().setTitle(q.summary).setRequired(true);
    form.addTextItem().setTitle(q.name);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    PropertiesService.getDocumentProperties().setProperty(KEY, form.getId());
  } else {
    const list = form.getItems().find((i) => i.getTitle() === q.service);
    if (list) list.asListItem().setChoiceValues(services);
  }
  // This workbook's trigger only: the user's triggers in other workbooks (getProjectTriggers) are not this one's.
  if (!ScriptApp.getUserTriggers(ss).some((t) => t.getHandlerFunction() === CALL_HANDLER)) {
    ScriptApp.newTrigger(CALL_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
  }
  return { form, created };
}

/**
 * Answers that may be waiting to be written (a pending marker, not the answers: those are on the form's
 * responses tab): the tab's id, the first row that may be waiting, how many, and why.
 */
export interface WaitingCalls {
  readonly sheet: number;
  readonly from: number;
  readonly count: number;
  readonly reason: string;
}

const WAITING_KEY = 'slm.callForm.waiting';
const LAST_CALL_KEY = 'slm.callForm.lastCall';

export function loadWaiting(): WaitingCalls | null {
  const saved = PropertiesService.getDocumentProperties().getProperty(WAITING_KEY);
  try {
    return saved ? (JSON.parse(saved) as WaitingCalls) : null;
  } catch {
    return null;
  }
}

export function saveWaiting(w: WaitingCalls | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (w) props.setProperty(WAITING_KEY, JSON.stringify(w));
  else props.deleteProperty(WAITING_KEY);
}

/** The highest CALL number ever given in this workbook (0 before the first). */
export const lastCallNumber = (): number => Number(PropertiesService.getDocumentProperties().getProperty(LAST_CALL_KEY)) || 0;
export const saveLastCallNumber = (n: number): void => {
  PropertiesService.getDocumentProperties().setProperty(LAST_CALL_KEY, String(n));
};
