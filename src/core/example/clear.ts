/**
 * Clearing the example school: Load example school records a fingerprint of every row it writes; Clear
 * example school removes the rows whose cells still give one of those fingerprints, and nothing else. A
 * row the school typed, or an example row it has since changed, gives another fingerprint and stays.
 */
import type { TabKey } from '../schema/types';
import { tabDef, tabOrder } from '../schema/workbook';
import { normaliseHeader } from '../values';

/** The hidden tab holding the fingerprints (one per example row), so they travel with the workbook and its .xlsx copy. */
export const EXAMPLE_ROWS_TAB = 'Example rows';
export const EXAMPLE_ROWS_HEADER = ['Tab', 'Fingerprint'] as const;

/** The tabs the example fills and Clear example school empties (Settings holds the school's assumptions: its rows stay). */
export const clearableTabs = (): TabKey[] => tabOrder().filter((k) => k !== 'settings' && k !== 'documents');

/** A cell as it reads back: a date by its instant, a number or text as written, trimmed. */
function cellKey(v: unknown): string {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return `d${(v as Date).getTime()}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  return `s${String(v ?? '').trim()}`;
}

/** 53-bit FNV-1a style hash of a string, as 14 hex digits: enough to tell a school's rows apart. */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h2 >>> 0) & 0x1fffff).toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * A row's fingerprint: every non-blank cell with its header, in header order, so a column the school moves
 * does not change it but a cell the school types into (in any column, its own ones too) does.
 */
export function rowFingerprint(header: readonly unknown[], row: readonly unknown[]): string {
  const cells: string[] = [];
  header.forEach((h, i) => {
    const v = row[i];
    if (v === '' || v === null || v === undefined) return;
    cells.push(`${normaliseHeader(String(h))}=${cellKey(v)}`);
  });
  return hash(cells.sort().join('\u0001'));
}

export interface TabRows {
  key: TabKey;
  /** The tab's values, header first. */
  values: readonly (readonly unknown[])[];
}

export interface ClearPlan {
  /** Per tab, the 1-based rows to remove (ascending). */
  remove: { key: TabKey; name: string; rows: number[] }[];
  /** Rows that stay although they name an example service: the school typed or changed them. */
  kept: { tab: string; row: number; serviceId: string }[];
  /** Example rows no longer found (deleted or changed by the school). */
  missing: number;
}

/**
 * Which rows Clear example school removes: as many rows per fingerprint as the example wrote with it. Rows
 * left that name one of the example's services are listed, so the school sees what it keeps.
 */
export function planClear(tabs: readonly TabRows[], recorded: readonly (readonly unknown[])[]): ClearPlan {
  // The example's services are the Services rows it removes (Services comes first in the tabs' order).
  const exampleServiceIds = new Set<string>();
  const wanted = new Map<string, number>();
  for (const [tab, print] of recorded) {
    const k = `${String(tab)}|${String(print)}`;
    wanted.set(k, (wanted.get(k) ?? 0) + 1);
  }
  const plan: ClearPlan = { remove: [], kept: [], missing: 0 };
  for (const { key, values } of tabs) {
    const def = tabDef(key);
    const header = values[0] ?? [];
    const serviceCol = header.findIndex((h) => normaliseHeader(String(h)) === normaliseHeader('Service ID'));
    const rows: number[] = [];
    values.forEach((row, i) => {
      if (i === 0 || row.every((v) => v === '' || v === null)) return;
      const k = `${key}|${rowFingerprint(header, row)}`;
      const left = wanted.get(k) ?? 0;
      const serviceId = serviceCol >= 0 ? String(row[serviceCol] ?? '').trim() : '';
      if (left > 0) {
        wanted.set(k, left - 1);
        rows.push(i + 1);
        if (key === 'services' && serviceId) exampleServiceIds.add(serviceId.toUpperCase());
        return;
      }
      if (serviceId && exampleServiceIds.has(serviceId.toUpperCase())) plan.kept.push({ tab: def.name, row: i + 1, serviceId });
    });
    if (rows.length) plan.remove.push({ key, name: def.name, rows });
  }
  for (const n of wanted.values()) plan.missing += n;
  return plan;
}

/** Consecutive rows as [first, count] runs, last run first, so deleting them in order never shifts a run still to delete. */
export function deletionRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs.reverse();
}

/** What Clear example school will do, in words, for the confirmation and the result. */
export function clearPlanText(plan: ClearPlan): { removes: string; keeps: string } {
  const total = plan.remove.reduce((n, t) => n + t.rows.length, 0);
  const removes =
    total === 0 ? 'No example rows are left to remove.' : `${total} example rows: ${plan.remove.map((t) => `${t.name} ${t.rows.length}`).join(', ')}.`;
  const shown = plan.kept.slice(0, 12).map((k) => `${k.tab} row ${k.row} (${k.serviceId})`);
  const more = plan.kept.length > shown.length ? `, and ${plan.kept.length - shown.length} more` : '';
  const keeps =
    plan.kept.length === 0
      ? ''
      : `Kept, because they were typed or changed in this workbook although they name an example service: ${shown.join(', ')}${more}.`;
  return { removes, keeps };
}
