/**
 * Record sign-off: who signed the current SLA version and when. The Documents tab marks that version
 * signed (a signed version is never changed: the next generation is a new version with its change list),
 * and the SLA tab follows (every service Agreed on the day it was signed).
 */
import type { SignOffView } from '../api';
import { agreedRows, signedLine, signOffPlan } from '../core/signoff/plan';
import { tabDef } from '../core/schema/workbook';
import { locateColumns } from '../core/workbook/columns';
import { localDayToUtc, localDayNumber, zoneOf } from '../core/time/zone';
import { escapeHtml } from '../core/html';
import { withDocumentLock } from '../adapters/lock';
import { readWorkbook, writeColumnCells } from '../adapters/sheets';
import { isoInstantArg, signersArg } from './arguments';

export function getSignOffPlan(): SignOffView {
  const { workbook } = readWorkbook(SpreadsheetApp.getActive(), ['documents', 'people']);
  const plan = signOffPlan(workbook.documents, workbook.people);
  return { version: plan.document?.label ?? null, name: plan.document?.name ?? null, signed: plan.signed || null, signatories: plan.signatories };
}

/** Records the sign-off of the newest SLA version by `signers` (People tab names) on `date` (ISO; blank is today). */
export function recordSignOff(signers: string[], date?: string | null): string {
  const names = signersArg(signers);
  const at = isoInstantArg(date ?? null, 'date') ?? Date.now();
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const { workbook } = readWorkbook(ss, ['documents', 'people', 'sla']);
    const plan = signOffPlan(workbook.documents, workbook.people);
    if (!plan.document) throw new Error('There is no SLA to sign yet: generate the SLA first.');
    if (plan.signed) throw new Error(`Version ${plan.document.label ?? ''} is already signed (${plan.signed}). Generate a new version to sign again.`);
    const unknown = names.filter((n) => !plan.signatories.some((s) => s.name === n));
    if (unknown.length)
      throw new Error(
        `signers: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a head teacher, service manager or representative on the People tab.`,
      );
    const day = localDayToUtc(localDayNumber(at, workbook.timeZone), 0, zoneOf(workbook.timeZone));
    const line = signedLine(
      names.map((n) => plan.signatories.find((s) => s.name === n)!),
      at,
      workbook.timeZone,
    );
    writeColumnCells(ss, 'documents', 'Signed', new Map([[plan.document.row, line]]));
    // The SLA tab follows: its status and Agreed on columns, one read and one write each.
    const changes = agreedRows(workbook.sla, day);
    const sheet = ss.getSheetByName(tabDef('sla').name);
    if (sheet && changes.length) {
      const values = sheet.getDataRange().getValues();
      const { index } = locateColumns(values[0], tabDef('sla'));
      for (const [key, value] of [
        ['status', (c: (typeof changes)[0]) => c.status],
        ['agreedOn', (c: (typeof changes)[0]) => new Date(c.agreedOn)],
      ] as const) {
        const col = index[key];
        if (col === undefined) continue;
        const last = changes.reduce((m, c) => Math.max(m, c.row), 0);
        const cells = values.slice(1, last).map((r) => [r[col]]);
        for (const c of changes) cells[c.row - 2] = [value(c)];
        sheet.getRange(2, col + 1, cells.length, 1).setValues(cells);
      }
    }
    return line;
  });
}

export function menuRecordSignOff(): void {
  const view = getSignOffPlan();
  const ui = SpreadsheetApp.getUi();
  if (!view.version) {
    ui.alert('Record sign-off', 'There is no SLA to sign yet: generate the SLA first.', ui.ButtonSet.OK);
    return;
  }
  if (view.signed) {
    ui.alert('Record sign-off', `Version ${view.version} is already signed: ${view.signed}. Generate a new version to sign again.`, ui.ButtonSet.OK);
    return;
  }
  const boxes = view.signatories
    .map((s, i) => `<label><input type="checkbox" name="s" value="${i}"> ${escapeHtml(s.name)} <small>(${escapeHtml(s.role)})</small></label><br>`)
    .join('');
  const html = `<div style="font-family:Arial,sans-serif;font-size:13px"><p>Who signed <b>${escapeHtml(view.name ?? `SLA ${view.version}`)}</b>?</p>${boxes}
<p><label>Signed on <input type="date" id="d"></label></p><p><button id="ok">Record sign-off</button> <span id="msg"></span></p></div>
<script>const names=${JSON.stringify(view.signatories.map((s) => s.name)).replace(/</g, '\\u003c')};
document.getElementById('ok').onclick=function(){var ticked=[].slice.call(document.querySelectorAll('input[name=s]:checked')).map(function(b){return names[+b.value]});
var d=document.getElementById('d').value;var msg=document.getElementById('msg');if(!ticked.length){msg.textContent='Tick who signed.';return}
google.script.run.withSuccessHandler(function(line){msg.textContent=line+'.';setTimeout(function(){google.script.host.close()},1500)}).withFailureHandler(function(e){msg.textContent=e.message}).recordSignOff(ticked,d?d+'T12:00:00Z':null)};</script>`;
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(420).setHeight(360), 'Record sign-off');
}
