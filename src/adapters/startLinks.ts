/** The Start here tab's links to each step's tab: one read and at most one write. */
import { START_STEPS } from '../core/start/steps';
import { START_LINK_COLUMN, START_TAB, START_TABLE } from '../core/start/tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const OURS = /^=HYPERLINK\("#gid=\d+"/i;

/** Writes "Open <tab>" links beside the checklist, only into cells that are empty or hold one of these links. */
export function writeStartLinks(ss: Spreadsheet): void {
  const sheet = ss.getSheetByName(START_TAB);
  if (!sheet) return;
  const first = START_TABLE.row;
  const range = sheet.getRange(first, START_LINK_COLUMN, START_STEPS.length + 1, 1);
  const formulas = range.getFormulas();
  const values = range.getValues();
  const wanted = [['Go to'], ...START_STEPS.map((step) => {
    const tab = step.tab && ss.getSheetByName(step.tab);
    return [tab ? `=HYPERLINK("#gid=${tab.getSheetId()}","Open ${step.tab}")` : ''];
  })];
  const mine = (i: number) => (i === 0 ? values[0][0] === '' || values[0][0] === 'Go to' : (values[i][0] === '' && formulas[i][0] === '') || OURS.test(formulas[i][0]));
  if (!wanted.every((_, i) => mine(i))) return;
  if (wanted.every((w, i) => (i === 0 ? values[0][0] === w[0] : formulas[i][0] === w[0]))) return;
  range.setValues(wanted);
}
