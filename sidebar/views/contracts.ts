/** Contract and supplier findings: hours coverage, fix times against the SLA, over-provision, unknowns, supplier breaches. */
import type { PeriodRequest, SlmApi } from '../../src/api';
import type { Finding, RowRef } from '../../src/core/findings/types';
import type { Remote } from '../bridge';
import { byId, el, replace } from '../dom';
import { plural } from '../../src/core/text';
import { placeOf } from './problems';

const SEVERITIES: ReadonlyArray<[Finding['severity'], string]> = [
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
  ['info', 'Info'],
];

/** Cell links shown before "and N more": enough for most findings, few enough to keep a card short. */
const REFS_SHOWN = 6;

function refButton(api: Remote<SlmApi>, ref: RowRef, status: HTMLElement): HTMLButtonElement {
  const where = placeOf({ tab: ref.tabName, row: ref.row, column: ref.column ?? '' });
  return el(
    'button',
    {
      type: 'button',
      class: 'link-button ref',
      title: 'Select this cell in the sheet',
      onclick: async () => {
        try {
          await api.selectCell(ref.tabName, ref.row, ref.column ?? '');
          replace(status, `Selected ${where} in the sheet.`);
        } catch (e) {
          replace(status, el('span', { class: 'error' }, `Could not select ${where}: ${(e as Error).message}`));
        }
      },
    },
    where,
  );
}

/** The cells behind a finding: the first few, then "and N more", which shows the rest and moves focus to the first of them. */
function refList(api: Remote<SlmApi>, refs: readonly RowRef[], status: HTMLElement): HTMLElement {
  const box = el('div', { class: 'refs' }, ...refs.slice(0, REFS_SHOWN).map((r) => refButton(api, r, status)));
  if (refs.length > REFS_SHOWN) {
    const more: HTMLButtonElement = el(
      'button',
      {
        type: 'button',
        class: 'link-button more',
        onclick: () => {
          const rest = refs.slice(REFS_SHOWN).map((r) => refButton(api, r, status));
          more.replaceWith(...rest);
          rest[0].focus();
        },
      },
      `and ${refs.length - REFS_SHOWN} more`,
    );
    box.append(more);
  }
  return box;
}

function findingItem(api: Remote<SlmApi>, f: Finding, status: HTMLElement): HTMLLIElement {
  // The title shows; the evidence, what to do and the cells behind it open on demand (the arrow says so).
  return el(
    'li',
    { class: `finding ${f.severity}` },
    el(
      'details',
      {},
      el('summary', {}, el('h4', { class: 'title' }, f.title)),
      el('p', { class: 'evidence' }, f.evidence),
      f.action ? el('p', { class: 'what-to-do' }, el('strong', {}, 'What to do: '), f.action) : null,
      f.refs.length ? refList(api, f.refs, status) : null,
    ),
  );
}

/** Only the answer to the latest check is drawn, so findings for an earlier period never replace newer ones. */
let findingsTicket = 0;

/**
 * Loads the findings, supplier figures measured over `period` (named `periodLabel`); a missing analysis
 * (an older copy of the add-on) is said so, not shown as a failure.
 */
export async function loadFindings(api: Remote<SlmApi>, period: PeriodRequest, periodLabel: string): Promise<void> {
  const ticket = ++findingsTicket;
  const list = byId('findings');
  const summary = byId('contracts-summary');
  const status = byId('findings-status');
  list.setAttribute('aria-busy', 'true');
  replace(summary, 'Checking the contracts against the SLAs…');
  try {
    const findings = await api.getFindings(period);
    if (ticket !== findingsTicket) return;
    const acted = findings.filter((f) => f.severity === 'high' || f.severity === 'medium').length;
    replace(byId('contracts-count'), String(findings.length));
    const over = periodLabel ? ` Supplier figures cover ${periodLabel}.` : '';
    replace(
      summary,
      findings.length === 0
        ? `No findings: the contracts, SLAs and log agree.${over}`
        : `${plural(findings.length, 'finding')}, ${acted} to act on.${over} Open one for its evidence and cells.`,
    );
    replace(
      list,
      ...SEVERITIES.map(([severity, name]) => {
        const group = findings.filter((f) => f.severity === severity);
        return group.length
          ? el(
              'li',
              { class: 'sev-group' },
              el('h3', { class: `sev-heading ${severity}` }, `${name} (${group.length})`),
              el('ul', { class: 'findings' }, ...group.map((f) => findingItem(api, f, status))),
            )
          : null;
      }),
    );
  } catch (e) {
    if (ticket !== findingsTicket) return;
    const message = (e as Error).message;
    replace(
      summary,
      /function not found|is not defined|is not a function/i.test(message)
        ? 'The contract analysis is not available in this copy of SLM Workbook.'
        : el('span', { class: 'error' }, `The contracts could not be checked: ${message}`),
    );
  } finally {
    if (ticket === findingsTicket) list.removeAttribute('aria-busy');
  }
}
