/** Clear example school: removes exactly the rows Load example school wrote, after the user has seen the list. */
import type { ClearExampleResult } from '../api';
import { clearPlanText } from '../core/example/clear';
import { planExampleClear, removeExampleRows } from '../adapters/exampleRows';
import { withDocumentLock } from '../adapters/lock';

const TITLE = 'Clear example school';
const NO_RECORD = 'This workbook holds no record of the example school (it was not loaded here, or it has been cleared). Nothing was removed.';

/** What Clear example school would remove and keep, in words; changes nothing. */
export function previewClearExample(): ClearExampleResult {
  const plan = planExampleClear(SpreadsheetApp.getActive());
  if (!plan) return { removed: 0, removes: NO_RECORD, keeps: '' };
  return { removed: 0, ...clearPlanText(plan) };
}

/** Removes the example school's rows (planned again under the lock, so nothing typed meanwhile is lost). */
export function clearExampleSchool(): ClearExampleResult {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const plan = planExampleClear(ss);
    if (!plan) return { removed: 0, removes: NO_RECORD, keeps: '' };
    const text = clearPlanText(plan);
    return { removed: removeExampleRows(ss, plan), ...text };
  });
}

export function menuClearExample(): void {
  const ui = SpreadsheetApp.getUi();
  const preview = previewClearExample();
  if (preview.removes === NO_RECORD) {
    ui.alert(TITLE, NO_RECORD, ui.ButtonSet.OK);
    return;
  }
  const ask =
    `This removes ${preview.removes.replace(/^(\d+) example rows/, 'the $1 rows the example school added')}\n\n` +
    `Rows you typed, and example rows you have changed, stay.${preview.keeps ? `\n\n${preview.keeps}` : ''}\n\nRemove the example rows?`;
  if (ui.alert(TITLE, ask, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const done = clearExampleSchool();
  ui.alert(TITLE, `Removed ${done.removed} example rows. Your own rows are as they were.${done.keeps ? `\n\n${done.keeps}` : ''}`, ui.ButtonSet.OK);
}
