/**
 * The trust workbook's figure tabs as grids of cells: the school × service matrix of status words (coloured as
 * the Dashboard colours them, the words kept), trust-wide figures per service, and suppliers across schools.
 * Each tab is rewritten whole from the schools' stored figures, so no tab ever holds half a school.
 */
import type { Rag } from '../attainment/types';
import { joinWords, plural, shareText } from '../text';
import { formatLocal } from '../workbook/display';
import { lateOf, supplierSentence, type TrustFigures } from './rollup';

export interface TrustTab {
  readonly name: string;
  /** Every row has the header's width. */
  readonly rows: readonly (readonly (string | number)[])[];
  /** Cells holding a status word, for its colour (row and column 0-based within `rows`). */
  readonly statusCells: readonly { readonly row: number; readonly col: number; readonly status: Rag }[];
  readonly widths: readonly number[];
  /** The header's row (1-based): the status tab says how far the refresh got above it. */
  readonly headerRow: number;
}

const TRUST_STATUS_TAB = 'Trust status';
const TRUST_SERVICES_TAB = 'Trust services';
const TRUST_SUPPLIERS_TAB = 'Trust suppliers';
const TRUST_TRENDS_TAB = 'Trust trends';

const NONE = '—';

/** Pads every row to the widest one. */
const square = (rows: (string | number)[][]): (string | number)[][] => {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length < width ? r.concat(Array<string>(width - r.length).fill('')) : r));
};

/** How far a refresh has got, for the first line of the status tab and the panel. */
export interface RefreshProgress {
  readonly read: number;
  readonly total: number;
  /** True while a refresh is still reading schools (it continues on its own). */
  readonly running: boolean;
}

/**
 * "2 of 3 schools done; the refresh continues on its own." while it runs; "3 of 4 schools read; 1 could not be
 * (named below)." when it has finished (`notRead`: schools it tried and could not read).
 */
export function progressText(p: RefreshProgress, notRead = 0): string {
  if (p.running) return `${p.read} of ${plural(p.total, 'school')} done; the refresh continues on its own.`;
  return `${p.read - notRead} of ${plural(p.total, 'school')} read${notRead ? `; ${notRead} could not be (named below)` : ''}.`;
}

/** School × service: a row per school, a column per service, the status word in each cell; unreadable schools say why. */
function statusTab(f: TrustFigures, progress: RefreshProgress, timeZone: string): TrustTab {
  const header = ['School', 'Period', 'Read at', ...f.services.map((s) => s.name)];
  const rows: (string | number)[][] = [[progressText(progress, f.unreadable.length)], header];
  const statusCells: { row: number; col: number; status: Rag }[] = [];
  f.read.forEach((school, i) => {
    const cells = f.services.map((s, j) => {
      const own = s.perSchool[i];
      if (own?.status) statusCells.push({ row: rows.length, col: 3 + j, status: own.status });
      return own ? (own.status ?? 'Nothing measured') : 'No such service';
    });
    rows.push(
      ([school.name, school.figures!.wording, school.readAt === undefined ? '' : formatLocal(school.readAt, timeZone)] as (string | number)[]).concat(cells),
    );
  });
  for (const school of f.unreadable) {
    rows.push([school.name, 'Not read', school.readAt === undefined ? '' : formatLocal(school.readAt, timeZone), school.error ?? 'not read yet']);
  }
  return { name: TRUST_STATUS_TAB, rows: square(rows), statusCells, widths: [200, 170, 130, ...f.services.map(() => 140)], headerRow: 2 };
}

function servicesTab(f: TrustFigures): TrustTab {
  const rows: (string | number)[][] = [['Service', 'Schools', 'Items', 'Met', 'Breached', 'Pending', 'Met share', 'Availability', 'Breached at', 'At risk at']];
  for (const s of f.services) {
    rows.push([
      s.name,
      s.schools,
      s.items,
      s.met,
      s.breached,
      s.pending,
      shareText(s.share),
      shareText(s.availability),
      s.breachedAt.length ? joinWords(s.breachedAt) : NONE,
      s.atRiskAt.length ? joinWords(s.atRiskAt) : NONE,
    ]);
  }
  return { name: TRUST_SERVICES_TAB, rows, statusCells: [], widths: [200, 70, 70, 70, 80, 70, 90, 90, 260, 260], headerRow: 1 };
}

function suppliersTab(f: TrustFigures): TrustTab {
  const rows: (string | number)[][] = [['Supplier', 'Contract refs', 'Schools', 'Calls', 'Responses late', 'Fixes late', 'Late fixes at', 'In words']];
  for (const s of f.suppliers) {
    rows.push([
      s.supplier,
      s.contractRefs.join(', '),
      s.schools.length,
      s.calls,
      lateOf(s.responseLate, s.responseJudged),
      lateOf(s.fixLate, s.fixJudged),
      s.lateAt.length ? joinWords(s.lateAt) : NONE,
      supplierSentence(s),
    ]);
  }
  return { name: TRUST_SUPPLIERS_TAB, rows, statusCells: [], widths: [200, 120, 70, 70, 110, 110, 260, 420], headerRow: 1 };
}

/** Each school's share of items met, month by month (the months of the first school read; the same for schools read the same day). */
function trendsTab(f: TrustFigures): TrustTab {
  const months = f.read[0]?.figures?.trend.months ?? [];
  const rows: (string | number)[][] = [['School', ...months]];
  for (const s of f.read) {
    const own = s.figures!.trend;
    const shares = months.map((m) => {
      const j = own.months.indexOf(m);
      return j < 0 || own.met[j] === null ? NONE : shareText(own.met[j]);
    });
    rows.push(([s.name] as (string | number)[]).concat(shares));
  }
  return { name: TRUST_TRENDS_TAB, rows: square(rows), statusCells: [], widths: [200, ...months.map(() => 90)], headerRow: 1 };
}

/** The figure tabs, in the order they sit after the Schools tab. */
export function trustTabs(f: TrustFigures, progress: RefreshProgress, timeZone: string): TrustTab[] {
  return [statusTab(f, progress, timeZone), servicesTab(f), suppliersTab(f), trendsTab(f)];
}
