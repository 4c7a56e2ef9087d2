/**
 * Contract and review findings: the "Check contracts" dialog, the sidebar's data, and SLM_FINDINGS for a
 * Findings tab. Reading is one getValues() per tab; nothing here writes to the workbook.
 */
import { unreadCells } from '../core/workbook/problems';
import { analyseWorkbook } from '../core/findings/analyse';
import { findingsHtml } from '../core/findings/html';
import { findingsTable, FINDINGS_HEADER } from '../core/findings/table';
import { workbookFromRanges } from '../core/findings/ranges';
import { unreadLine } from '../core/attainment/fromRanges';
import type { Finding } from '../core/findings/types';
import { rangesThenZone } from '../core/arguments/zone';
import type { PeriodRequest } from '../api';
import { resolvePeriod } from '../core/periods';
import { plural } from '../core/text';
import { readWorkbook, spreadsheetZone } from '../adapters/sheets';
import { optionalPeriodArg } from './arguments';

/** Every finding the workbook shows now, most severe first, suppliers measured over `period` (plain data for the sidebar). */
export function getFindings(period?: PeriodRequest): Finding[] {
  period = optionalPeriodArg(period);
  const { workbook } = readWorkbook(SpreadsheetApp.getActive());
  const now = Date.now();
  return analyseWorkbook(workbook, { now, period: period?.kind ? resolvePeriod(workbook, now, period) : undefined });
}

export function menuCheckContracts(): void {
  const { workbook, problems } = readWorkbook(SpreadsheetApp.getActive());
  const findings = analyseWorkbook(workbook, { now: Date.now() });
  const unread = problems.filter((p) => p.severity === 'error' && p.row > 1).length;
  const html = HtmlService.createHtmlOutput(findingsHtml(findings, { goToFunction: 'selectCell', problems: unread }))
    .setWidth(780)
    .setHeight(540);
  const serious = findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length;
  SpreadsheetApp.getUi().showModalDialog(html, `Check contracts: ${plural(findings.length, 'finding')}, ${serious} to act on`);
}

/**
 * Contract and service-review findings as a table: hours contracts leave uncovered, fix times that do not
 * fit the SLA, contracts beyond need with their cost, slow components, unknowns and orphans, supplier
 * breaches, where the work goes, and SLA reviews due.
 *
 * @param {Range} ranges The Services range and any of Equipment, SLA, Targets, Contracts, Incidents, Calendars, Closures, People and Settings (the school's assumptions; without it, the defaults), in any order, each from row 1 with its header row; optionally a time zone such as "Europe/London" last.
 * @return A table with a header row (Severity, Question, Finding, Evidence, Action, Rows), most severe first.
 * @customfunction
 */
export function SLM_FINDINGS(...ranges: unknown[]): unknown {
  try {
    const {
      ranges: grids,
      zones: { tz: timeZone },
    } = rangesThenZone(ranges, spreadsheetZone());
    const { workbook, problems } = workbookFromRanges(grids, timeZone);
    const findings = analyseWorkbook(workbook, { now: Date.now() });
    const table: unknown[][] =
      findings.length === 0 ? [[...FINDINGS_HEADER], ['Info', '', 'No findings: the contracts, SLAs and log agree.', '', '', '']] : findingsTable(findings);
    // A cell the findings could not read is named, never dropped silently (as SLM_ATTAINMENT does).
    const unread = unreadCells(problems);
    if (unread.length) table.push(unreadLine(unread, table[0].length));
    return table;
  } catch (e) {
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}
