/**
 * A trust workbook's refresh in the panel: "12 of 40 schools read", schools not read with the reason, and the
 * button that starts a refresh. Hidden in a school's own workbook (the server answers null there). While a refresh
 * is under way the open panel carries it on itself every minute (the trigger does when nobody has the panel open;
 * an add-on's trigger may wait an hour).
 */
import type { SlmApi, TrustProgressView } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace } from '../dom';

const POLL_MS = 60 * 1000;

const timeOf = (iso: string): string => {
  const t = new Date(iso);
  return `${t.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
};

export function trustPanel(api: Remote<SlmApi>): { load(): Promise<void> } {
  const section = byId('trust-section');
  const progress = byId('trust-progress');
  const unread = byId('trust-unread');
  const button = byId<HTMLButtonElement>('trust-refresh');
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (p: TrustProgressView) => {
    section.hidden = false;
    const of = `of ${p.total} school${p.total === 1 ? '' : 's'}`;
    replace(
      progress,
      p.running
        ? `${p.read} ${of} done; the refresh carries on by itself.`
        : `${p.read - p.unreadable.length} ${of} read${p.lastRead ? `, last at ${timeOf(p.lastRead)}` : ''}${p.unreadable.length ? `; ${p.unreadable.length} could not be:` : '.'}`,
    );
    replace(unread, ...p.unreadable.map((u) => el('li', {}, el('strong', {}, u.school), `: ${u.reason}`)));
    clearTimeout(timer);
    if (p.running) timer = setTimeout(() => void carryOn(), POLL_MS);
  };

  /** One more execution of the refresh; another already running (the trigger's) just means asking again later. */
  async function carryOn(): Promise<void> {
    try {
      await api.continueTrustRefresh();
    } catch {
      // The workbook was busy (the trigger's execution): its progress is read below all the same.
    }
    await load();
  }

  async function load(): Promise<void> {
    try {
      const p = await api.getTrustProgress();
      if (p) show(p);
      else section.hidden = true;
    } catch {
      // A school's workbook, or an older server: nothing of the trust is shown.
    }
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(progress, "Reading the schools' workbooks…");
    try {
      await api.refreshTrustFigures(null);
      await load();
    } catch (e) {
      replace(progress, el('span', { class: 'error', role: 'alert' }, `The refresh could not run: ${(e as Error).message}`));
    } finally {
      button.disabled = false;
    }
  });
  return { load };
}
