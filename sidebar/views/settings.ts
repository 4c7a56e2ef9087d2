/** The school's assumptions the findings and the digest use, shown read-only: they are changed on the Settings tab. */
import type { SettingView, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace } from '../dom';

export function showSettings(api: Remote<SlmApi>, settings: readonly SettingView[] | undefined): void {
  const box = byId('settings-box');
  // An older copy of the add-on sends no settings: nothing is shown rather than a wrong default.
  if (!settings?.length) {
    replace(box);
    return;
  }
  const status = el('span', { class: 'small', role: 'status' });
  const go = async () => {
    try {
      await api.selectCell('Settings', 1, 'Value');
      replace(status, ' Selected the Settings tab.');
    } catch (e) {
      replace(status, el('span', { class: 'error' }, ` Could not open the Settings tab: ${(e as Error).message}`));
    }
  };
  replace(
    box,
    el('h3', { id: 'settings-heading' }, 'Assumptions these findings use'),
    el(
      'dl',
      { class: 'settings-list', 'aria-labelledby': 'settings-heading' },
      ...settings.flatMap((s) => [
        el('dt', { title: s.meaning }, s.name),
        el('dd', {}, String(s.value), s.isDefault ? el('span', { class: 'gray' }, ' (default)') : null),
      ]),
    ),
    el('p', { class: 'small' }, el('button', { type: 'button', class: 'link-button', onclick: go }, 'Change them on the Settings tab'), status),
  );
}
