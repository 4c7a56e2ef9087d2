import { idKey as idKeyOf, isAll } from '../schema/ids';
import { tabDef, tabOrder, workbookSchema } from '../schema/workbook';
import type { Incident, Row } from '../schema/records';
import type { TabDef, TabKey } from '../schema/types';
import { resolveHours } from './hoursOf';
import { formatLocal } from './display';
import { LEFT_OUT, parseTab, type ParsedTab } from './parseTab';
import { readable, type Problem } from './problems';
import { isValidTimeZone } from '../time/zone';
import { appendAll } from '../values';
import { parseSettings } from '../settings/parse';
import type { Settings } from '../settings/definitions';

/** The tabs' rows, the zone, and the school's assumptions as read from the Settings tab (defaults where it has none). */
export type Workbook = { readonly timeZone: string; readonly assumptions: Settings } & { readonly [K in TabKey]: Row<K>[] };

/** Sheet values per tab, header row first, as one getValues() per tab returns them. */
export type WorkbookValues = Partial<Record<TabKey, readonly (readonly unknown[])[]>>;

export interface ParsedWorkbook {
  readonly workbook: Workbook;
  readonly problems: Problem[];
}

/** The cells each parsed incident log was read from, by its rows: the attainment reader reads these cells itself. */
const INCIDENT_GRIDS = new WeakMap<readonly Incident[], readonly (readonly unknown[])[]>();

/** The Incidents values a workbook's parsed log came from; undefined for rows made in code. */
export const incidentGridOf = (rows: readonly Incident[]): readonly (readonly unknown[])[] | undefined => INCIDENT_GRIDS.get(rows);

/** Reads every tab, then checks what spans rows and tabs: duplicate IDs, references, time order, hours. */
export function parseWorkbook(values: WorkbookValues, timeZone: string): ParsedWorkbook {
  const schema = workbookSchema();
  const problems: Problem[] = [];
  const tables = {} as { [K in TabKey]: Row<K>[] };
  let settingsTab: ParsedTab<'settings'> | undefined;
  for (const key of tabOrder()) {
    const parsed = parseTab(schema[key] as TabDef & { key: typeof key }, values[key], timeZone);
    (tables as Record<TabKey, unknown>)[key] = parsed.rows;
    // The Settings tab's own problems come with what its values mean (a default used instead).
    if (key !== 'settings') appendAll(problems, parsed.problems);
    else settingsTab = parsed as ParsedTab<'settings'>;
  }
  const { settings: assumptions, problems: settingProblems } = parseSettings(settingsTab!);
  appendAll(problems, settingProblems);
  // A measured item whose times run backwards could only be measured wrongly: it is left out, and said so.
  const reversed = new Set<number>();
  for (const i of tables.incidents) {
    const faults = incidentTimeFaults(i, timeZone);
    if (faults.length === 0) continue;
    appendAll(problems, faults);
    reversed.add(i.row);
  }
  // Duplicates and references are checked across every row read, the left-out ones included.
  appendAll(problems, crossChecks({ timeZone, assumptions, ...tables }));
  if (reversed.size) tables.incidents = tables.incidents.filter((i) => !reversed.has(i.row));
  if (values.incidents) INCIDENT_GRIDS.set(tables.incidents, values.incidents);
  const workbook: Workbook = { timeZone, assumptions, ...tables };
  const order: string[] = tabOrder().map((k) => schema[k].name);
  problems.sort((a, b) => order.indexOf(a.tab) - order.indexOf(b.tab) || a.row - b.row);
  return { workbook, problems: problems.map(readable) };
}

/**
 * An incident's times that run backwards (resolved before opened…), each a problem ending with LEFT_OUT.
 * Shared by the row parser and the incident log's column reader so both leave out the same rows. Without
 * `words`, each problem names only its cell (what a custom function's last line says), at no formatting cost.
 */
export function incidentTimeFaults(i: Incident, timeZone: string, words = true): Problem[] {
  const out: Problem[] = [];
  const def = tabDef('incidents');
  const header = (key: string) => def.columns.find((c) => c.key === key)!.header;
  const before = (laterKey: string, later: number | undefined, earlierKey: string, earlier: number | undefined) => {
    if (later === undefined || earlier === undefined || later >= earlier) return;
    // Without words (a custom function names only the cell), no time is formatted.
    if (!words) {
      out.push({ tab: def.name, row: i.row, column: header(laterKey), value: '', severity: 'error', message: LEFT_OUT });
      return;
    }
    const shown = formatLocal(later, timeZone);
    out.push({
      tab: def.name,
      row: i.row,
      column: header(laterKey),
      value: shown,
      severity: 'error',
      message: `${header(laterKey)} (${shown}) is before ${header(earlierKey)} (${formatLocal(earlier, timeZone)}). ${LEFT_OUT}`,
    });
  };
  before('resolved', i.resolved, 'opened', i.opened);
  before('responded', i.responded, 'opened', i.opened);
  before('outageEnd', i.outageEnd, i.outageStart === undefined ? 'opened' : 'outageStart', i.outageStart ?? i.opened);
  before('supplierResponded', i.supplierResponded, 'supplierLogged', i.supplierLogged);
  before('supplierFixed', i.supplierFixed, 'supplierLogged', i.supplierLogged);
  return out;
}

