/** A trust's roll-up on the built bundle: three schools' workbooks opened by id, read with the same core as each school's panel. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime, DEFAULT_DIST_DIR, type OfflineRuntime } from '../../offline/runtime';
import { TRUST_DIST_DIR } from '../../scripts/trustManifest';
import { addUnsharedSchool, buildExampleTrust, SHARED_SUPPLIER, type ExampleTrust } from '../../offline/exampleTrust';
import type { Overview } from '../../src/api';
import { NOW } from '../support/offline';

/** The trust's copy of the add-in (npm run build writes it beside dist/): its manifest also switches BigQuery on. */
const TRUST_COPY = path.join(path.dirname(DEFAULT_DIST_DIR), TRUST_DIST_DIR);

/** A runtime whose bundle reads its clock from `__now` (a test moves it), the trust workbook active. */
function trustRuntime(distDir = TRUST_COPY): { rt: OfflineRuntime; example: ExampleTrust } {
  const rt = createOfflineRuntime({ timeZone: 'Europe/London', userEmail: 'ict.lead@trust.example', distDir });
  rt.run(`var __now = ${NOW}; Date.now = () => __now;`);
  rt.load();
  const example = buildExampleTrust(rt, NOW);
  rt.calls.reset();
  return { rt, example };
}

const values = (ss: { sheet(name: string): { getDataRange(): { getValues(): unknown[][] } } }, tab: string) => ss.sheet(tab).getDataRange().getValues();

