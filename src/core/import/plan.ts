/**
 * The import, worked out before anything is written: which helpdesk the file is from, which column
 * feeds which Incidents field, how dates and words are read, which rows are added, updated, unchanged
 * or skipped (with line and reason), and the one block of cells to write. Preview and import share it,
 * so what the preview shows is exactly what the import does.
 */
import { IMPORTED_KEYS, importMemoryTab, tabDef, type ImportedKey } from '../schema/workbook';
import { isBlank, isDate, normaliseHeader } from '../values';
import { locateColumns } from '../workbook/columns';
import { formatLocal } from '../workbook/display';
import type { CellBlock } from '../workbook/toCells';
import { localeOrder, numericPair, orderFromFile, parseImportDate, type DateOrder, type OrderSource } from './dates';
import { CELL_LIMIT, cutToCell, fill, type ImportData, type ImportField, type Preset } from './types';
import { statusOf, suggestService, wordOf, type ItemType } from './words';

/** The choices a user can make (all optional); saved in the workbook so the next import is one click. */
export interface ImportOptions {
  preset?: string;
  /** The file's header chosen for a field ('' for none). */
  columns?: Partial<Record<ImportField, string>>;
  dateOrder?: DateOrder;
  /** A value of the file's service column → Service ID; likewise priority and type words. */
  services?: Record<string, string>;
  priorities?: Record<string, string>;
  types?: Record<string, string>;
  /** Type of every row when the file has no type column (default Incident). */
  defaultType?: ItemType;
}

export interface SourceTable {
  readonly header: readonly string[];
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
  /** Lines read otherwise than written (an unclosed quote), with the reason. */
  readonly notes?: readonly Skip[];
}

export interface ImportContext {
  readonly table: SourceTable;
  /** The Incidents tab as read (header first), or undefined when there is none; its formulas likewise. */
  readonly incidents: readonly (readonly unknown[])[] | undefined;
  readonly formulas?: readonly (readonly string[])[];
  /** The import's memory tab as read (header first), or undefined when there is none. */
  readonly memory?: readonly (readonly unknown[])[];
  readonly services: ReadonlyArray<{ readonly serviceId: string; readonly name: string }>;
  readonly timeZone: string;
  readonly locale: string;
  /** The presets and word lists , messages and call-form questions (dist/IncidentIntake.html). */
  readonly data: ImportData;
}

/** Made for one import only, never saved: where a person has changed a cell the file also differs on, take the file's value. */
export interface ImportChoice {
  readonly takeExport?: boolean;
}

/** A cell a person has changed since the import wrote it (or typed where it never wrote) that the file differs on. */
export interface Conflict {
  readonly line: number;
  readonly ref: string;
  readonly field: string;
  readonly sheet: string;
  readonly file: string;
}

export interface ValueChoice {
  readonly value: string;
  readonly mapped: string | null;
  readonly rows: number;
}
export interface Skip {
  readonly line: number;
  readonly reason: string;
}

export interface ImportPlan {
  readonly source: { readonly preset: string; readonly name: string; readonly presets: Array<{ id: string; name: string }> };
  readonly header: readonly string[];
  readonly columns: Array<{ readonly field: ImportField; readonly label: string; readonly header: string | null }>;
  readonly dates: { readonly order: DateOrder; readonly from: OrderSource; readonly text: string };
  readonly values: { readonly services: ValueChoice[]; readonly priorities: ValueChoice[]; readonly types: ValueChoice[] };
  /** The catalogue's Service IDs, for choosing what a helpdesk's category means. */
  readonly serviceIds: readonly string[];
  readonly sample: ReadonlyArray<Record<string, string>>;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: Skip[];
  /** Lines imported but not quite as written (an unclosed quote read as written, a cell cut to Sheets' limit). */
  readonly notes: Skip[];
  /** Why nothing can be imported yet (the preview says it; the import refuses). */
  readonly error?: string;
  /** What the import will do that a user may not expect (the preview says it; the import goes ahead). */
  readonly warnings: string[];
  /** Cells a person changed that the file differs on: kept, unless `takeExport`. */
  readonly conflicts: Conflict[];
  readonly takeExport: boolean;
  /** The Incidents cells that change, in blocks, and the last row written; undefined when nothing changes. */
  readonly write?: { readonly blocks: CellBlock[]; readonly lastRow: number };
  /** What the memory tab gets; `replace`: the tab is (re)made from row 1. */
  readonly memory?: { readonly blocks: CellBlock[]; readonly replace: boolean };
  readonly options: ImportOptions;
}

