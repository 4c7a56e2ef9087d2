/** Generating the SLA (all or chosen services) and the service review, and sharing with the representatives. */
import type { GeneratedDoc, Overview, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace, safeUrl } from '../dom';
import { plural } from '../../src/core/text';
import type { PeriodPicker } from './period';
import { showBusy, showDone, showError } from './status';

function docLink(doc: GeneratedDoc): HTMLElement {
  const url = safeUrl(doc.url);
  return url
    ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'doc-link' }, doc.name)
    : el('span', { class: 'doc-link' }, doc.name);
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

  const syncScope = () => { choices.hidden = !chosenRadio.checked; };
  chosenRadio.addEventListener('change', syncScope);
  allRadio.addEventListener('change', syncScope);

  /** Runs one generation at a time: both buttons wait while a document is being written. */
  const generate = async (what: string, work: () => Promise<GeneratedDoc>) => {
    buttons.forEach((b) => { b.disabled = true; });
    showBusy(status, `Generating the ${what}… This can take a minute.`);
    try {
      const doc = await work();
      showDone(status, `The ${what} is ready: `, docLink(doc), '. It is listed on the Documents tab.');
    } catch (e) {
      showError(status, `The ${what} was not generated`, e);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
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
  const shareButtons = byId('share-buttons');
  const shareButton = byId<HTMLButtonElement>('share');
  const share = async () => {
    showBusy(shareStatus, 'Sharing with the representatives…');
    try {
      const result = await api.shareWithRepresentatives();
      showDone(shareStatus,
        el('p', {}, result.shared.length ? `Shared for comment with ${result.shared.join(', ')}.` : 'Nobody was added: no end-user representative on the People tab has an email.'),
        result.skipped.length ? el('p', {}, `Not shared: ${result.skipped.join('; ')}.`) : null);
    } catch (e) {
      showError(shareStatus, 'Sharing was not done', e);
    } finally {
      replace(shareButtons, shareButton);
      shareButton.focus();
    }
  };
  shareButton.addEventListener('click', () => {
    // Sharing emails people: one more click to confirm, never a surprise.
    const yes = el('button', { type: 'button', class: 'share', onclick: () => { yes.disabled = true; void share(); } }, 'Share now');
    const no = el('button', { type: 'button', onclick: () => { replace(shareButtons, shareButton); replace(shareStatus); shareButton.focus(); } }, 'Cancel');
    replace(shareStatus, el('p', {}, 'Drive will email each representative a link. Share now?'));
    replace(shareButtons, yes, no);
    yes.focus();
  });

  return {
    show(overview) {
      const checked = new Set([...choices.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value));
      replace(choices, ...overview.services.map((s, i) => {
        const id = `sla-service-${i}`;
        return el('li', {},
          el('input', { type: 'checkbox', id, value: s.serviceId, checked: checked.has(s.serviceId) }),
          el('label', { class: 'inline', for: id }, s.name));
      }));
      replace(byId('review-note'), `The service review covers ${overview.period.label} (the period chosen above), ${plural(overview.services.length, 'service')}.`);
    },
  };
}
