/** The daily digest: on or off for the signed-in user, what it would say today, and who else receives it. */
import type { DigestState, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace, safeUrl } from '../dom';
import { showBusy, showError } from './status';

const dateTime = (iso: string): string => {
  const d = new Date(iso);
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** What the state means in words. */
function describe(s: DigestState): string {
  const at = `between ${String(s.hour).padStart(2, '0')}:00 and ${String(s.hour + 1).padStart(2, '0')}:00`;
  switch (s.status) {
    case 'on':
      return `On: sent to ${s.recipient} every day ${at} when there is something to report.`;
    case 'off':
      return 'Off. When on, it emails you each morning the open items close to or past their target, targets at risk, and reviews, renewals and actions coming due. No email when there is nothing to say.';
    case 'stale':
      return 'Your digest was turned on, but its trigger is gone (removed on the Apps Script triggers page, or stopped because access was withdrawn). Turn it on again to restart it, or off to forget it.';
    case 'needsAuth':
      return 'The digest needs two more permissions: to send email as you and to run each morning. Grant them, then reopen this panel.';
  }
}

export function digestPanel(api: Remote<SlmApi>): { load(): Promise<void> } {
  const status = byId('digest-status');
  const toggle = byId<HTMLButtonElement>('digest-toggle');
  const preview = byId('digest-preview');
  let state: DigestState | undefined;

  const show = (s: DigestState) => {
    state = s;
    status.removeAttribute('aria-busy');
    const last = s.lastRun ? el('p', { class: 'gray small' }, `Last run ${dateTime(s.lastRun)}: ${s.lastResult ?? ''}`) : null;
    const others = s.others.length
      ? el(
          'p',
          { class: 'gray small' },
          'Also on for: ',
          s.others.map((o) => `${o.email}${o.stopped ? ' (has not run for two days: theirs may have stopped)' : ''}`).join('; '),
          '.',
        )
      : null;
    const url = s.authUrl ? safeUrl(s.authUrl) : undefined;
    const grant = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Grant access') : null;
    replace(status, el('p', {}, describe(s)), last, others, grant);
    toggle.hidden = s.status === 'needsAuth';
    toggle.textContent = s.status === 'on' ? 'Turn the daily digest off' : 'Turn the daily digest on';
  };

  const load = async () => {
    showBusy(status, 'Checking the daily digest…');
    try {
      show(await api.getDigestState());
      const p = await api.previewDigest(null);
      replace(
        preview,
        p
          ? el(
              'div',
              {},
              el('p', { class: 'small' }, `Today it would say: ${p.subject}`),
              ...p.sections.map((s) =>
                el('details', {}, el('summary', {}, `${s.title} (${s.lines.length})`), el('ul', { class: 'small' }, ...s.lines.map((l) => el('li', {}, l)))),
              ),
            )
          : el('p', { class: 'gray small' }, 'Today there is nothing to report: no email would be sent.'),
      );
    } catch (e) {
      showError(status, 'The digest could not be checked', e);
    }
  };

  toggle.addEventListener('click', async () => {
    const on = state?.status !== 'on';
    toggle.disabled = true;
    showBusy(status, on ? 'Turning the digest on…' : 'Turning the digest off…');
    try {
      show(await api.setDigest(on));
    } catch (e) {
      showError(status, on ? 'The digest was not turned on' : 'The digest was not turned off', e);
    } finally {
      toggle.disabled = false;
    }
  });
  return { load };
}
