/**
 * Generate SLA and Generate service review on a 40-service workbook, through the built bundle in the
 * offline runtime: DocumentApp calls (every call on DocumentApp and the document objects it returns)
 * and time. Calls grow with sections (services, tables, findings), never with cells or log rows.
 */
import { createOfflineRuntime, type OfflineRuntime } from '../offline/runtime';
import { tabDef } from '../src/core/schema/workbook';
import type { TabKey } from '../src/core/schema/types';

const NOW = Date.UTC(2026, 10, 18, 12);
const DOC_CLASSES = ['DocumentApp', 'Document', 'Body', 'Paragraph', 'ListItem', 'Table', 'TableRow', 'TableCell', 'Text'];

export interface DocumentsFigures {
  readonly services: number;
  readonly incidents: number;
  readonly sla: { calls: number; tables: number; ms: number };
  readonly review: { calls: number; tables: number; ms: number };
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Copies every row of the example services (and their SLA rows and incidents) under new IDs until there are `total` services. */
function growTo(rt: OfflineRuntime, total: number): void {
  const ss = rt.spreadsheet as unknown as Ss;
  const values = (key: TabKey) => ss.getSheetByName(tabDef(key).name)!.getDataRange().getValues();
  const append = (key: TabKey, rows: unknown[][]) => {
    if (rows.length === 0) return;
    const sheet = ss.getSheetByName(tabDef(key).name)!;
    // Tabs hold only the rows they were given: make room first, as a person inserting rows would.
    const short = sheet.getLastRow() + rows.length - sheet.getMaxRows();
    if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
  };
  const services = values('services');
  const sla = values('sla');
  const incidents = values('incidents');
  const base = services.slice(1);
  const extra: unknown[][] = [];
  const extraSla: unknown[][] = [];
  const extraIncidents: unknown[][] = [];
  for (let k = 0; base.length + extra.length < total; k++) {
    const src = base[k % base.length];
    const id = `${src[0]}${Math.floor(k / base.length) + 2}-${k}`;
    extra.push([id, `${src[1]} (site ${k + 2})`, ...src.slice(2, 4), base.length + extra.length + 1, ...src.slice(5)]);
    for (const r of sla.slice(1)) if (r[0] === src[0]) extraSla.push([id, ...r.slice(1)]);
    for (const r of incidents.slice(1)) if (r[1] === src[0]) extraIncidents.push([`${r[0]}-${k}`, id, ...r.slice(2)]);
  }
  append('services', extra);
  append('sla', extraSla);
  append('incidents', extraIncidents);
}

const docCalls = (rt: OfflineRuntime): number => DOC_CLASSES.reduce((n, c) => n + rt.calls.count(`${c}.*`), 0);

export function runDocumentsBench(services = 40): DocumentsFigures {
  const rt = createOfflineRuntime({ timeZone: 'Europe/London', spreadsheetName: 'Hillside School' });
  rt.load();
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(NOW);
  rt.run(`Date.now = () => ${NOW};`);
  growTo(rt, services);
  const ss = rt.spreadsheet as unknown as Ss;
  const count = (key: TabKey) => ss.getSheetByName(tabDef(key).name)!.getLastRow() - 1;
  const measure = (run: () => void) => {
    rt.calls.reset();
    const t0 = performance.now();
    run();
    return { calls: docCalls(rt), tables: rt.calls.count('Body.appendTable'), ms: performance.now() - t0 };
  };
  const sla = measure(() => rt.global.generateSla(null));
  const review = measure(() => rt.global.generateReview({ kind: 'thisTerm' }));
  return { services: count('services'), incidents: count('incidents'), sla, review };
}

export function printDocumentsFigures(f: DocumentsFigures): void {
  console.log(`Documents, ${f.services} services and ${f.incidents.toLocaleString('en-GB')} incidents (offline runtime, built bundle):`);
  console.log(`  Generate SLA:            ${f.sla.calls} DocumentApp calls (${f.sla.tables} appendTable), ${f.sla.ms.toFixed(0)} ms`);
  console.log(`  Generate service review: ${f.review.calls} DocumentApp calls (${f.review.tables} appendTable), ${f.review.ms.toFixed(0)} ms`);
}

if (require.main === module && !process.env.NO_MAIN) printDocumentsFigures(runDocumentsBench(process.argv[2] ? Number(process.argv[2]) : 40));
