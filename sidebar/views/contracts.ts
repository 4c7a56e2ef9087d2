/** Contract and supplier findings: hours coverage, fix times against the SLA, over-provision, unknowns, supplier breaches. */
import type { SlmApi } from '../../src/api';
import type { Finding, RowRef } from '../../src/core/contracts/types';
import type { Remote } from '../bridge';
import { byId, el, replace } from '../dom';
import { plural } from '../format';
import { placeOf } from './problems';

const SEVERITY_TEXT: Record<Finding['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'For information' };

function refButton(api: Remote<SlmApi>, ref: RowRef, status: HTMLElement): HTMLButtonElement {
  const where = placeOf({ tab: ref.tabName, row: ref.row, column: ref.column ?? '' });
  return el('button', {
    type: 'button', class: 'link-button ref', title: 'Select this cell in the sheet',
    onclick: async () => {
      try {
        await api.selectCell(ref.tabName, ref.row, ref.column ?? '');
        replace(status, `Selected ${where} in the sheet.`);
      } catch (e) {
        replace(status, el('span', { class: 'error' }, `Could not select ${where}: ${(e as Error).message}`));
      }
    },
  }, where);
}

function findingItem(api: Remote<SlmApi>, f: Finding, status: HTMLElement): HTMLLIElement {
  // Title and severity first; the evidence, what to do and the cells behind it open on demand.
  return el('li', { class: `finding ${f.severity}` }, el('details', {},
    el('summary', {}, el('div', { class: 'row' }, el('h3', { class: 'title' }, f.title), el('span', { class: `sev ${f.severity}` }, SEVERITY_TEXT[f.severity]))),
    el('p', { class: 'evidence' }, f.evidence),
    f.action ? el('p', { class: 'what-to-do' }, el('strong', {}, 'What to do: '), f.action) : null,
    f.refs.length ? el('div', { class: 'refs' }, ...f.refs.slice(0, 6).map((r) => refButton(api, r, status))) : null));
}

/** Loads the findings; a missing analysis (an older copy of the add-on) is said so, not shown as a failure. */
export async function loadFindings(api: Remote<SlmApi>): Promise<void> {
  const list = byId('findings');
  const summary = byId('contracts-summary');
  const status = byId('findings-status');
  replace(summary, 'Checking the contracts against the SLAs…');
  try {
    const findings = await api.getFindings();
    const acted = findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length;
    replace(byId('contracts-count'), String(findings.length));
    replace(summary, findings.length === 0
      ? 'No findings: the contracts, SLAs and log agree.'
      : `${plural(findings.length, 'finding')}, ${acted} to act on. The most serious come first.`);
    // Findings for information only fold away under the ones to act on.
    const toAct = findings.filter((f) => f.severity !== 'info');
    const info = findings.filter((f) => f.severity === 'info');
    replace(list, ...toAct.map((f) => findingItem(api, f, status)),
      info.length ? el('li', { class: 'info-group' }, el('details', {},
        el('summary', {}, `${plural(info.length, 'finding')} for information`),
        el('ul', { class: 'findings' }, ...info.map((f) => findingItem(api, f, status))))) : null);
  } catch (e) {
    const message = (e as Error).message;
    replace(summary, /function not found|is not defined|is not a function/i.test(message)
      ? 'The contract analysis is not available in this copy of SLM Workbook.'
      : el('span', { class: 'error' }, `The contracts could not be checked: ${message}`));
  }
}