const DATE_FIELDS: readonly ImportField[] = ['opened', 'responded', 'resolved', 'updated'];

/** The header of `table` that one of `names` ("A|B") matches, or undefined. */
function findHeader(header: readonly string[], names: string | undefined): string | undefined {
  if (!names) return undefined;
  for (const n of names.split('|')) {
    const hit = header.find((h) => normaliseHeader(h) === normaliseHeader(n) && (h.trim() !== '' || n === h));
    if (hit !== undefined) return hit;
  }
  // "#" normalises to nothing: match it literally.
  return names.split('|').find((n) => header.includes(n));
}

/** The preset whose Ref and Opened columns the header has and which matches the most columns. */
function detectPreset(header: readonly string[], data: ImportData): Preset {
  let best = data.generic;
  let most = 0;
  for (const p of data.presets) {
    if (!findHeader(header, p.columns.ref) || !findHeader(header, p.columns.opened)) continue;
    const n = Object.values(p.columns).filter((names) => findHeader(header, names)).length;
    if (n > most) {
      best = p;
      most = n;
    }
  }
  return best;
}

/** A value read for a field as its column shows it, or the word of a skipped row. */
type Fields = { ref: string; serviceId: string; type: ItemType; priority: string; summary: string; opened: number; responded?: number; resolved?: number };

