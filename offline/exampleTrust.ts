/**
 * An example trust for tests and the main job: three schools, each a variant of the example school (its own
 * name, size and mix of services, its own suppliers but one, County Council ICT, shared by all three), each
 * owned by its own service manager and shared with the trust's ICT lead as a viewer, listed on a trust
 * workbook's Schools tab. Built through the loaded bundle's own actions (Set up workbook, Load example school),
 * then edited as a school would edit its tabs.
 */
import type { OfflineRuntime } from './runtime';
import type { FakeSpreadsheet } from './spreadsheet';

type Grid = unknown[][];

interface Variant {
  readonly name: string;
  readonly manager: string;
  /** Days before `now` the example is dated around: another day gives other calls. */
  readonly seedDays: number;
  /** Share of the example's calls the school logs (a smaller school logs fewer), drawn with its own seed. */
  readonly keep: number;
  /** A service whose calls take this many times as long to resolve (above 1) or less (below 1) than the example's. */
  readonly pace?: { readonly serviceId: string; readonly factor: number };
  /** Services the school does not run. */
  readonly without: readonly string[];
  /** Its own suppliers' names in place of the example's. */
  readonly suppliers: Readonly<Record<string, string>>;
}

/** The supplier every school shares. */
export const SHARED_SUPPLIER = 'County Council ICT';

const VARIANTS: readonly Variant[] = [
  { name: 'Northfield Primary', manager: 'it@northfield.example', seedDays: 0, keep: 1, without: [], suppliers: {} },
  {
    name: 'Riverside Infant School',
    manager: 'office@riverside.example',
    seedDays: 3,
    keep: 0.45,
    without: ['WHITEBOARD', 'LANGEXAM'],
    pace: { serviceId: 'EMAIL', factor: 0.5 },
    suppliers: {
      'FastNet ISP': 'Schools Broadband Co',
      'PrintCare Maintenance': 'Copyfast Print Services',
      'Office Software Helpdesk': 'EduSoft Support',
      'NetSupport Services': 'Network Care Ltd',
      'ColourFix Ltd': 'Colour Print Direct',
    },
  },
  {
    name: 'Hillside Academy',
    manager: 'network@hillside.example',
    seedDays: 9,
    keep: 0.85,
    without: ['COLOURPRINT'],
    pace: { serviceId: 'INTERNET', factor: 1.8 },
    suppliers: {
      'FastNet ISP': 'Metro Fibre',
      'PrintCare Maintenance': 'Print Managed Ltd',
      'Office Software Helpdesk': 'Cloud Mail Support',
      'NetSupport Services': 'Hillside Network Partners',
      'Whiteboard Supplier Ltd': 'Smart Classrooms Ltd',
    },
  },
];

const DAY_MS = 24 * 3600 * 1000;

/** Rewrites a tab's rows below the header (one read, one write), as a school editing its own tab. */
function rewriteTab(ss: FakeSpreadsheet, tab: string, edit: (rows: Grid, col: (header: string) => number) => Grid): void {
  const sheet = ss.sheet(tab);
  const values = sheet.getDataRange().getValues() as Grid;
  const header = values[0];
  const rows = edit(values.slice(1), (h) => header.indexOf(h));
  sheet.getDataRange().clearContent();
  sheet.getRange(1, 1, rows.length + 1, header.length).setValues([header, ...rows]);
}

