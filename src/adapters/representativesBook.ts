/**
 * The representatives' workbook in Drive: created once next to the service workbook (its id kept in a
 * document property), then refreshed in place. A refresh keeps each row where it was (rows are found by
 * their first cell, new ones go below), so comments stay on the cells they were made on; one read and at
 * most one write per tab.
 */
import type { RepresentativesBook, RepresentativesTab } from '../core/representatives/view';
import { documentsDestination, moveFile } from './drive';
import { writeCells } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PROPERTY = 'SLM_REPRESENTATIVES_BOOK_ID';
/** Shown in place of a row whose service or action has gone, so a comment on it keeps its place. */
const NO_LONGER_LISTED = 'No longer listed';

/** The representatives' workbook's id, when one was made. */
export const representativesBookId = (): string | undefined => PropertiesService.getDocumentProperties().getProperty(PROPERTY) ?? undefined;

export interface OpenedBook {
  readonly book: Spreadsheet;
  readonly created: boolean;
  /** Why an earlier book could not be opened (deleted, or access lost) and a new one was made. */
  readonly replaced?: string;
}

/** The representatives' workbook of this workbook, made when there is none (or the last one is gone). */
export function openRepresentativesBook(ss: Spreadsheet, title: string): OpenedBook {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(PROPERTY);
  let replaced: string | undefined;
  if (id) {
    try {
      const book = SpreadsheetApp.openById(id);
      if (!DriveApp.getFileById(id).isTrashed()) return { book, created: false };
      replaced = 'the last one is in the Drive trash';
    } catch {
      replaced = 'the last one could not be opened (deleted, or no longer shared with you)';
    }
  }
  const book = SpreadsheetApp.create(title);
  const { folder, move } = documentsDestination(ss.getId());
  if (move) moveFile(book.getId(), folder);
  props.setProperty(PROPERTY, book.getId());
  return { book, created: true, replaced };
}

/** Formats a tab the first time it is made: bold frozen header, widths, wrapped top-aligned text. */
function formatNew(sheet: Sheet, tab: RepresentativesTab, rows: number): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, tab.header.length).setFontWeight('bold').setBackground('#e8f0fe');
  tab.widths.forEach((px, i) => {
    sheet.setColumnWidth(i + 1, px);
  });
  sheet.getRange(1, 1, Math.max(rows, 2), tab.header.length).setWrap(true).setVerticalAlignment('top');
}

/** Writes one tab: rows found by their first cell keep their place; returns how many rows changed. */
function writeTab(book: Spreadsheet, tab: RepresentativesTab, index: number): number {
  let sheet = book.getSheetByName(tab.name);
  let fresh = false;
  if (!sheet) {
    // A new spreadsheet's empty first tab becomes the first of ours.
    const starter = index === 0 && book.getSheets().length === 1 && book.getSheets()[0].getLastRow() === 0 ? book.getSheets()[0] : undefined;
    sheet = starter ? starter.setName(tab.name) : book.insertSheet(tab.name, Math.min(index, book.getSheets().length));
    fresh = true;
  }
  const width = tab.header.length;
  const existing = sheet.getLastRow() > 0 ? sheet.getRange(1, 1, sheet.getLastRow(), Math.max(width, sheet.getLastColumn())).getValues() : [];
  const grid: string[][] = existing.map((r) => r.slice(0, width).map((v) => String(v ?? '')));
  const before = grid.map((r) => r.join('\u0001'));
  grid[0] = [...tab.header];
  const rowOf = new Map<string, number>();
  grid.forEach((r, i) => {
    if (i > 0 && r[0] !== '' && !rowOf.has(r[0])) rowOf.set(r[0], i);
  });
  const wanted = new Set(tab.rows.map((r) => r[0]));
  for (const row of tab.rows) {
    const at = rowOf.get(row[0]);
    const cells = [...row, ...Array(Math.max(0, width - row.length)).fill('')].slice(0, width);
    if (at === undefined) grid.push(cells);
    else grid[at] = cells;
  }
  // A row whose service or action has gone keeps its first cell (and the comments on it) and says so.
  for (const [key, at] of rowOf) if (!wanted.has(key)) grid[at] = [key, NO_LONGER_LISTED, ...Array(width - 2).fill('')];
  const changed = grid.map((r, i) => r.join('\u0001') !== before[i]);
  const first = changed.indexOf(true);
  if (first < 0) return 0;
  const last = changed.lastIndexOf(true);
  const short = last + 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeCells(sheet, first + 1, 1, grid.slice(first, last + 1));
  if (fresh) formatNew(sheet, tab, grid.length);
  return changed.filter(Boolean).length;
}

/** Writes every tab of the book; returns the rows changed in all. */
export function writeRepresentativesBook(book: Spreadsheet, model: RepresentativesBook): number {
  if (book.getName() !== model.title) book.rename(model.title);
  return model.tabs.reduce((n, tab, i) => n + writeTab(book, tab, i), 0);
}