describe('a trust of three schools', () => {
  test("refreshes to the figures each school's own panel shows for the same period", () => {
    const { rt, example } = trustRuntime();
    const result = rt.global.refreshTrustFigures(null);
    expect(result).toMatchObject({ read: 3, total: 3, running: false, unreadable: [] });
    const { figures } = rt.global.getTrustFigures();
    expect(figures.read.map((s: { name: string }) => s.name)).toEqual(example.schools.map((s) => s.name));
    for (const [i, school] of example.schools.entries()) {
      // The school's own panel, opened by its own service manager.
      const lead = rt.env.userEmail;
      rt.env.userEmail = school.manager;
      rt.activate(school.spreadsheet);
      const overview: Overview = rt.global.getOverview({ kind: 'thisTerm' });
      rt.env.userEmail = lead;
      rt.activate(example.trust);
      const mine = figures.read[i].figures;
      expect(mine.wording).toBe(overview.periodWording);
      expect(mine.services.map((s: Record<string, unknown>) => [s.name, s.status, s.met, s.breached, s.pending, s.availability])).toEqual(
        overview.services.map((s) => [s.name, s.status, s.met, s.breached, s.pending, s.availability]),
      );
    }
    // The matrix: a row per school, a column per service, each school's own status words.
    const status = values(example.trust, 'Trust status');
    expect(status[0][0]).toBe('3 of 3 schools read.');
    expect(status.slice(2).map((r) => r[0])).toEqual(example.schools.map((s) => s.name));
    // Trust-wide figures add up the schools' own.
    const email = figures.services.find((s: { name: string }) => s.name === 'Email');
    expect(email.met).toBe(
      figures.read.reduce(
        (n: number, s: { figures: { services: Array<{ name: string; met: number }> } }) => n + (s.figures.services.find((x) => x.name === 'Email')?.met ?? 0),
        0,
      ),
    );
    // The supplier shared by all three schools is matched across them.
    const shared = figures.suppliers.find((s: { supplier: string }) => s.supplier === SHARED_SUPPLIER);
    expect(shared.schools).toHaveLength(3);
    expect(values(example.trust, 'Trust suppliers').map((r) => r[0])).toContain(SHARED_SUPPLIER);
    // A supplier whose support hours are not known has calls but none judged: said so, never "0 of 0".
    const suppliers = values(example.trust, 'Trust suppliers');
    expect(suppliers.flat()).not.toContain('0 of 0');
    expect(suppliers.find((r) => r[0] === 'Whiteboard Supplier Ltd')).toEqual(expect.arrayContaining(['not judged']));
  });

  test('names a school whose workbook is not shared with the lead, with the reason, and reads the others', () => {
    const { rt, example } = trustRuntime();
    addUnsharedSchool(rt, example.trust, "St Mary's Juniors", 'head@stmarys.example');
    const result = rt.global.refreshTrustFigures(null);
    expect(result.read).toBe(4);
    expect(result.unreadable).toEqual([{ school: "St Mary's Juniors", reason: expect.stringMatching(/not shared with you/) }]);
    const status = values(example.trust, 'Trust status');
    const row = status.find((r) => r[0] === "St Mary's Juniors")!;
    expect(row[1]).toBe('Not read');
    expect(String(row[3])).toMatch(/not shared with you/);
    expect(rt.global.getTrustFigures().figures.read).toHaveLength(3);
  });

  test('a refresh stopped by the time limit saves its progress, continues from a one-off trigger and reads no school twice', () => {
    const { rt, example } = trustRuntime();
    // Each school's workbook takes two minutes to read: two fit in the 4.5-minute budget, the third does not.
    const app = rt.services.SpreadsheetApp;
    const open = app.openById.bind(app);
    const opened: string[] = [];
    app.openById = (id: string) => {
      opened.push(id);
      rt.global.__now += 2 * 60 * 1000;
      return open(id);
    };
    const first = rt.global.refreshTrustFigures(null);
    expect(first).toMatchObject({ read: 2, total: 3, running: true, readNow: example.schools.slice(0, 2).map((s) => s.name) });
    expect(values(example.trust, 'Trust status')[0][0]).toBe('2 of 3 schools done; the refresh continues on its own.');
    expect(rt.global.getTrustFigures().progress).toEqual({ read: 2, total: 3, running: true });
    // Never half a school: the third has no row yet, the first two have theirs whole.
    const store = values(example.trust, 'Trust data');
    expect(store.slice(1).map((r) => r[1])).toEqual(example.schools.slice(0, 2).map((s) => s.name));
    const triggers = rt.services.ScriptApp.getUserTriggers(example.trust as never);
    expect(triggers.map((t) => t.getHandlerFunction())).toEqual(['continueTrustRefresh']);

    rt.global.__now += 60 * 1000;
    const second = rt.fireTrigger('continueTrustRefresh') as { read: number; running: boolean; readNow: string[] };
    expect(second).toMatchObject({ read: 3, running: false, readNow: [example.schools[2].name] });
    expect(opened).toEqual(example.schools.map((s) => s.spreadsheet.id));
    expect(
      values(example.trust, 'Trust data')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(example.schools.map((s) => s.name));
    expect(
      values(example.trust, 'Trust status')
        .slice(2)
        .map((r) => r[0]),
    ).toEqual(example.schools.map((s) => s.name));
    expect(rt.services.ScriptApp.getUserTriggers(example.trust as never)).toHaveLength(0);
    // A trigger firing late, after the refresh finished, reads nothing.
    expect(rt.global.continueTrustRefresh()).toBeNull();
    expect(opened).toHaveLength(3);
  });

  test('where a trigger may run at most hourly (an add-on), the refresh carries on an hour later, or at once from the open panel', () => {
    const { rt, example } = trustRuntime();
    const app = rt.services.SpreadsheetApp;
    const open = app.openById.bind(app);
    app.openById = (id: string) => {
      rt.global.__now += 2 * 60 * 1000;
      return open(id);
    };
    // An add-on's clock triggers run at most once an hour: a one-off trigger sooner than that is refused.
    const scriptApp = rt.services.ScriptApp as unknown as { newTrigger(h: string): any };
    const newTrigger = scriptApp.newTrigger.bind(scriptApp);
    scriptApp.newTrigger = (handler: string) => {
      const builder = newTrigger(handler);
      const timeBased = builder.timeBased.bind(builder);
      builder.timeBased = () => {
        const clock = timeBased();
        const after = clock.after.bind(clock);
        const create = clock.create.bind(clock);
        let ms = 0;
        clock.after = (x: number) => {
          ms = x;
          return after(x);
        };
        clock.create = () => {
          if (ms < 60 * 60 * 1000) throw new Error('Add-ons may run clock triggers at most once an hour.');
          return create();
        };
        return clock;
      };
      return builder;
    };
    const started = rt.global.__now;
    expect(rt.global.refreshTrustFigures(null)).toMatchObject({ read: 2, running: true });
    const [trigger] = rt.services.ScriptApp.getUserTriggers(example.trust as never) as unknown as Array<{ schedule: { at: number } }>;
    expect(trigger.schedule.at - started).toBeGreaterThanOrEqual(60 * 60 * 1000);
    // The panel, open meanwhile, carries the refresh on itself; the trigger is then removed.
    expect(rt.global.continueTrustRefresh()).toMatchObject({ read: 3, running: false });
    expect(rt.services.ScriptApp.getUserTriggers(example.trust as never)).toHaveLength(0);
  });

  test('the trust review names the schools, the supplier they share with its figures, and what must be decided', () => {
    const { rt, example } = trustRuntime();
    rt.global.refreshTrustFigures(null);
    const { figures } = rt.global.getTrustFigures();
    const shared = figures.suppliers.find((s: { supplier: string }) => s.supplier === SHARED_SUPPLIER);
    const doc = rt.global.generateTrustReview();
    const text = rt.services.DocumentApp.bodyOf(doc.id).getText();
    for (const s of example.schools) expect(text).toContain(s.name);
    expect(text).toContain(`${SHARED_SUPPLIER}: fixes late on ${shared.fixLate} of ${shared.fixJudged} calls`);
    expect(text).toMatch(/Where to send help first[\s\S]*Suppliers across schools[\s\S]*Decisions needed[\s\S]*Schools and services/);
    // A school still agreeing a service it breached says so: against proposed targets.
    const boards = figures.services.find((s: { name: string }) => s.name === 'Interactive whiteboards');
    const proposedAt = figures.read.filter((_: unknown, i: number) => boards.perSchool[i]?.status === 'Breached' && boards.perSchool[i]?.proposed);
    expect(proposedAt.length).toBeGreaterThan(0);
    expect(text).toContain(`at ${proposedAt.map((s: { name: string }) => s.name).join(' and ')} against proposed targets, still being agreed`);
    expect(text).toContain('Interactive whiteboards (against proposed targets)');
    // Nothing of the schools' private detail: no call summaries, no costs.
    expect(text).not.toMatch(/£/);
  });
});

describe('Send to BigQuery', () => {
  const PROJECT = 'northfield-trust-ict';
  const DATASET = 'slm';

  function withDataset() {
    const { rt, example } = trustRuntime();
    const settings = example.trust.sheet('Trust settings');
    const rows = settings.getDataRange().getValues();
    rows.forEach((r, i) => {
      if (r[0] === 'BigQuery project') settings.getRange(i + 1, 2).setValue(PROJECT);
      if (r[0] === 'BigQuery dataset') settings.getRange(i + 1, 2).setValue(DATASET);
    });
    rt.services.BigQuery.addDataset(PROJECT, DATASET);
    return { rt, example };
  }

  /** Refs of the school's readable incidents, as its Incidents tab has them. */
  const refsOf = (ss: ExampleTrust['schools'][number]['spreadsheet']) => {
    const v = ss.sheet('Incidents').getDataRange().getValues();
    return v
      .slice(1)
      .map((r) => String(r[v[0].indexOf('Ref')]))
      .filter(Boolean);
  };

  test("loads each school's incidents once, in a truncating CSV load job whose schema comes from the workbook schema", () => {
    const { rt, example } = withDataset();
    const result = rt.global.sendToBigQuery();
    expect(result.skipped).toEqual([]);
    expect(result.loaded.map((l: { state: string }) => l.state)).toEqual(['loaded', 'loaded', 'loaded']);
    const loads = rt.services.BigQuery.Jobs.loads;
    expect(loads).toHaveLength(3);
    for (const [i, school] of example.schools.entries()) {
      const { resource, data, projectId } = loads[i];
      expect(projectId).toBe(PROJECT);
      const load = resource.configuration.load;
      expect(load).toMatchObject({
        sourceFormat: 'CSV',
        skipLeadingRows: 1,
        writeDisposition: 'WRITE_TRUNCATE',
        createDisposition: 'CREATE_IF_NEEDED',
        destinationTable: { projectId: PROJECT, datasetId: DATASET },
      });
      const names = load.schema!.fields!.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['school', 'service_id', 'ref', 'opened', 'resolved', 'response_outcome', 'resolution_outcome']));
      expect(names).not.toContain('summary');
      const table = rt.services.BigQuery.table(PROJECT, DATASET, load.destinationTable!.tableId!)!;
      const refAt = names.indexOf('ref');
      const refs = table.rows.map((r) => r[refAt]);
      // Every incident once: the school's refs, no more, no fewer, none twice.
      expect(new Set(refs).size).toBe(refs.length);
      expect([...refs].sort()).toEqual([...refsOf(school.spreadsheet)].sort());
      expect(new Set(table.rows.map((r) => r[0]))).toEqual(new Set([school.name]));
      expect(data.split('\n')[0]).toBe(names.join(','));
    }
  });

  test("sending again replaces each school's rows: the tables hold the same rows, never twice", () => {
    const { rt } = withDataset();
    rt.global.sendToBigQuery();
    const count = () => [...rt.services.BigQuery.datasets.get(`${PROJECT}:${DATASET}`)!.values()].reduce((n, t) => n + t.rows.length, 0);
    const first = count();
    rt.global.sendToBigQuery();
    expect(rt.services.BigQuery.Jobs.loads).toHaveLength(6);
    expect(count()).toBe(first);
  });

  test("the loaded outcomes reproduce each school's figures for the term (the query docs/trust.md gives)", () => {
    const { rt, example } = withDataset();
    rt.global.sendToBigQuery();
    rt.global.refreshTrustFigures(null);
    const { figures } = rt.global.getTrustFigures();
    for (let i = 0; i < example.schools.length; i++) {
      const { resource } = rt.services.BigQuery.Jobs.loads[i];
      const fields = resource.configuration.load.schema!.fields!.map((f) => f.name);
      const table = rt.services.BigQuery.table(PROJECT, DATASET, resource.configuration.load.destinationTable!.tableId!)!;
      const at = (name: string) => fields.indexOf(name);
      const { start, end } = figures.read[i].figures.period;
      const counts = new Map<string, { met: number; breached: number; pending: number }>();
      for (const r of table.rows) {
        const opened = Date.parse(r[at('opened')]);
        if (!(opened >= start && opened < end)) continue;
        const outcomes = [r[at('response_outcome')], r[at('resolution_outcome')]].filter(Boolean);
        if (!outcomes.length) continue;
        const c = counts.get(r[at('service_name')]) ?? { met: 0, breached: 0, pending: 0 };
        if (outcomes.includes('Breached')) c.breached++;
        else if (outcomes.includes('Pending')) c.pending++;
        else c.met++;
        counts.set(r[at('service_name')], c);
      }
      for (const s of figures.read[i].figures.services) {
        expect([s.name, counts.get(s.name) ?? { met: 0, breached: 0, pending: 0 }]).toEqual([s.name, { met: s.met, breached: s.breached, pending: s.pending }]);
      }
    }
  });

  test('without a project and dataset on the Trust settings tab it says what to do and sends nothing', () => {
    const { rt } = trustRuntime();
    expect(() => rt.global.sendToBigQuery()).toThrow(/Trust settings tab/);
    expect(rt.services.BigQuery.Jobs.loads).toHaveLength(0);
  });

  test("a school's copy has none of the trust's actions; the trust's server under a school's manifest says Send to BigQuery needs the trust's copy", () => {
    const school = createOfflineRuntime({ distDir: DEFAULT_DIST_DIR });
    school.load();
    expect([school.run('typeof BigQuery'), typeof school.global.sendToBigQuery, typeof school.global.refreshTrustFigures]).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
    expect(() => school.global.pickerChosen('school', 'https://docs.google.com/spreadsheets/d/abcdefghijklmnop/edit', 'x')).toThrow(/trust's copy/);
    // The trust's Code.js pushed with a school's appsscript.json: BigQuery is not switched on there.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-trust-'));
    fs.cpSync(TRUST_COPY, dir, { recursive: true });
    fs.copyFileSync(path.join(DEFAULT_DIST_DIR, 'appsscript.json'), path.join(dir, 'appsscript.json'));
    const { rt } = trustRuntime(dir);
    expect(rt.run('typeof BigQuery')).toBe('undefined');
    expect(() => rt.global.sendToBigQuery()).toThrow(/only in the trust's copy of SLM Workbook/);
    expect(rt.services.BigQuery.Jobs.loads).toHaveLength(0);
    // Refresh trust figures needs no BigQuery.
    expect(rt.global.refreshTrustFigures(null)).toMatchObject({ read: 3, total: 3 });
  });
});

describe('the Schools tab', () => {
  test("a school's workbook chosen in Google Picker (or pasted) is added once, named from its file name", () => {
    const { rt, example } = trustRuntime();
    const schools = example.trust.sheet('Schools');
    schools.getRange(2, 1, schools.getLastRow() - 1, 4).clearContent();
    const riverside = example.schools[1].spreadsheet;
    expect(rt.global.pickerChosen('school', riverside.id, 'Riverside Infant School SLM Workbook')).toBe('Added Riverside Infant School to the Schools tab.');
    expect(rt.global.pickerChosen('school', `https://docs.google.com/spreadsheets/d/${riverside.id}/edit#gid=0`, '')).toMatch(
      /already on the Schools tab \(row 2\)/,
    );
    // A pasted link to a workbook the school has not shared cannot be added.
    const unshared = addUnsharedSchool(rt, example.trust, 'Elsewhere', 'head@elsewhere.example');
    schools.getRange(3, 1, 1, 4).clearContent();
    expect(() => rt.global.pickerChosen('school', `https://docs.google.com/spreadsheets/d/${unshared.id}/edit`, '')).toThrow(/not shared with you/);
    expect(
      schools
        .getDataRange()
        .getValues()
        .slice(1)
        .filter((r) => r[0] !== '')
        .map((r) => [r[0], r[3]]),
    ).toEqual([['Riverside Infant School', 'Yes']]);
  });

  test('a row without a usable link, and a workbook from an older version, are named; the other schools are read', () => {
    const { rt, example } = trustRuntime();
    const schools = example.trust.sheet('Schools');
    schools.getRange(5, 1, 1, 4).setValues([['Oak Lane Primary', 'see email from Jo', '', '']]);
    // Hillside's workbook lost its Incidents tab (an old copy, or one never set up).
    const hillside = example.schools[2].spreadsheet;
    const lead = rt.env.userEmail;
    rt.env.userEmail = example.schools[2].manager;
    hillside.deleteSheet(hillside.sheet('Incidents') as never);
    rt.env.userEmail = lead;
    const result = rt.global.refreshTrustFigures(null);
    expect(result.problems).toEqual([expect.stringMatching(/^Schools row 5, Workbook: This is not a link to a Google spreadsheet/)]);
    expect(result.unreadable).toEqual(
      expect.arrayContaining([
        { school: 'Hillside Academy', reason: expect.stringMatching(/no Incidents tab/) },
        { school: 'Oak Lane Primary', reason: "the Schools tab's row 5 has no link to its workbook" },
      ]),
    );
    expect(rt.global.getTrustFigures().figures.read.map((s: { name: string }) => s.name)).toEqual(['Northfield Primary', 'Riverside Infant School']);
  });
});

describe('bad cells', () => {
  test("a bad cell in a school's log is left out of its figures and counted; a bad Included cell leaves its school out, named", () => {
    const { rt, example } = trustRuntime();
    const northfield = example.schools[0].spreadsheet;
    const log = northfield.sheet('Incidents');
    const header = log.getRange(1, 1, 1, log.getLastColumn()).getValues()[0];
    log.getRange(2, header.indexOf('Opened') + 1).setValue('31/02/2026 25:99');
    const schools = example.trust.sheet('Schools');
    schools.getRange(4, 4).setValue('maybe');
    const result = rt.global.refreshTrustFigures(null);
    expect(result.problems).toEqual([expect.stringMatching(/^Schools row 4, Included: "maybe" is not valid: expected Yes or No\. The school is left out\./)]);
    expect(result).toMatchObject({ read: 2, total: 2, running: false, unreadable: [] });
    const { figures } = rt.global.getTrustFigures();
    expect(figures.read[0]).toMatchObject({ name: 'Northfield Primary', figures: { leftOut: 1 } });
  });
});