/** A small seeded generator: the same school always gets the same calls. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function applyVariant(ss: FakeSpreadsheet, v: Variant, index: number): void {
  const dropped = new Set(v.without);
  const draw = seeded(1000 + index);
  const removedRefs = new Set<string>();
  for (const tab of ['Services', 'Equipment', 'SLA', 'Targets']) {
    rewriteTab(ss, tab, (rows, col) => rows.filter((r) => !dropped.has(String(r[col('Service ID')]))));
  }
  rewriteTab(ss, 'Incidents', (rows, col) =>
    rows
      .filter((r) => {
        const keep = !dropped.has(String(r[col('Service ID')])) && draw() < v.keep;
        if (!keep) removedRefs.add(String(r[col('Ref')]));
        return keep;
      })
      .map((r) => {
        if (!v.pace || r[col('Service ID')] !== v.pace.serviceId) return r;
        const opened = r[col('Opened')];
        const resolved = r[col('Resolved')];
        if (!isDate(opened) || !isDate(resolved)) return r;
        const out = r.slice();
        // A Date of the bundle's realm, as getValues() gives.
        out[col('Resolved')] = new (resolved.constructor as DateConstructor)(opened.getTime() + (resolved.getTime() - opened.getTime()) * v.pace.factor);
        return out;
      }),
  );
  rewriteTab(ss, 'Holds', (rows, col) => rows.filter((r) => !removedRefs.has(String(r[col('Ref')]))));
  const rename = (x: unknown) => (typeof x === 'string' && v.suppliers[x] ? v.suppliers[x] : x);
  rewriteTab(ss, 'Contracts', (rows, col) =>
    rows
      .filter((r) =>
        String(r[col('Services covered')])
          .split(/,\s*/)
          .some((s) => !dropped.has(s)),
      )
      .map((r) => r.map((c, i) => (i === col('Supplier') ? rename(c) : c))),
  );
  rewriteTab(ss, 'Equipment', (rows, col) => rows.map((r) => r.map((c, i) => (i === col('Supplier') ? rename(c) : c))));
}

export interface ExampleTrust {
  readonly trust: FakeSpreadsheet;
  readonly schools: ReadonlyArray<{ readonly name: string; readonly spreadsheet: FakeSpreadsheet; readonly manager: string }>;
}

/**
 * Builds the three schools and the trust workbook listing them, as the runtime's signed-in user (the trust's
 * ICT lead). Leaves the trust workbook active. `extra` adds schools listed on the Schools tab as given.
 */
export function buildExampleTrust(rt: OfflineRuntime, now: number, trustName = 'Northfield Learning Trust'): ExampleTrust {
  const lead = rt.env.userEmail;
  const app = rt.services.SpreadsheetApp;
  const schools = VARIANTS.map((v, index) => {
    rt.env.userEmail = v.manager;
    try {
      const ss = app.create(`${v.name} SLM Workbook`) as unknown as FakeSpreadsheet;
      rt.activate(ss);
      rt.global.setUpWorkbook();
      rt.global.loadExampleSchool(now - v.seedDays * DAY_MS);
      applyVariant(ss, v, index);
      rt.services.DriveApp.getFileById(ss.id).addViewer(lead);
      return { name: v.name, spreadsheet: ss, manager: v.manager };
    } finally {
      rt.env.userEmail = lead;
    }
  });
  const trust = app.create(`${trustName} SLM Workbook`) as unknown as FakeSpreadsheet;
  rt.activate(trust);
  rt.global.setUpTrustWorkbook();
  const sheet = trust.sheet('Schools');
  const rows = schools.map((s) => [s.name, `https://docs.google.com/spreadsheets/d/${s.spreadsheet.id}/edit`, s.manager, 'Yes']);
  sheet.getRange(2, 1, rows.length, 4).setValues(rows);
  return { trust, schools };
}

/** Adds a school to the trust's Schools tab whose workbook its manager has not shared with the trust's lead. */
export function addUnsharedSchool(rt: OfflineRuntime, trust: FakeSpreadsheet, name: string, manager: string): FakeSpreadsheet {
  const lead = rt.env.userEmail;
  rt.env.userEmail = manager;
  let ss: FakeSpreadsheet;
  try {
    ss = rt.services.SpreadsheetApp.create(`${name} SLM Workbook`) as unknown as FakeSpreadsheet;
  } finally {
    rt.env.userEmail = lead;
  }
  const sheet = trust.sheet('Schools');
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, 4).setValues([[name, `https://docs.google.com/spreadsheets/d/${ss.id}/edit`, manager, 'Yes']]);
  return ss;
}
