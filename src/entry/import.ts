/**
 * Import incidents from a helpdesk's CSV export: a preview that changes nothing, then the import
 * (under the document lock) writing one block on the Incidents tab and saving the mapping.
 */
import type { ImportPreview, ImportRequest, ImportResult } from '../api';
import { planImport, type ImportOptions, type ImportPlan } from '../core/import/plan';
import {
  listCsvFiles,
  loadOptions,
  readImportData,
  readIncidents,
  readMemory,
  readServices,
  readSource,
  saveOptions,
  writeIncidents,
  writeMemory,
  type ImportSource,
} from '../adapters/import';
import { withDocumentLock } from '../adapters/lock';
import { csvArg, importRequestArg } from './arguments';

function plan(text: unknown, request: unknown): { plan: ImportPlan; ss: GoogleAppsScript.Spreadsheet.Spreadsheet } {
  const csv = csvArg(text);
  const { fileId, tab, takeExport, ...chosen } = importRequestArg(request);
  const source: ImportSource = { text: csv ?? '', fileId, tab };
  if (!source.text && !fileId && !tab) throw new Error('Choose a CSV file, paste CSV text or name a tab to import.');
  const ss = SpreadsheetApp.getActive();
  // Choices made now win; the saved ones fill the rest when the same helpdesk is imported again.
  const saved = loadOptions();
  const table = readSource(ss, source);
  const incidents = readIncidents(ss);
  const ctx = {
    table,
    incidents: incidents.values,
    formulas: incidents.formulas,
    memory: readMemory(ss),
    services: readServices(ss),
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
    data: readImportData(),
  };
  // Taking the export's values over a person's is chosen for this import only, never saved.
  const choice = { takeExport: takeExport === true };
  const first = planImport(ctx, { ...saved, ...chosen } as ImportOptions, choice);
  // Saved choices made for another helpdesk's file do not apply to this one.
  const result =
    chosen.preset === undefined && saved.preset !== undefined && first.source.preset !== saved.preset && first.error
      ? planImport(ctx, chosen as ImportOptions, choice)
      : first;
  return { plan: result, ss };
}

/** What an import would do, with nothing written: source, mapping, dates, values, sample, counts and skips. */
export function previewImport(text: string | null, options: ImportRequest | null): ImportPreview {
  const { plan: p } = plan(text, options);
  const { write, memory, ...rest } = p;
  return {
    ...rest,
    skipped: p.skipped.slice(0, 200),
    skippedCount: p.skipped.length,
    notes: p.notes.slice(0, 200),
    notesCount: p.notes.length,
    conflicts: p.conflicts.slice(0, 200),
    conflictsCount: p.conflicts.length,
    changes: !!write,
  };
}

/**
 * Imports the CSV (pasted `text`, or `options.fileId` / `options.tab`) into the Incidents tab: rows
 * are matched by Ref (whatever its case and spaces) and only their changed cells written, new ones added,
 * nothing deleted. A cell a person changed since the last import is kept, and listed, unless
 * `options.takeExport`. The mapping is saved (not `takeExport`).
 */
export function importIncidents(text: string | null, options: ImportRequest | null): ImportResult {
  return withDocumentLock(() => {
    const { plan: p, ss } = plan(text, options);
    if (p.error) throw new Error(p.error);
    // The mapping is saved first: a write that stops part-way (the time limit) still leaves it for next time.
    saveOptions(p.options);
    if (p.write) writeIncidents(ss, p.write);
    if (p.memory) writeMemory(ss, p.memory);
    return { added: p.added, updated: p.updated, unchanged: p.unchanged, skipped: p.skipped, notes: p.notes, conflicts: p.conflicts, takeExport: p.takeExport };
  });
}

/** The CSV files in the user's Drive the import can read. */
export function listImportFiles(): Array<{ id: string; name: string }> {
  return listCsvFiles();
}

/** Menu: opens the panel at its Import incidents section. */
export function menuImportIncidents(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .setTitle('SLM Workbook')
    .append('<script>var s=document.getElementById("import-section");if(s){s.open=true;s.scrollIntoView()}</script>');
  SpreadsheetApp.getUi().showSidebar(html);
}
