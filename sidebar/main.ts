/** The SLM panel: period, services, problems, documents, contracts. Every server call goes through the typed bridge. */
import type { Overview, PeriodRequest } from '../src/api';
import { createBridge } from './bridge';
import { byId, el, replace } from './dom';
import { loadFindings } from './views/contracts';
import { digestPanel } from './views/digest';
import { sparkline } from './views/sparkline';
import type { TrendsView } from '../src/api';
import { commentsPanel } from './views/comments';
import { documentsPanel } from './views/documents';
import { importPanel } from './views/import';
import { periodPicker } from './views/period';
import { loadProblems } from './views/problems';
import { showServices } from './views/services';
import { showSettings } from './views/settings';
import { advice } from './views/status';
import { trustPanel } from './views/trust';

const api = createBridge();

/** How long a choice in the period list must stand before its figures are asked for (arrowing passes many). */
const SETTLE_MS = 400;

/**
 * Only the answer to the latest request is drawn, so a slow early answer cannot replace a newer one: each
 * ask takes a new ticket at once, even while it waits for the choice to settle.
 */
let overviewTicket = 0;
let overviewTimer: ReturnType<typeof setTimeout> | undefined;
let shownOverview: Overview | undefined;
/** Once the contracts section has been opened, its findings follow the period. */
let findingsLoaded = false;
/** Ends the wait of an ask that was cancelled before it was sent. */
let cancelWaiting: (() => void) | undefined;

const list = byId('services');
const summary = byId('services-summary');

/** True when this request's figures are now shown. */
async function loadOverview(request: PeriodRequest, ticket: number): Promise<boolean> {
  try {
    const overview = await api.getOverview(request);
    if (ticket !== overviewTicket) return false;
    shownOverview = overview;
    picker.show(overview.period, overview.periods);
    showServices(overview);
    void addTrends();
    documents.show(overview);
    comments.show(overview.comments);
    showSettings(api, overview.settings);
    if (findingsLoaded) void loadFindings(api, request, overview.period.label);
    return true;
  } catch (e) {
    if (ticket !== overviewTicket) return false;
    const message = (e as Error).message;
    replace(summary, el('span', { class: 'error', role: 'alert' }, `The overview could not be shown: ${message}. ${advice(message)}`));
    return false;
  } finally {
    if (ticket === overviewTicket) list.removeAttribute('aria-busy');
  }
}

/**
 * Asks for the overview of `request` once the choice has stood for `delay` ms; any later ask cancels it.
 * `null` (custom dates being entered) cancels what is on its way and leaves the last figures, which name their period.
 */
function askOverview(request: PeriodRequest | null, delay: number): Promise<boolean> {
  const ticket = ++overviewTicket;
  clearTimeout(overviewTimer);
  cancelWaiting?.();
  if (!request) {
    list.removeAttribute('aria-busy');
    if (shownOverview) showServices(shownOverview);
    else replace(summary, 'Enter the dates, then choose Show.');
    return Promise.resolve(false);
  }
  list.setAttribute('aria-busy', 'true');
  replace(summary, 'Working out attainment…');
  return new Promise((resolve) => {
    cancelWaiting = () => resolve(false);
    overviewTimer = setTimeout(() => {
      cancelWaiting = undefined;
      void loadOverview(request, ticket).then(resolve);
    }, delay);
  });
}

/** The 12-month trends do not depend on the period: asked for once, then drawn into every service shown. */
let trends: Promise<TrendsView> | undefined;
async function addTrends(): Promise<void> {
  try {
    trends ??= api.getTrends();
    const t = await trends;
    for (const li of Array.from(list.querySelectorAll<HTMLElement>('li.service'))) {
      if (li.querySelector('.trend')) continue;
      const figure = sparkline(t, li.dataset.service ?? '');
      if (figure) li.querySelector('.figures')?.appendChild(figure);
    }
  } catch {
    trends = undefined; // the figures stand without their trend; the next load asks again
  }
}

const picker = periodPicker((request, settled) => void askOverview(request, settled ? 0 : SETTLE_MS));
const documents = documentsPanel(api, picker);
const comments = commentsPanel(api, () => void askOverview(picker.request(), 0));
importPanel(api);

const digest = digestPanel(api);
const digestSection = byId<HTMLDetailsElement>('digest-section');
let digestLoaded = false;
digestSection.addEventListener('toggle', () => {
  if (digestSection.open && !digestLoaded) {
    digestLoaded = true;
    void digest.load();
  }
});

const contracts = byId<HTMLDetailsElement>('contracts-section');
contracts.addEventListener('toggle', () => {
  if (contracts.open && !findingsLoaded) {
    findingsLoaded = true;
    void loadFindings(api, picker.request(), picker.label());
  }
});
byId('check-contracts').addEventListener('click', () => void loadFindings(api, picker.request(), picker.label()));
byId('recheck').addEventListener('click', () => void loadProblems(api));

/** Refresh: the workbook read again for the period shown (figures, problems and, once opened, contracts). */
const refreshStatus = byId('refresh-status');
byId('refresh').addEventListener('click', async () => {
  replace(refreshStatus, 'Reading the workbook again…');
  trends = undefined;
  const [shown] = await Promise.all([askOverview(picker.request(), 0), loadProblems(api)]);
  const t = new Date();
  const time = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  // A failure is said where the figures go; a newer choice of period speaks for itself.
  replace(refreshStatus, shown ? `Read from the workbook at ${time}.` : '');
});

void askOverview(picker.request(), 0);
void loadProblems(api);
void trustPanel(api).load();
