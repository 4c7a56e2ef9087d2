/**
 * The import's I/O: the CSV text from a Drive file, pasted text or a tab; the Incidents tab (values and
 * formulas, one read each); the Services tab; the saved mapping (document properties); the one write.
 */
import { readCsv } from '../core/import/csv';
import { capMapping } from '../core/import/savedMapping';
import type { ImportOptions, SourceTable } from '../core/import/plan';
import { IMPORT_FILE, type ImportData } from '../core/import/types';
import { importMemoryTab, tabDef } from '../core/schema/workbook';
import { locateColumns } from '../core/workbook/columns';
import type { CellBlock } from '../core/workbook/toCells';
import { writeBlocks } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Where the CSV comes from: pasted text, a Drive file (id or link) or a tab of this workbook. */
export interface ImportSource {
  readonly text?: string;
  readonly fileId?: string;
  readonly tab?: string;
}

/** Larger files are refused with advice: a term's export is a small fraction of this. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const OPTIONS_KEY = 'slm.import';

/** A size as its reader can tell from the limit: "12.4 MB", or in bytes when one decimal would read 10.0. */
const sizeOf = (n: number) => {
  const mb = (n / 1024 / 1024).toFixed(1);
  return Number(mb) > MAX_IMPORT_BYTES / 1024 / 1024 ? `${mb} MB` : `${n.toLocaleString('en-GB')} bytes`;
};
const tooBig = (n: number) =>
  new Error(
    `The file is ${sizeOf(n)}; an import reads at most 10 MB (${MAX_IMPORT_BYTES.toLocaleString('en-GB')} bytes). Export a shorter period (a term at a time) and import each file.`,
  );

/** Text that is not UTF-8 (UTF-16 or a Windows code page read as UTF-8) shows NULs or U+FFFD. */
function checkEncoding(text: string): void {
  if (text.includes('\u0000') || /\uFFFD/.test(text.slice(0, 100000))) {
    throw new Error('The file is not UTF-8 text (it may be UTF-16 or a Windows code page). Save or export it as "CSV UTF-8" and import it again.');
  }
}

export function readSource(ss: Spreadsheet, source: ImportSource): SourceTable {
  if (source.tab) {
    const sheet = ss.getSheetByName(source.tab);
    if (!sheet) throw new Error(`There is no tab named "${source.tab}".`);
    const [header = [], ...rows] = sheet.getDataRange().getDisplayValues();
    return {
      header: header.map((h) => h.trim()),
      records: rows.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
    };
  }
  let text = source.text ?? '';
  if (source.fileId) {
    const id = /\/d\/([\w-]{10,})/.exec(source.fileId)?.[1] ?? source.fileId.trim();
    const file = DriveApp.getFileById(id);
    const size = file.getSize();
    if (size > MAX_IMPORT_BYTES) throw tooBig(size);
    text = file.getBlob().getDataAsString();
  } else if (text.length > MAX_IMPORT_BYTES) throw tooBig(text.length);
  checkEncoding(text);
  return readCsv(text);
}

/** The CSV files in the user's Drive, newest first as Drive lists them, for the sidebar's list (at most 50). */
export function listCsvFiles(): Array<{ id: string; name: string }> {
  const files = DriveApp.getFilesByType('text/csv');
  const out: Array<{ id: string; name: string }> = [];
  while (out.length < 50 && files.hasNext()) {
    const f = files.next();
    // Drive lists trashed files too.
    if (f.isTrashed()) continue;
    out.push({ id: f.getId(), name: f.getName() });
  }
  return out;
}

/** The Incidents tab's values and formulas (undefined when there is no such tab). */
export function readIncidents(ss: Spreadsheet): { values?: unknown[][]; formulas?: string[][] } {
  const sheet = ss.getSheetByName(tabDef('incidents').name);
  if (!sheet) return {};
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

/** Service IDs and names from the Services tab. */
export function readServices(ss: Spreadsheet): Array<{ serviceId: string; name: string }> {
  const sheet = ss.getSheetByName(tabDef('services').name);
  if (!sheet) return [];
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const { index } = locateColumns(header, tabDef('services'));
  if (index.serviceId === undefined) return [];
  return rows.map((r) => ({ serviceId: String(r[index.serviceId] ?? '').trim(), name: String(r[index.name] ?? '').trim() })).filter((s) => s.serviceId);
}

/** The helpdesk presets and word lists, shipped beside the bundle. */
export const readImportData = (): ImportData => JSON.parse(HtmlService.createHtmlOutputFromFile(IMPORT_FILE).getContent()) as ImportData;

export function loadOptions(): ImportOptions {
  const saved = PropertiesService.getDocumentProperties().getProperty(OPTIONS_KEY);
  try {
    return saved ? (JSON.parse(saved) as ImportOptions) : {};
  } catch {
    return {};
  }
}

/** Saves the mapping for next time, capped to fit one property; returns how many value mappings did not fit. */
export function saveOptions(options: ImportOptions): number {
  const { json, dropped } = capMapping(options);
  PropertiesService.getDocumentProperties().setProperty(OPTIONS_KEY, json);
  return dropped;
}

/** Writes the plan's blocks on the Incidents tab (only the cells that change), adding rows at the bottom when needed. */
export function writeIncidents(ss: Spreadsheet, write: { blocks: readonly CellBlock[]; lastRow: number }): void {
  const sheet = ss.getSheetByName(tabDef('incidents').name)!;
  const max = sheet.getMaxRows();
  if (write.lastRow > max) sheet.insertRowsAfter(max, write.lastRow - max);
  writeBlocks(sheet, write.blocks);
}

/** The import's memory tab (values, header first), or undefined before the first import made it. */
export function readMemory(ss: Spreadsheet): unknown[][] | undefined {
  return ss.getSheetByName(importMemoryTab().name)?.getDataRange().getValues();
}

/** Writes the memory's changed rows, making the hidden tab when it is missing (or clearing it when unreadable). */
export function writeMemory(ss: Spreadsheet, memory: { blocks: readonly CellBlock[]; replace: boolean }): void {
  const def = importMemoryTab();
  let sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    sheet = ss.insertSheet(def.name, ss.getSheets().length);
    sheet.hideSheet();
  } else if (memory.replace) sheet.clearContents();
  let last = 0;
  for (const b of memory.blocks) last = Math.max(last, b.row + b.values.length - 1);
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  if (memory.replace) sheet.getRange(1, 1).setNote(def.help);
  writeBlocks(sheet, memory.blocks);
}
