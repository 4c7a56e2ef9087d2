/** Generating the SLA (all or chosen services) and the service review, and sharing with the representatives as ticked. */
import type { GeneratedDoc, Overview, SharingPlan, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace, safeUrl } from '../dom';
import { plural } from '../../src/core/text';
import type { PeriodPicker } from './period';
import { showBusy, showDone, showError } from './status';

function docLink(doc: GeneratedDoc): HTMLElement {
  const url = safeUrl(doc.url);
  return url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'doc-link' }, doc.name) : el('span', { class: 'doc-link' }, doc.name);
}

export interface DocumentsPanel {
  /** Lists the services a chosen-services SLA can include and names the review's period. */
  show(overview: Overview): void;
}

export function documentsPanel(api: Remote<SlmApi>, picker: PeriodPicker): DocumentsPanel {
  const status = byId('documents-status');
  const slaButton = byId<HTMLButtonElement>('generate-sla');
  const reviewButton = byId<HTMLButtonElement>('generate-review');
  const choices = byId('sla-services');
  const chosenRadio = byId<HTMLInputElement>('sla-chosen');
  const allRadio = byId<HTMLInputElement>('sla-all');
  const buttons = [slaButton, reviewButton];

  const syncScope = () => {
    choices.hidden = !chosenRadio.checked;
  };
  chosenRadio.addEventListener('change', syncScope);
  allRadio.addEventListener('change', syncScope);

  /** Runs one generation at a time: both buttons wait while a document is being written. */
  const generate = async (what: string, work: () => Promise<GeneratedDoc>) => {
    buttons.forEach((b) => {
      b.disabled = true;
    });
    showBusy(status, `Generating the ${what}… This can take a minute.`);
    try {
      const doc = await work();
      // The review comes as two documents: the representatives' and the internal one beside it.
      if (doc.internal) {
        showDone(
          status,
          `The ${what} is ready: `,
          docLink(doc),
          ' for the representatives, and ',
          docLink(doc.internal),
          ' with supplier detail and costs, never shared. Both are listed on the Documents tab.',
        );
      } else showDone(status, `The ${what} is ready: `, docLink(doc), '. It is listed on the Documents tab.');
    } catch (e) {
      showError(status, `The ${what} was not generated`, e);
    } finally {
      buttons.forEach((b) => {
        b.disabled = false;
      });
    }
  };

  slaButton.addEventListener('click', () => {
    let ids: string[] | null = null;
    if (chosenRadio.checked) {
      ids = [...choices.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
      if (ids.length === 0) {
        showError(status, 'The SLA was not generated', new Error('No service is chosen'), 'Tick at least one service, or choose All services.');
        return;
      }
    }
    void generate('SLA', () => api.generateSla(ids));
  });
  reviewButton.addEventListener('click', () => {
    void generate('service review', () => api.generateReview(picker.request()));
  });

  const shareStatus = byId('share-status');
  const shareButton = byId<HTMLButtonElement>('share');
  const planBox = byId('share-plan');
  const closePlan = () => {
    replace(planBox);
    shareButton.hidden = false;
    shareButton.focus();
  };
  /** Who gets what, ticked as suggested; nothing is shared until Share as ticked. */
  const showPlan = (plan: SharingPlan) => {
    const docs = plan.documents.length ? plan.documents.join(' and ') : 'no SLA or review yet (generate them first)';
    const rows = plan.people.map((p, i) => {
      const tick = (what: 'documents' | 'workbook', label: string, refused = false) =>
        el('input', {
          type: 'checkbox',
          id: `share-${what}-${i}`,
          'data-name': p.name,
          'data-what': what,
          checked: p[what],
          disabled: !p.email || (refused && !p[what]),
          'aria-label': `${label} for ${p.name}`,
        });
      return el(
        'tr',
        {},
        el(
          'td',
          {},
          el('span', {}, p.name),
          el('br'),
          el(
            'span',
            { class: 'gray small' },
            [p.role === 'Head teacher' ? 'Head teacher' : (p.area ?? 'Representative'), p.student ? 'student: documents only' : '', p.email ? '' : 'no email']
              .filter(Boolean)
              .join('; '),
          ),
          p.workbookRefused && !p.student ? el('span', { class: 'gray small' }, el('br'), 'Workbook: set Student? to No on the People tab first') : null,
        ),
        el('td', {}, tick('documents', 'SLA and review')),
        el('td', {}, tick('workbook', 'Workbook', !!p.workbookRefused)),
        el('td', { class: 'gray small' }, p.access ?? 'No email'),
      );
    });
    const apply = el(
      'button',
      {
        type: 'button',
        class: 'share',
        id: 'share-apply',
        onclick: () => {
          void run();
        },
      },
      'Share as ticked',
    );
    const cancel = el(
      'button',
      {
        type: 'button',
        id: 'share-cancel',
        onclick: () => {
          closePlan();
          replace(shareStatus);
        },
      },
      'Cancel',
    );
    const run = async () => {
      const choices = plan.people.map((p, i) => ({
        name: p.name,
        documents: byId<HTMLInputElement>(`share-documents-${i}`).checked,
        workbook: byId<HTMLInputElement>(`share-workbook-${i}`).checked,
      }));
      const remove = plan.others.filter((_, i) => byId<HTMLInputElement>(`share-remove-${i}`).checked).map((o) => o.email);
      apply.disabled = true;
      showBusy(shareStatus, 'Sharing as ticked…');
      try {
        const result = await api.applySharing(choices, remove);
        closePlan();
        showDone(
          shareStatus,
          el(
            'p',
            {},
            result.shared.length ? `Access set for ${result.shared.join(', ')}, as recorded in the People tab's Access column.` : 'Nothing was changed.',
          ),
          result.removed.length ? el('p', {}, `Removed: ${result.removed.join(', ')}.`) : null,
          result.skipped.length ? el('p', {}, `Not done: ${result.skipped.join('; ')}.`) : null,
        );
      } catch (e) {
        apply.disabled = false;
        showError(shareStatus, 'Sharing was not done', e);
      }
    };
    const others = plan.others.map((o, i) =>
      el(
        'li',
        {},
        el('input', { type: 'checkbox', id: `share-remove-${i}`, 'aria-label': `Remove ${o.email}` }),
        el('label', { class: 'inline', for: `share-remove-${i}` }, `Remove ${o.email}`),
        el('br'),
        el('span', { class: 'gray small' }, o.access),
      ),
    );
    replace(
      planBox,
      el('p', {}, `SLA and review: ${docs}, as commenters. Each person given something new gets one email from you with the links.`),
      el(
        'table',
        { class: 'share-plan' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Person'), el('th', {}, 'SLA and review'), el('th', {}, 'Workbook'), el('th', {}, 'Now'))),
        el('tbody', {}, ...rows),
      ),
      plan.people.length ? null : el('p', {}, 'No representative or head teacher is on the People tab.'),
      others.length
        ? el(
            'div',
            { class: 'share-others' },
            el('h3', {}, 'Others who can open the workbook or a document'),
            el('p', { class: 'gray small' }, 'Not on the People tab. Tick to take their access away from the workbook and every generated document.'),
            el('ul', { class: 'plain' }, ...others),
          )
        : null,
      plan.unreadable.length
        ? el(
            'p',
            { class: 'gray small' },
            `Who can open ${plan.unreadable.join(', ')} could not be read: the add-in was not given ${plan.unreadable.length === 1 ? 'it' : 'them'}.`,
          )
        : null,
      el('div', { class: 'block buttons' }, apply, cancel),
    );
    shareButton.hidden = true;
    apply.focus();
  };
  shareButton.addEventListener('click', async () => {
    showBusy(shareStatus, 'Reading who can open what…');
    try {
      showPlan(await api.getSharingPlan());
      replace(shareStatus);
    } catch (e) {
      showError(shareStatus, 'The sharing plan could not be read', e);
    }
  });

  return {
    show(overview) {
      const checked = new Set([...choices.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value));
      replace(
        choices,
        ...overview.services.map((s, i) => {
          const id = `sla-service-${i}`;
          return el(
            'li',
            {},
            el('input', { type: 'checkbox', id, value: s.serviceId, checked: checked.has(s.serviceId) }),
            el('label', { class: 'inline', for: id }, s.name),
          );
        }),
      );
      replace(
        byId('review-note'),
        `The service review covers ${overview.period.label} (the period chosen above), ${plural(overview.services.length, 'service')}.`,
      );
    },
  };
}
