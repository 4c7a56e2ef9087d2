/** The "Check workbook" list: each problem is a button that selects the offending cell in the sheet. */
import type { Problem } from '../../src/core/workbook/problems';
import type { SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace } from '../dom';
import { plural } from '../../src/core/text';

/** Where a problem is, as the user reads it: "Incidents, row 134, Service ID". */
export const placeOf = (p: Pick<Problem, 'tab' | 'row' | 'column'>): string => [p.tab, p.row > 0 ? `row ${p.row}` : '', p.column].filter(Boolean).join(', ');

function problemItem(api: Remote<SlmApi>, p: Problem, status: HTMLElement): HTMLLIElement {
  const go = async () => {
    replace(status, `Selecting ${placeOf(p)}…`);
    try {
      await api.selectCell(p.tab, p.row, p.column);
      replace(status, `Selected ${placeOf(p)} in the sheet.`);
    } catch (e) {
      replace(status, el('span', { class: 'error' }, `Could not select ${placeOf(p)}: ${(e as Error).message}`));
    }
  };
  return el(
    'li',
    { class: `problem ${p.severity}` },
    el(
      'button',
      { type: 'button', class: 'link-button', onclick: go, title: 'Select this cell in the sheet' },
      el('span', { class: `sev ${p.severity}` }, p.severity === 'error' ? 'Error' : 'Warning'),
      el('span', { class: 'place' }, placeOf(p)),
    ),
    el('div', { class: 'message' }, p.message),
  );
}

/** Runs Check workbook and lists what it found. */
export async function loadProblems(api: Remote<SlmApi>): Promise<void> {
  const list = byId('problems');
  const summary = byId('problems-summary');
  const count = byId('problems-count');
  replace(summary, 'Checking the workbook…');
  try {
    const problems = await api.checkWorkbook();
    const errors = problems.filter((p) => p.severity === 'error').length;
    replace(count, String(problems.length));
    count.className = problems.length ? (errors ? 'count bad' : 'count warn') : 'count';
    replace(
      summary,
      problems.length === 0
        ? 'No problems: every row can be read.'
        : `${plural(errors, 'error')} and ${plural(problems.length - errors, 'warning')}. Choose one to go to its cell.`,
    );
    replace(list, ...problems.map((p) => problemItem(api, p, byId('problems-status'))));
    // Errors stop rows being counted: show them without waiting to be asked.
    if (errors > 0) byId<HTMLDetailsElement>('problems-section').open = true;
  } catch (e) {
    replace(summary, el('span', { class: 'error' }, `The workbook could not be checked: ${(e as Error).message}`));
  }
}
