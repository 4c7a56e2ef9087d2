/**
 * Import incidents: choose a CSV from Drive, paste CSV text or name a tab; the preview shows the
 * helpdesk found, the column and value mapping (each can be changed), how dates are read, the first
 * rows and what would be skipped. Nothing is written until Import is pressed.
 */
import type { CallForm, ImportPreview, ImportRequest, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, el, replace, safeUrl } from '../dom';
import { plural } from '../../src/core/text';
import { showBusy, showDone, showError } from './status';

type Choice = [value: string, label: string];
const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

function select(id: string, label: string, choices: Choice[], value: string, onChange: (v: string) => void): HTMLElement {
  const box = el(
    'select',
    { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...choices.map(([v, text]) => el('option', { value: v, selected: v === value }, text)),
  );
  return el('div', { class: 'map-row' }, el('label', { for: id }, label), box);
}

export function importPanel(api: Remote<SlmApi>): void {
  const section = byId<HTMLDetailsElement>('import-section');
  const files = byId<HTMLSelectElement>('import-file');
  const text = byId<HTMLTextAreaElement>('import-text');
  const tab = byId<HTMLInputElement>('import-tab');
  const out = byId('import-preview');
  const status = byId('import-status');
  const previewButton = byId<HTMLButtonElement>('import-show');
  const runButton = byId<HTMLButtonElement>('import-run');
  let choices: ImportRequest = {};
  let filesLoaded = false;

  const from = () => document.querySelector<HTMLInputElement>('input[name=import-from]:checked')?.value ?? 'file';
  const syncFrom = () => {
    for (const kind of ['file', 'text', 'tab']) byId(`import-from-${kind}-box`).hidden = from() !== kind;
  };
  document.querySelectorAll<HTMLInputElement>('input[name=import-from]').forEach((r) => {
    r.addEventListener('change', () => {
      syncFrom();
      reset();
    });
  });
  syncFrom();

  const request = (): [string | null, ImportRequest] => {
    const kind = from();
    return [
      kind === 'text' ? text.value : null,
      { ...choices, ...(kind === 'file' ? { fileId: files.value } : kind === 'tab' ? { tab: tab.value.trim() } : {}) },
    ];
  };
  const reset = () => {
    choices = {};
    replace(out);
    replace(status);
    runButton.hidden = true;
  };

  async function loadFiles(): Promise<void> {
    filesLoaded = true;
    try {
      const list = await api.listImportFiles();
      if (files.querySelector('option[data-picked]')) return;
      replace(
        files,
        ...(list.length ? list.map((f) => el('option', { value: f.id }, f.name)) : [el('option', { value: '' }, 'None yet: choose one in Drive')]),
      );
    } catch (e) {
      replace(files, el('option', { value: '' }, 'The Drive files could not be listed'));
      showError(status, 'Your CSV files could not be listed', e);
    }
  }
  // Google Picker opens in a dialog over the sheet; what is picked there comes back through the server.
  const pickButton = byId<HTMLButtonElement>('import-pick');
  let waiting: ReturnType<typeof setInterval> | undefined;
  const stopWaiting = () => {
    if (waiting !== undefined) clearInterval(waiting);
    waiting = undefined;
    pickButton.disabled = false;
  };
  const usePicked = (f: { id: string; name: string }) => {
    const option = el('option', { value: f.id, 'data-picked': 'yes', selected: true }, f.name);
    files.prepend(option);
    files.value = f.id;
    reset();
    void preview();
  };
  pickButton.addEventListener('click', async () => {
    stopWaiting();
    pickButton.disabled = true;
    showBusy(status, 'Choose the file in the Google Drive window…');
    try {
      await api.showPicker('csv');
    } catch (e) {
      pickButton.disabled = false;
      showError(status, "Google Drive's chooser did not open", e);
      return;
    }
    const until = Date.now() + 10 * 60_000;
    waiting = setInterval(async () => {
      if (Date.now() > until) {
        stopWaiting();
        replace(status);
        return;
      }
      try {
        const picked = await api.takePickedFile();
        if (picked) {
          stopWaiting();
          usePicked(picked);
        }
      } catch (e) {
        stopWaiting();
        showError(status, 'The chosen file could not be read', e);
      }
    }, 2000);
  });

  // The call-logging form: its link to share, and a button that creates it or refreshes its services.
  const formLink = byId('callform-link');
  const formButton = byId<HTMLButtonElement>('callform-make');
  const formStatus = byId('callform-status');
  const formWaiting = byId('callform-waiting');
  // Answers the form's trigger could not write yet (they are safe on the form's responses tab).
  const showWaiting = (count: number, reason: string | null) => {
    formWaiting.hidden = count === 0;
    if (count === 0) {
      replace(formWaiting);
      return;
    }
    const write = el('button', { type: 'button', id: 'callform-write' }, 'Write them now');
    write.addEventListener('click', async () => {
      write.disabled = true;
      showBusy(formStatus, 'Writing the waiting answers…');
      try {
        const r = await api.writeWaitingCalls();
        showWaiting(r.waiting, r.reason);
        if (r.waiting === 0) showDone(formStatus, `${plural(r.written, 'answer')} written to the Incidents tab.`);
        else replace(formStatus);
      } catch (e) {
        showError(formStatus, 'The waiting answers were not written', e);
        write.disabled = false;
      }
    });
    replace(
      formWaiting,
      el(
        'p',
        { class: 'import-warning', role: 'status' },
        `${plural(count, 'answer')} from the form ${count === 1 ? 'waits' : 'wait'} to be written to the Incidents tab${reason ? `: ${reason}` : '.'} ${count === 1 ? 'It is' : 'They are'} written with the next answer, the next menu action or Set up, or now:`,
      ),
      el('div', { class: 'block buttons' }, write),
    );
  };
  const showForm = (f: CallForm | null) => {
    const url = f && safeUrl(f.url);
    replace(formLink, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Open the form to share its link') : 'No form yet.');
    formButton.textContent = f ? 'Refresh its list of services' : 'Create the form';
    showWaiting(f?.waiting ?? 0, f?.waitingReason ?? null);
  };
  formButton.addEventListener('click', async () => {
    formButton.disabled = true;
    showBusy(formStatus, 'Working on the form…');
    try {
      const f = await api.createCallForm();
      showForm(f);
      showDone(
        formStatus,
        f.created
          ? `The form is ready, offering ${plural(f.services, 'service')}. Share its link with staff.`
          : `Its list now offers ${plural(f.services, 'service')}.`,
      );
    } catch (e) {
      showError(formStatus, 'The form was not made', e);
    } finally {
      formButton.disabled = false;
    }
  });
  const opened = () => {
    if (filesLoaded) return;
    void loadFiles();
    api.getCallForm().then(showForm, () => showForm(null));
  };
  section.addEventListener('toggle', () => {
    if (section.open) opened();
  });
  if (section.open) opened();

  const change = (patch: ImportRequest) => {
    choices = { ...choices, ...patch };
    void preview();
  };
  const mapWords = (key: 'services' | 'priorities' | 'types', value: string, to: string) =>
    change({ [key]: { ...(choices[key] ?? {}), [value]: to } } as ImportRequest);

  function show(p: ImportPreview): void {
    const header: Choice[] = [['', '— none —'], ...p.header.filter((h) => h).map((h): Choice => [h, h])];
    const valueRows = (key: 'services' | 'priorities' | 'types', list: ImportPreview['values']['services'], ours: string[]) =>
      list.map((v, i) =>
        select(
          `import-${key}-${i}`,
          `${v.value || '(blank)'} · ${plural(v.rows, 'row')}`,
          [['', '— not imported —'], ...ours.map((o): Choice => [o, o])],
          v.mapped ?? '',
          (to) => mapWords(key, v.value, to),
        ),
      );
    replace(
      out,
      el(
        'p',
        {},
        el('strong', {}, `${p.source.name} export`),
        `: ${plural(p.added, 'row')} to add, ${p.updated} to update, ${p.unchanged} unchanged, ${p.skippedCount} skipped.`,
      ),
      p.error ? el('p', { class: 'error', role: 'alert' }, p.error) : null,
      ...p.warnings.map((w) => el('p', { class: 'import-warning' }, w)),
      select(
        'import-preset',
        'Helpdesk',
        p.source.presets.map((x): Choice => [x.id, x.name]),
        p.source.preset,
        (v) => {
          choices = { preset: v };
          void preview();
        },
      ),
      el('p', { class: 'small' }, p.dates.text),
      select(
        'import-dates',
        'Dates',
        [
          ['dmy', 'Day first (31/12/2025)'],
          ['mdy', 'Month first (12/31/2025)'],
        ],
        p.dates.order,
        (v) => change({ dateOrder: v as 'dmy' | 'mdy' }),
      ),
      el(
        'details',
        { class: 'mapping', open: !!p.error },
        el('summary', {}, 'Columns'),
        ...p.columns.map((c) =>
          select(`import-col-${c.field}`, c.label, header, c.header ?? '', (v) => change({ columns: { ...(choices.columns ?? {}), [c.field]: v } })),
        ),
      ),
      p.values.services.length
        ? el(
            'details',
            { class: 'mapping', open: p.values.services.some((v) => !v.mapped) },
            el('summary', {}, 'Services'),
            ...valueRows('services', p.values.services, [...p.serviceIds]),
          )
        : null,
      p.values.priorities.length
        ? el(
            'details',
            { class: 'mapping', open: p.values.priorities.some((v) => !v.mapped) },
            el('summary', {}, 'Priorities'),
            ...valueRows('priorities', p.values.priorities, PRIORITIES),
          )
        : null,
      p.values.types.length
        ? el(
            'details',
            { class: 'mapping', open: p.values.types.some((v) => !v.mapped) },
            el('summary', {}, 'Types'),
            ...valueRows('types', p.values.types, ['Incident', 'Request']),
          )
        : null,
      p.sample.length
        ? el(
            'details',
            { class: 'mapping' },
            el('summary', {}, `First ${plural(p.sample.length, 'row')}`),
            el(
              'ul',
              { class: 'sample' },
              ...p.sample.map((r) =>
                el(
                  'li',
                  {},
                  el('strong', {}, r.Ref),
                  ` ${r['Service ID']} · ${r.Type} · ${r.Priority} · opened ${r.Opened}${r.Resolved ? ` · resolved ${r.Resolved}` : ''}`,
                  el('br'),
                  el('span', { class: 'gray' }, r.Summary),
                ),
              ),
            ),
          )
        : null,
      p.skipped.length
        ? el(
            'details',
            { class: 'mapping', open: true },
            el('summary', {}, `Skipped (${p.skippedCount})`),
            el(
              'ul',
              { class: 'skipped' },
              ...p.skipped.map((s) => el('li', {}, `Line ${s.line}: ${s.reason}`)),
              p.skippedCount > p.skipped.length ? el('li', {}, `… and ${p.skippedCount - p.skipped.length} more`) : null,
            ),
          )
        : null,
      p.conflicts.length
        ? el(
            'details',
            { class: 'mapping', open: true },
            el('summary', {}, `Changed on the sheet since the last import (${p.conflictsCount})`),
            el(
              'p',
              { class: 'small' },
              p.takeExport ? "These cells will take the export's values." : 'These cells keep what was typed on the sheet; the export says otherwise.',
            ),
            el(
              'ul',
              { class: 'skipped' },
              ...p.conflicts.map((c) => el('li', {}, `${c.ref}, ${c.field}: "${c.sheet}" on the sheet, "${c.file}" in the export`)),
              p.conflictsCount > p.conflicts.length ? el('li', {}, `… and ${p.conflictsCount - p.conflicts.length} more`) : null,
            ),
            el(
              'label',
              { class: 'check' },
              el('input', {
                type: 'checkbox',
                id: 'import-take',
                checked: p.takeExport,
                onchange: (e: Event) => change({ takeExport: (e.target as HTMLInputElement).checked }),
              }),
              " Take the export's values for these cells",
            ),
          )
        : null,
      p.notes.length
        ? el(
            'details',
            { class: 'mapping', open: true },
            el('summary', {}, `Imported, but not quite as written (${p.notesCount})`),
            el(
              'ul',
              { class: 'skipped' },
              ...p.notes.map((s) => el('li', {}, `Line ${s.line}: ${s.reason}`)),
              p.notesCount > p.notes.length ? el('li', {}, `… and ${p.notesCount - p.notes.length} more`) : null,
            ),
          )
        : null,
    );
    runButton.hidden = !!p.error || !p.changes;
    runButton.textContent = `Import ${plural(p.added + p.updated, 'row')}`;
    if (!p.error && !p.changes) {
      showDone(
        status,
        `Nothing to change: every row is already on the Incidents tab as the file has it${p.conflictsCount ? `, apart from ${plural(p.conflictsCount, 'cell')} changed on the sheet, which ${p.conflictsCount === 1 ? 'is' : 'are'} kept` : ''}.`,
      );
    }
  }

  async function preview(): Promise<void> {
    runButton.hidden = true;
    showBusy(status, 'Reading the file…');
    try {
      const [csv, req] = request();
      const p = await api.previewImport(csv, req);
      replace(status);
      status.removeAttribute('aria-busy');
      show(p);
    } catch (e) {
      replace(out);
      showError(status, 'The file could not be previewed', e);
    }
  }

  previewButton.addEventListener('click', () => void preview());
  runButton.addEventListener('click', async () => {
    runButton.disabled = true;
    showBusy(status, 'Importing… This can take a minute for a large file.');
    try {
      const [csv, req] = request();
      const r = await api.importIncidents(csv, req);
      replace(out);
      runButton.hidden = true;
      showDone(
        status,
        `Imported: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}${r.notes.length ? `, ${plural(r.notes.length, 'line')} not quite as written` : ''}${r.conflicts.length ? `; ${plural(r.conflicts.length, 'cell')} changed on the sheet ${r.takeExport ? "took the export's values" : 'kept'}` : ''}. The mapping is saved for next time.`,
      );
    } catch (e) {
      showError(status, 'Nothing was imported', e);
    } finally {
      runButton.disabled = false;
    }
  });
}
