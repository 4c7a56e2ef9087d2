/**
 * Import incidents: a 20,000-row GLPI-style export (semicolons, day-first dates, categories as paths)
 * imported into the example school through the built bundle in the offline runtime, then the same file
 * again (every row unchanged) and a later export with a tenth of the rows changed. Rows per second and
 * every Apps Script call counted, against the 6-minute limit of one Apps Script execution.
 */
import { createOfflineRuntime } from '../offline/runtime';

const NOW = Date.UTC(2026, 10, 18, 12);
const CATEGORIES = ['Hardware > Printing', 'Software > Email', 'Network > Internet access', 'Servers > Shared data storage', 'Software > Word processing'];
const PRIORITIES = ['Very high', 'High', 'Medium', 'Low'];

export interface ImportFigures {
  readonly rows: number;
  readonly bytes: number;
  readonly runs: Array<{
    name: string;
    ms: number;
    rowsPerSecond: number;
    calls: number;
    setValues: number;
    /** Sheets API values.batchUpdate calls: the import's writes. */
    batchUpdates: number;
    added: number;
    updated: number;
    unchanged: number;
  }>;
}

/** The export: ticket k opened k*20 minutes after 1 Sep 2025, solved 3 hours later unless `changed` says otherwise. */
function exportText(rows: number, changed: (k: number) => boolean): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const at = (ms: number) => {
    const d = new Date(ms);
    return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const lines = ['ID;Title;Status;Last update;Opening date;Priority;Category;Type;Resolution date'];
  for (let k = 0; k < rows; k++) {
    const opened = Date.UTC(2025, 8, 1, 8) + k * 20 * 60_000;
    const solved = opened + (changed(k) ? 5 : 3) * 3_600_000;
    lines.push(
      `${10000 + k};"Call ${k}; printer ""${k % 7}""";Solved;${at(solved)};${at(opened)};${PRIORITIES[k % 4]};${CATEGORIES[k % 5]};${k % 3 ? 'Incident' : 'Request'};${at(solved)}`,
    );
  }
  return lines.join('\n');
}

export function runImportBench(rows = 20_000): ImportFigures {
  const rt = createOfflineRuntime({ timeZone: 'Europe/London' });
  rt.load();
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(NOW);
  const first = exportText(rows, () => false);
  const later = exportText(rows, (k) => k % 10 === 0);
  const runs: ImportFigures['runs'] = [];
  for (const [name, text] of [
    ['first import', first],
    ['same file again', first],
    ['later export, 10% changed', later],
  ] as const) {
    rt.calls.reset();
    const t0 = performance.now();
    const r = rt.global.importIncidents(text, null) as { added: number; updated: number; unchanged: number; skipped: unknown[] };
    const ms = performance.now() - t0;
    if (r.skipped.length) throw new Error(`The bench export had ${r.skipped.length} skipped rows`);
    runs.push({
      name,
      ms,
      rowsPerSecond: (rows / ms) * 1000,
      calls: rt.calls.total(),
      setValues: rt.calls.count('Range.setValues'),
      batchUpdates: rt.calls.count('Sheets.Spreadsheets.Values.batchUpdate'),
      ...r,
    });
  }
  return { rows, bytes: Buffer.byteLength(first), runs };
}

export function printImportFigures(f: ImportFigures): void {
  const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
  console.log(
    `Import incidents: ${fmt(f.rows)}-row export (${(f.bytes / 1024 / 1024).toFixed(1)} MB) through the bundle, offline (target: well inside Apps Script's 6 minutes):`,
  );
  for (const r of f.runs) {
    console.log(
      `  ${r.name.padEnd(26)} ${fmt(r.ms).padStart(6)} ms, ${fmt(r.rowsPerSecond).padStart(7)} rows/s; ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged; ` +
        `${r.calls} Apps Script calls, ${r.setValues} setValues, ${r.batchUpdates} Sheets API batchUpdate`,
    );
  }
}
