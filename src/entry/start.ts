/** The Start here checklist (SLM_START) and the Help dialog that lists the same steps. */
import { rangesThenZone } from '../core/arguments/zone';
import { rangesByTab } from '../core/arguments/tabs';
import { parseWorkbook } from '../core/workbook/parseWorkbook';
import { startTable } from '../core/start/steps';
import { START_TABS } from '../core/start/tab';
import { helpHtml } from '../core/start/help';
import { spreadsheetZone } from '../adapters/sheets';

/**
 * The Start here checklist: the steps of service level management for a school, each ticked when the
 * workbook shows it done, with what is missing and where to do it.
 *
 * @param {Range} ranges The Services range and any of SLA, Targets, Incidents, Closures, Reviews and Documents, in any order, each from row 1 with its header row; optionally a time zone such as "Europe/London" last.
 * @return A table with a header row (Step, Done, What the workbook shows, Where), one row per step.
 * @customfunction
 */
export function SLM_START(...ranges: unknown[]): unknown {
  try {
    const {
      ranges: grids,
      zones: { tz: timeZone },
    } = rangesThenZone(ranges, spreadsheetZone());
    const { workbook } = parseWorkbook(rangesByTab(grids, START_TABS, ['services']), timeZone);
    return startTable(workbook);
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}

export function menuHelp(): void {
  const html = HtmlService.createHtmlOutput(helpHtml()).setWidth(560).setHeight(460);
  SpreadsheetApp.getUi().showModalDialog(html, 'SLM Workbook help');
}
