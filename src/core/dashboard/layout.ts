/**
 * How the Dashboard and Findings tabs look: what each cell the template's formulas fill is formatted as
 * (dates, percentages, widths, wrapping, a frozen table header) and the colours of the status words. Pure
 * data; the sheets adapter applies it and the offline template carries it. A layout is a list of blocks
 * so that more tables (e.g. charts' sources) can be added beside these without touching the rest.
 */
import { ATTAINMENT_FRACTIONS, ATTAINMENT_HEADER } from '../attainment/table';
import type { Rag } from '../attainment/types';
import { FINDINGS_HEADER, SEVERITY_LABELS } from '../findings/table';
import { attainmentFormula, DASHBOARD_CELLS, dashboardCells, findingsCells, FINDINGS_TABLE } from './index';
import { START_TAB, START_TABLE, startCells } from '../start/tab';
import { START_HEADER, START_STEPS } from '../start/steps';

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  background?: string;
  wrap?: boolean;
  /** Tall rows (wrapped text) read from the top. */
  top?: boolean;
}

/** A rectangle in 1-based rows and columns; `rows` undefined runs to the tab's last row. */
export interface Block {
  row: number;
  col: number;
  rows?: number;
  cols: number;
  style: CellStyle;
}

export interface TextColour {
  text: string;
  background: string;
  color: string;
}

export interface FormulaTabLayout {
  name: string;
  /** The tab's cells when made at `now` in the spreadsheet's `timeZone`. */
  cells: (now: number, timeZone: string) => (string | number)[][];
  /** The table's formula and its cell: the tab is formatted only while that cell still holds it. */
  table: { row: number; col: number; formula: string };
  frozenRows: number;
  /** Column widths in pixels, from column 1. */
  widths: readonly number[];
  blocks: readonly Block[];
  /** Cells coloured by the word they show (the word stays: colour only supports it). */
  colouredColumns: readonly { row: number; col: number }[];
  colours: readonly TextColour[];
}

/** The status colours, the same as the sidebar's badges. */
export const STATUS_COLOURS: Readonly<Record<Rag, { background: string; color: string }>> = {
  Met: { background: '#e6f4ea', color: '#0d652d' },
  'At risk': { background: '#fef7e0', color: '#7a4100' },
  Breached: { background: '#fce8e6', color: '#a50e0e' },
  // Neutral: nothing judged either way yet.
  'Too few to judge': { background: '#f1f3f4', color: '#3c4043' },
};

const HEADER_BACKGROUND = '#e8f0fe';
/** The dates of the period as a person reads them ("1 Oct 2026"). */
const PERIOD_FORMAT = 'd mmm yyyy';
/** Shares and availability to a tenth of a percent, so 199 of 200 never shows as 100%. */
const PERCENT_FORMAT = '0.0%';

const column = (header: readonly string[], name: string): number => header.indexOf(name) + 1;

/** A cell is still the template's to format while its number format is automatic and it has no fill. */
export const isDefaultNumberFormat = (f: string): boolean => f === '' || /^general$/i.test(f) || f === '0.###############';
export const isDefaultBackground = (b: string | null): boolean => !b || /^#ffffff$/i.test(b) || /^white$/i.test(b);

function parseA1Cell(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

function dashboardLayout(): FormulaTabLayout {
  const table = parseA1Cell(DASHBOARD_CELLS.table);
  const start = parseA1Cell(DASHBOARD_CELLS.periodStart);
  const end = parseA1Cell(DASHBOARD_CELLS.periodEnd);
  const header: readonly string[] = ATTAINMENT_HEADER;
  const body = table.row + 1;
  // "Status set by" says which target sets the status and, when At risk, why: wide and wrapped, never cut off.
  const width: Record<string, number> = { 'Service ID': 150, Service: 230, Rank: 50, 'Status set by': 320, Targets: 520 };
  return {
    name: 'Dashboard',
    cells: dashboardCells,
    table: { ...table, formula: attainmentFormula() },
    frozenRows: table.row,
    widths: header.map((h) => width[h] ?? (/^(Met|Breached|Pending)$/.test(h) ? 75 : 100)),
    blocks: [
      { row: 1, col: 1, rows: 1, cols: 1, style: { bold: true } },
      { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: 1, style: { numberFormat: PERIOD_FORMAT } },
      { row: table.row, col: table.col, rows: 1, cols: header.length, style: { bold: true, background: HEADER_BACKGROUND, wrap: true } },
      { row: body, col: table.col, cols: header.length, style: { top: true } },
      ...ATTAINMENT_FRACTIONS.map((h) => ({ row: body, col: column(header, h), cols: 1, style: { numberFormat: PERCENT_FORMAT } })),
      { row: body, col: column(header, 'Status set by'), cols: 1, style: { wrap: true } },
      { row: body, col: column(header, 'Targets'), cols: 1, style: { wrap: true } },
    ],
    colouredColumns: header
      .map((h, i) => ({ h, col: i + 1 }))
      .filter(({ h }) => /status$/i.test(h))
      .map(({ col }) => ({ row: body, col })),
    colours: (Object.keys(STATUS_COLOURS) as Rag[]).map((text) => ({ text, ...STATUS_COLOURS[text] })),
  };
}

function findingsLayout(): FormulaTabLayout {
  const header: readonly string[] = FINDINGS_HEADER;
  const width: Record<string, number> = { Severity: 75, Question: 200, Finding: 380, Evidence: 340, Action: 300, Rows: 180 };
  const body = FINDINGS_TABLE.row + 1;
  return {
    name: 'Findings',
    cells: findingsCells,
    table: FINDINGS_TABLE,
    frozenRows: FINDINGS_TABLE.row,
    widths: header.map((h) => width[h] ?? 120),
    blocks: [
      { row: 1, col: 1, rows: 1, cols: 1, style: { bold: true } },
      { row: FINDINGS_TABLE.row, col: 1, rows: 1, cols: header.length, style: { bold: true, background: HEADER_BACKGROUND } },
      { row: body, col: 1, cols: header.length, style: { wrap: true, top: true } },
    ],
    colouredColumns: [{ row: body, col: column(header, 'Severity') }],
    colours: [
      { text: SEVERITY_LABELS.high, ...STATUS_COLOURS.Breached },
      { text: SEVERITY_LABELS.medium, ...STATUS_COLOURS['At risk'] },
    ],
  };
}

function startLayout(): FormulaTabLayout {
  const body = START_TABLE.row + 1;
  return {
    name: START_TAB,
    cells: startCells,
    table: START_TABLE,
    frozenRows: START_TABLE.row,
    widths: [260, 70, 420, 330, 110],
    blocks: [
      { row: 1, col: 1, rows: 1, cols: 1, style: { bold: true } },
      { row: START_TABLE.row, col: 1, rows: 1, cols: START_HEADER.length + 1, style: { bold: true, background: HEADER_BACKGROUND } },
      { row: body, col: 1, rows: START_STEPS.length, cols: START_HEADER.length + 1, style: { wrap: true, top: true } },
    ],
    colouredColumns: [{ row: body, col: 2 }],
    colours: [
      { text: '✓', ...STATUS_COLOURS.Met },
      { text: 'To do', ...STATUS_COLOURS['At risk'] },
    ],
  };
}

/** The formula tabs, in the order they lead the workbook: Start here first, so a new school opens on it. */
export const formulaTabLayouts = (): FormulaTabLayout[] => [startLayout(), dashboardLayout(), findingsLayout()];
