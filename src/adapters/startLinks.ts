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
  const wanted = [
    ['Go to'],
    ...START_STEPS.map((step) => {
      const tab = step.tab && ss.getSheetByName(step.tab);
      return [tab ? `=HYPERLINK("#gid=${tab.getSheetId()}","Open ${step.tab}")` : ''];
    }),
  ];
  const ids = new Set(ss.getSheets().map((s) => s.getSheetId()));
  // A link still reaching a tab of this workbook is left as it is (Set up changes nothing that works); only an
  // empty cell, or one of ours whose tab is gone (a copied or uploaded workbook has new tab ids), is written.
  const stale = (i: number) => {
    const id = /#gid=(\d+)/.exec(formulas[i][0])?.[1];
    return OURS.test(formulas[i][0]) && id !== undefined && !ids.has(Number(id));
  };
  const write = wanted.map((_, i) => (i === 0 ? values[0][0] === '' : (values[i][0] === '' && formulas[i][0] === '') || stale(i)));
  if (!write.some(Boolean)) return;
  const current = wanted.map((_, i) => [formulas[i][0] || values[i][0]]);
  range.setValues(wanted.map((w, i) => (write[i] ? w : current[i])));
}