function crossChecks(wb: Workbook): Problem[] {
  const schema = workbookSchema();
  const out: Problem[] = [];
  const header = (tab: TabKey, key: string) => schema[tab].columns.find((c) => c.key === key)!.header;
  const add = (tab: TabKey, row: number, key: string, value: string, message: string, severity: Problem['severity'] = 'error') =>
    out.push({ tab: schema[tab].name, row, column: key ? header(tab, key) : '', value, message, severity });

  // Unique identifiers.
  const ids = {} as Record<TabKey, Set<string>>;
  for (const key of tabOrder()) {
    const idKey = (schema[key] as TabDef).idKey;
    const seen = new Map<string, number>();
    for (const r of wb[key] as Array<Record<string, unknown> & { row: number }>) {
      if (!idKey) continue;
      const id = idKeyOf(String(r[idKey]));
      const first = seen.get(id);
      if (first !== undefined)
        add(key, r.row, idKey, String(r[idKey]), `"${r[idKey]}" is already used on row ${first}; each ${header(key, idKey)} must be unique.`);
      else seen.set(id, r.row);
    }
    ids[key] = new Set(seen.keys());
  }

  // References to other tabs.
  for (const key of tabOrder()) {
    for (const col of schema[key].columns as TabDef['columns']) {
      if ((col.type !== 'ref' && col.type !== 'refs') || !col.refTab) continue;
      const known = ids[col.refTab];
      for (const r of wb[key] as Array<Record<string, unknown> & { row: number }>) {
        const v = r[col.key];
        if (v === undefined) continue;
        for (const ref of Array.isArray(v) ? (v as string[]) : [String(v)]) {
          if (col.allowAll && isAll(ref)) continue;
          if (known.has(ref.toLowerCase())) continue;
          // An incident against a service missing from the catalogue is a finding, not a typing error.
          const severity = key === 'incidents' && col.key === 'serviceId' ? 'warning' : 'error';
          add(
            key,
            r.row,
            col.key,
            ref,
            `"${ref}" is not a ${header(col.refTab, (schema[col.refTab] as TabDef).idKey!)} on the ${schema[col.refTab].name} tab.`,
            severity,
          );
        }
      }
    }
  }

  // Times that must not run backwards.
  const before = (tab: TabKey, row: number, laterKey: string, later: number | undefined, earlierKey: string, earlier: number | undefined, withTime = true) => {
    if (later === undefined || earlier === undefined || later >= earlier) return;
    add(
      tab,
      row,
      laterKey,
      formatLocal(later, wb.timeZone, withTime),
      `${header(tab, laterKey)} (${formatLocal(later, wb.timeZone, withTime)}) is before ${header(tab, earlierKey)} (${formatLocal(earlier, wb.timeZone, withTime)}).`,
    );
  };
  // A hold must lie in its item's life to take anything off its resolution time.
  const items = new Map(wb.incidents.map((i) => [idKeyOf(i.ref), i]));
  for (const h of wb.holds) {
    before('holds', h.row, 'until', h.until, 'from', h.from);
    const item = items.get(idKeyOf(h.ref));
    if (!item || (h.until !== undefined && h.until < h.from)) continue;
    const at = (ms: number) => formatLocal(ms, wb.timeZone);
    if ((h.until !== undefined && h.until <= item.opened) || (item.resolved !== undefined && h.from >= item.resolved)) {
      add(
        'holds',
        h.row,
        'from',
        at(h.from),
        `This hold lies outside the life of ${h.ref} (opened ${at(item.opened)}${item.resolved === undefined ? '' : `, resolved ${at(item.resolved)}`}), so it takes nothing off its resolution time.`,
        'warning',
      );
    }
  }
  for (const c of wb.closures) before('closures', c.row, 'to', c.to, 'from', c.from, false);
  for (const c of wb.contracts) before('contracts', c.row, 'renewal', c.renewal, 'start', c.start, false);

  // Hours specs and time zones.
  for (const c of wb.calendars) {
    if (c.timeZone !== undefined && !isValidTimeZone(c.timeZone))
      add('calendars', c.row, 'timeZone', c.timeZone, `"${c.timeZone}" is not a time zone; use a name such as Europe/London.`);
  }
  const checkHours = (tab: TabKey, rows: Array<Record<string, unknown> & { row: number }>) => {
    for (const col of schema[tab].columns as TabDef['columns']) {
      if (col.type !== 'hours') continue;
      for (const r of rows) {
        const text = r[col.key];
        if (typeof text !== 'string') continue;
        const resolved = resolveHours(text, wb, tab === 'calendars');
        if ('error' in resolved) add(tab, r.row, col.key, text, resolved.error);
      }
    }
  };
  checkHours('services', wb.services);
  checkHours('contracts', wb.contracts);
  checkHours('calendars', wb.calendars);
  return out;
}
