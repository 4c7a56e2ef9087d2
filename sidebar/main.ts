/** The SLM panel: period, services, problems, documents, contracts. Every server call goes through the typed bridge. */
import type { PeriodRequest } from '../src/api';
import { createBridge } from './bridge';
import { byId, el, replace } from './dom';
import { loadFindings } from './views/contracts';
import { documentsPanel } from './views/documents';
import { periodPicker } from './views/period';
import { loadProblems } from './views/problems';
import { showServices } from './views/services';
import { advice } from './views/status';

const api = createBridge();

/** Only the answer to the latest request is drawn, so a slow early answer cannot replace a newer one. */
let overviewRequest = 0;

async function loadOverview(request: PeriodRequest): Promise<void> {
  const ticket = ++overviewRequest;
  const list = byId('services');
  const summary = byId('services-summary');
  list.setAttribute('aria-busy', 'true');
  replace(summary, 'Working out attainment…');
  try {
    const overview = await api.getOverview(request);
    if (ticket !== overviewRequest) return;
    picker.show(overview.period, overview.periods);
    showServices(overview);
    documents.show(overview);
  } catch (e) {
    if (ticket !== overviewRequest) return;
    const message = (e as Error).message;
    replace(summary, el('span', { class: 'error', role: 'alert' }, `The overview could not be shown: ${message}. ${advice(message)}`));
  } finally {
    if (ticket === overviewRequest) list.removeAttribute('aria-busy');
  }
}

const picker = periodPicker((request) => void loadOverview(request));
const documents = documentsPanel(api, picker);

let findingsLoaded = false;
const contracts = byId<HTMLDetailsElement>('contracts-section');
contracts.addEventListener('toggle', () => {
  if (contracts.open && !findingsLoaded) {
    findingsLoaded = true;
    void loadFindings(api);
  }
});
byId('check-contracts').addEventListener('click', () => void loadFindings(api));
byId('recheck').addEventListener('click', () => void loadProblems(api));

void loadOverview(picker.request());
void loadProblems(api);
