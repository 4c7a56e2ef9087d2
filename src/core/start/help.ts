/** The Help dialog: the Start here steps, then the menu in a few lines. Built from START_STEPS so both say the same. */
import { escapeHtml } from '../html';
import { START_STEPS } from './steps';

export function helpHtml(): string {
  const steps = START_STEPS.map((s) => `<li><b>${escapeHtml(s.title)}</b>: ${escapeHtml(s.how)} <i>(${escapeHtml(s.where)})</i></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><base target="_top"><meta charset="utf-8"><title>SLM Workbook help</title></head>
<body style="font-family:Arial,sans-serif;font-size:13px;line-height:1.4">
<p><b>SLM Workbook</b> keeps the school's service catalogue, service levels, contracts and call log in this spreadsheet. The <b>Start here</b> tab ticks off these steps as the workbook shows them done:</p>
<ol>${steps}</ol>
<p><b>Set up workbook</b> adds any missing tab or column and never changes your data. <b>Check workbook</b> lists anything that cannot be read, by tab, row and column. <b>Open SLM panel</b> shows each service's status for the period you choose; the Dashboard and Findings tabs show the same live. <b>Check contracts</b> finds gaps between supplier contracts and the SLA. Hover over a column header for what it holds.</p>
<p>The example school is there to look at: <b>Clear example school</b> removes exactly its rows and keeps everything you typed.</p>
</body></html>`;
}
