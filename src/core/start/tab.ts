/** The Start here tab: what it holds when Set up makes it, and the one formula its checklist spills from. */
import type { TabKey } from '../schema/types';
import { namedRangeName } from '../schema/workbook';

export const START_TAB = 'Start here';

/** The tabs SLM_START reads, passed by their named ranges. */
export const START_TABS: readonly TabKey[] = ['services', 'sla', 'targets', 'incidents', 'closures', 'reviews', 'documents'];

/** Where the checklist spills from (row 5, column A) and its formula. */
export const START_TABLE = {
  row: 5,
  col: 1,
  get formula(): string {
    return `=SLM_START(${START_TABS.map(namedRangeName).join(',')})`;
  },
};

/** Column E: a link to each step's tab, written by Set up (a tab's link changes when a workbook is copied or uploaded). */
export const START_LINK_COLUMN = 5;

export function startCells(): string[][] {
  return [
    ['Start here: service level management in seven steps'],
    ['Each step is ticked when the workbook shows it done; "What the workbook shows" says what is missing.'],
    [
      'The example school fills every tab so you can look around. To start on your own school: Extensions → SLM Workbook → Clear example school removes its rows and keeps yours.',
    ],
    [''],
    [START_TABLE.formula],
  ];
}