export function planImport(ctx: ImportContext, options: ImportOptions = {}, choice: ImportChoice = {}): ImportPlan {
  const {
    table,
    timeZone,
    data: { generic: GENERIC, labels: LABELS, texts },
  } = ctx;
  const T = (key: string, ...args: unknown[]) => fill(texts[key] ?? key, ...args);
  const IMPORT_FIELDS = Object.keys(LABELS) as ImportField[];
  const preset = [...ctx.data.presets, GENERIC].find((p) => p.id === options.preset) ?? detectPreset(table.header, ctx.data);
  const columnOf = {} as Record<ImportField, string | undefined>;
  for (const f of IMPORT_FIELDS) {
    const chosen = options.columns?.[f];
    columnOf[f] =
      chosen !== undefined
        ? table.header.includes(chosen)
          ? chosen
          : undefined
        : (findHeader(table.header, preset.columns[f]) ?? (preset === GENERIC ? undefined : findHeader(table.header, GENERIC.columns[f])));
  }
  const at = (f: ImportField) => {
    const h = columnOf[f];
    return h === undefined ? -1 : table.header.indexOf(h);
  };
  const idx = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, at(f)])) as Record<ImportField, number>;
  const cell = (cells: readonly string[], f: ImportField) => (idx[f] < 0 ? '' : (cells[idx[f]] ?? '').trim());

  // Date order: the user's choice, else what the file shows, else the spreadsheet's locale.
  const dateTexts = function* () {
    for (const r of table.records) for (const f of DATE_FIELDS) if (idx[f] >= 0) yield r.cells[idx[f]] ?? '';
  };
  const fileOrder = orderFromFile(dateTexts());
  const order: DateOrder = options.dateOrder ?? (fileOrder === 'dmy' || fileOrder === 'mdy' ? fileOrder : localeOrder(ctx.locale));
  const from: OrderSource = options.dateOrder ? 'choice' : fileOrder && fileOrder !== 'conflict' ? 'file' : 'locale';
  const orderName = T(order);
  let numeric = false;
  for (const t of dateTexts())
    if (numericPair(t)) {
      numeric = true;
      break;
    }
  const dates = {
    order,
    from,
    text:
      !numeric && from !== 'choice'
        ? T('datesIso')
        : T(from === 'choice' ? 'datesChosen' : from === 'file' ? 'datesFile' : 'datesLocale', orderName, ctx.locale),
  };

  const tally = (m: Map<string, ValueChoice>, value: string, mapped: string | undefined) => {
    const prev = m.get(value);
    m.set(value, { value, mapped: mapped ?? null, rows: (prev?.rows ?? 0) + 1 });
  };
  const serviceChoices = new Map<string, ValueChoice>();
  const priorityChoices = new Map<string, ValueChoice>();
  const typeChoices = new Map<string, ValueChoice>();
  const knownServices = new Map(ctx.services.map((s) => [s.serviceId.trim().toLowerCase(), s.serviceId]));
  /** The user's choice for a word (one of ours, any case), else the word lists' reading. */
  const pick = (chosen: Record<string, string> | undefined, v: string, words: Record<string, string>) => {
    const c = chosen?.[v];
    return c !== undefined ? Object.keys(words).find((a) => a.toLowerCase() === c.trim().toLowerCase()) : wordOf(v, words);
  };

  const base = {
    source: { preset: preset.id, name: preset.name, presets: [...ctx.data.presets, GENERIC].map((p) => ({ id: p.id, name: p.name })) },
    header: table.header,
    columns: IMPORT_FIELDS.map((f) => ({ field: f, label: LABELS[f], header: columnOf[f] ?? null })),
    dates,
    serviceIds: ctx.services.map((s) => s.serviceId),
    options: { ...options, preset: preset.id },
    // With no first-response time a resolved call's response target is not judged (the attainment rule):
    // say so before importing.
    warnings: idx.responded < 0 ? [T('noResponse', LABELS.responded)] : [],
  };
  const notes: Skip[] = [...(table.notes ?? [])];
  const fail = (error: string, skipped: Skip[] = []): ImportPlan => ({
    ...base,
    values: { services: [], priorities: [], types: [] },
    sample: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped,
    notes,
    conflicts: [],
    takeExport: !!choice.takeExport,
    error,
  });

  if (table.header.every((h) => !h)) return fail(T('empty'));
  if (table.records.length === 0) return fail(T('headerOnly'));
  const needed = (['ref', 'opened', 'serviceId', 'priority'] as const).filter((f) => idx[f] < 0);
  if (needed.length) return fail(T('noColumn', needed.map((f) => LABELS[f]).join(', ')));
  if (fileOrder === 'conflict' && !options.dateOrder) {
    return fail(T('bothWays'));
  }
  if (!ctx.incidents || ctx.incidents.length === 0) return fail(T('noTab'));

  const skipped: Skip[] = [];
  const rows: Array<{ line: number; fields: Fields }> = [];
  const firstLine = new Map<string, number>();
  const date = (text: string) => parseImportDate(text, order, timeZone);
  for (const { line, cells } of table.records) {
    const skip = (reason: string) => {
      skipped.push({ line, reason });
    };
    // More values than the header has columns: one holds the separator unquoted, so every column after it is shifted.
    if (cells.length > table.header.length && cells.slice(table.header.length).some((c) => c.trim() !== '')) {
      skip(T('extraFields', cells.length, table.header.length));
      continue;
    }
    const number = cell(cells, 'ref');
    if (!number) {
      skip(T('noNumber', columnOf.ref));
      continue;
    }
    if (number.length > 200) {
      skip(T('longNumber', columnOf.ref));
      continue;
    }
    const ref = preset.refPrefix + number;
    const key = refKey(ref);
    if (firstLine.has(key)) {
      skip(T('twice', ref, firstLine.get(key)));
      continue;
    }
    firstLine.set(key, line);
    const status = statusOf(cell(cells, 'status'));
    if (status === 'ignore') {
      skip(T('ignored', number, cell(cells, 'status')));
      continue;
    }

    const serviceText = cell(cells, 'serviceId');
    const mappedService = options.services?.[serviceText];
    const serviceId = mappedService !== undefined ? knownServices.get(mappedService.trim().toLowerCase()) : suggestService(serviceText, ctx.services);
    tally(serviceChoices, serviceText, serviceId);
    const priorityText = cell(cells, 'priority');
    const priority = pick(options.priorities, priorityText, ctx.data.priorities);
    tally(priorityChoices, priorityText, priority);
    const typeText = cell(cells, 'type');
    const type =
      idx.type < 0 || typeText === '' ? (options.defaultType ?? 'Incident') : (pick(options.types, typeText, ctx.data.types) as ItemType | undefined);
    if (idx.type >= 0) tally(typeChoices, typeText, type);

    if (!serviceId) {
      skip(serviceText ? T('service', serviceText) : T('noService', columnOf.serviceId));
      continue;
    }
    if (!priority) {
      skip(priorityText ? T('priority', priorityText) : T('noPriority'));
      continue;
    }
    if (!type) {
      skip(T('type', typeText));
      continue;
    }

    const times: Partial<Record<ImportField, number>> = {};
    const bad = DATE_FIELDS.find((f) => {
      const t = cell(cells, f);
      if (!t) return false;
      const ms = date(t);
      if (ms === undefined) return true;
      times[f] = ms;
      return false;
    });
    if (bad) {
      skip(T('date', columnOf[bad], cell(cells, bad)));
      continue;
    }
    if (times.opened === undefined) {
      skip(T('noOpened', columnOf.opened));
      continue;
    }
    let resolved = times.resolved;
    if (idx.status >= 0) {
      if (status === 'open') resolved = undefined;
      else if (resolved === undefined) resolved = times.updated;
      if (status === 'resolved' && resolved === undefined) {
        skip(T('noResolved', number, cell(cells, 'status')));
        continue;
      }
    }
    if (resolved !== undefined && resolved < times.opened) {
      skip(T('backwards', columnOf.resolved ?? columnOf.updated, columnOf.opened));
      continue;
    }
    let summary = cell(cells, 'summary');
    if (summary.length > CELL_LIMIT) {
      summary = cutToCell(summary);
      notes.push({ line, reason: T('cut', columnOf.summary, CELL_LIMIT.toLocaleString('en-GB')) });
    }
    rows.push({ line, fields: { ref, serviceId, type, priority, summary, opened: times.opened, responded: times.responded, resolved } });
  }

  const byRows = (m: Map<string, ValueChoice>) => [...m.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  const values = { services: byRows(serviceChoices), priorities: byRows(priorityChoices), types: byRows(typeChoices) };
  const show = (ms: number | undefined) => (ms === undefined ? '' : formatLocal(ms, timeZone));
  const sample = rows.slice(0, 5).map(({ fields: r }) => ({
    Ref: r.ref,
    'Service ID': r.serviceId,
    Type: r.type,
    Priority: r.priority,
    Summary: r.summary,
    Opened: show(r.opened),
    Responded: show(r.responded),
    Resolved: show(r.resolved),
  }));

  // Which Incidents fields the file feeds: the rest of an existing row is the user's and stays.
  const fed: Array<keyof Fields> = ['ref', 'serviceId', 'priority', 'opened'];
  if (idx.type >= 0) fed.push('type');
  if (idx.summary >= 0) fed.push('summary');
  if (idx.responded >= 0) fed.push('responded');
  if (idx.resolved >= 0 || idx.status >= 0) fed.push('resolved');
  const incidents = ctx.incidents;
  const tab = tabDef('incidents');
  const { index } = locateColumns(incidents[0], tab);
  const missing = [...fed, 'type' as const].filter((k) => index[k] === undefined);
  if (missing.length) {
    return { ...fail(T('tabColumn', missing.map((k) => tab.columns.find((c) => c.key === k)!.header).join(', ')), skipped), values, sample };
  }
  const data = incidents.slice(1);
  const existing = new Map<string, number>();
  data.forEach((r, i) => {
    const k = refKey(String(r[index.ref] ?? ''));
    if (k && !existing.has(k)) existing.set(k, i);
  });
  const memory = readMemory(ctx.memory);

  /** A field's value as the memory keeps it: text as it is, a time as ISO to the second, nothing as ''. */
  const fromFile = (k: ImportedKey, v: string | number | undefined): string => (v === undefined ? '' : TIMES.has(k) ? iso(v as number) : String(v));
  const fromSheet = (k: ImportedKey, v: unknown): string => {
    if (isBlank(v)) return '';
    if (TIMES.has(k) && isDate(v)) return iso(v.getTime());
    const s = String(v).trim();
    return s.startsWith("'") ? s.slice(1) : s;
  };
  const shown = (k: ImportedKey, canonical: string): string => {
    if (canonical === '') return '';
    const text = TIMES.has(k) && /^\d{4}-\d\d-\d\dT/.test(canonical) ? formatLocal(Date.parse(canonical), timeZone) : canonical;
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  const toCell = (k: ImportedKey, v: string | number | undefined) => (v === undefined ? '' : TIMES.has(k) ? new Date(v as number) : String(v));
  const header = (k: ImportedKey) => tab.columns.find((c) => c.key === k)!.header;

  const changes = new Map<number, Map<number, unknown>>();
  const appended: Fields[] = [];
  const remember: Array<{ row: number | undefined; ref: string; cells: Array<string | undefined> }> = [];
  const conflicts: Conflict[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const { line, fields } of rows) {
    const key = refKey(fields.ref);
    const at = existing.get(key);
    const kept = memory.rows.get(key);
    const was = IMPORTED_KEYS.map((_, i) => kept?.cells[i]);
    const now = [...was];
    if (at === undefined) {
      // A new row: every field the file feeds, and Type (Incident unless the file says).
      appended.push(fields);
      for (const k of new Set([...fed, 'type' as const])) now[KEY_AT[k]] = fromFile(k, fields[k]);
      existing.set(key, data.length + appended.length - 1);
    } else {
      const old = data[at];
      const cells = new Map<number, unknown>();
      // The Ref is how the row is found, never rewritten (a hand-logged INC1001 stays INC1001).
      for (const k of fed) {
        if (k === 'ref') continue;
        const file = fromFile(k, fields[k]);
        const sheet = fromSheet(k, old[index[k]]);
        const m = now[KEY_AT[k]];
        if (sheet === file) {
          now[KEY_AT[k]] = file;
          continue;
        }
        // A person's value: a formula, a cell changed since the import wrote it, or one it never wrote.
        const formula = ctx.formulas?.[at + 1]?.[index[k]];
        const persons = !!formula || (m === undefined ? sheet !== '' : sheet !== m);
        if (persons) conflicts.push({ line, ref: String(old[index.ref]).trim(), field: header(k), sheet: shown(k, sheet), file: shown(k, file) });
        if (persons && !choice.takeExport) continue;
        cells.set(index[k], toCell(k, fields[k]));
        now[KEY_AT[k]] = file;
      }
      if (cells.size) {
        changes.set(at, cells);
        updated++;
      } else unchanged++;
    }
    if (kept === undefined) now[0] = fields.ref;
    if (kept === undefined || now.some((v, i) => v !== was[i])) remember.push({ row: kept?.row, ref: kept?.ref ?? fields.ref, cells: now });
  }
  const added = appended.length;
  const result = { ...base, values, sample, added, updated, unchanged, skipped, notes, conflicts, takeExport: !!choice.takeExport };

  // Incidents: each changed row's runs of changed cells (rows with the same run merged into one block);
  // new rows in one block at the bottom, over the columns the file feeds.
  const blocks: CellBlock[] = [];
  const runs = new Map<string, Array<{ row: number; values: unknown[] }>>();
  for (const [r, cells] of [...changes].sort((a, b) => a[0] - b[0])) {
    const cols = [...cells.keys()].sort((a, b) => a - b);
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const list = runs.get(`${cols[i]}:${j - i + 1}`) ?? [];
      list.push({ row: r, values: cols.slice(i, j + 1).map((c) => cells.get(c)) });
      runs.set(`${cols[i]}:${j - i + 1}`, list);
      i = j + 1;
    }
  }
  for (const [k, list] of runs) {
    const column = Number(k.split(':')[0]) + 1;
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1].row === list[j].row + 1) j++;
      blocks.push({ row: list[i].row + 2, column, values: list.slice(i, j + 1).map((x) => x.values) });
      i = j + 1;
    }
  }
  if (added) {
    const keys = [...new Set([...fed, 'type' as const])];
    const cols = keys.map((k) => index[k]);
    let left = Infinity;
    let right = -1;
    for (const c of cols) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
    const byCol = new Map(keys.map((k) => [index[k], k]));
    blocks.push({
      row: data.length + 2,
      column: left + 1,
      values: appended.map((f) => {
        const line: unknown[] = [];
        for (let c = left; c <= right; c++) {
          const k = byCol.get(c);
          line.push(k ? toCell(k, f[k]) : '');
        }
        return line;
      }),
    });
  }

  // The memory: changed rows where they are, new Refs below; the whole tab anew when it is missing or unreadable.
  let memoryWrite: ImportPlan['memory'];
  if (remember.length) {
    const row = (m: (typeof remember)[number]) => [m.ref, ...m.cells.slice(1).map((v) => (v === undefined ? '' : JSON.stringify(v)))];
    const mblocks: CellBlock[] = [];
    const fresh = remember.filter((m) => m.row === undefined).map(row);
    if (memory.replace) mblocks.push({ row: 1, column: 1, values: [MEMORY_HEADER(), ...fresh] });
    else {
      for (const m of remember) if (m.row !== undefined) mblocks.push({ row: m.row, column: 1, values: [row(m)] });
      if (fresh.length) mblocks.push({ row: memory.lastRow + 1, column: 1, values: fresh });
    }
    memoryWrite = { blocks: mblocks, replace: memory.replace };
  }
  return { ...result, write: blocks.length ? { blocks, lastRow: data.length + 1 + added } : undefined, memory: memoryWrite };
}

const TIMES = new Set<string>(['opened', 'responded', 'resolved']);
const KEY_AT = Object.fromEntries(IMPORTED_KEYS.map((k, i) => [k, i])) as Record<ImportedKey, number>;
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
/** Refs match whatever their case and spaces: "inc 1001" is INC1001. */
const refKey = (ref: string) => ref.replace(/\s+/g, '').toLowerCase();
const MEMORY_HEADER = () => importMemoryTab().columns.map((c) => c.header);

/**
 * The memory tab read: for each Ref, its row and what the import last wrote in each field (undefined where
 * it never wrote); `replace` when the tab is missing or its header is not the memory's.
 */
function readMemory(values: readonly (readonly unknown[])[] | undefined) {
  const rows = new Map<string, { row: number; ref: string; cells: Array<string | undefined> }>();
  const want = MEMORY_HEADER();
  const header = (values?.[0] ?? []).map((h) => String(h).trim());
  if (!values || want.some((h, i) => header[i] !== h)) return { rows, replace: true, lastRow: 0 };
  for (let r = 1; r < values.length; r++) {
    const ref = String(values[r][0] ?? '').trim();
    const key = refKey(ref);
    if (!key || rows.has(key)) continue;
    const cells: Array<string | undefined> = [ref];
    for (let i = 1; i < want.length; i++) {
      const v = values[r][i];
      if (v === '' || v === undefined || v === null) {
        cells.push(undefined);
        continue;
      }
      try {
        const parsed: unknown = JSON.parse(String(v));
        cells.push(typeof parsed === 'string' ? parsed : undefined);
      } catch {
        cells.push(undefined);
      }
    }
    rows.set(key, { row: r + 1, ref, cells });
  }
  return { rows, replace: false, lastRow: values.length };
}
