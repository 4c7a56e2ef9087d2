/** The typed bridge over google.script.run, against a google.script.run that behaves like Apps Script's. */
import { createBridge, pageScriptRun, toError, type ScriptRun } from '../../sidebar/bridge';

type Call = { name: string; args: unknown[]; ok: (v: unknown) => void; fail: (e: unknown) => void };

/** A google.script.run whose calls wait until the test answers them. */
function fakeRun() {
  const calls: Call[] = [];
  const runner = (ok: (v: unknown) => void = () => {}, fail: (e: unknown) => void = () => {}): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get: (_t, name: string) => {
        if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
        if (name === 'withFailureHandler') return (f: (e: unknown) => void) => runner(ok, f);
        return (...args: unknown[]) => {
          calls.push({ name, args, ok, fail });
        };
      },
    });
  return { calls, run: () => runner() };
}

describe('createBridge', () => {
  test('each API function calls the server function of the same name with the same arguments and resolves with its answer', async () => {
    const { calls, run } = fakeRun();
    const api = createBridge(run);
    const overview = api.getOverview({ kind: 'custom', start: '2026-09-01', end: '2026-10-01' });
    const selected = api.selectCell('Incidents', 134, 'Service ID');
    expect(calls.map((c) => [c.name, c.args])).toEqual([
      ['getOverview', [{ kind: 'custom', start: '2026-09-01', end: '2026-10-01' }]],
      ['selectCell', ['Incidents', 134, 'Service ID']],
    ]);
    calls[0].ok({ services: [] });
    calls[1].ok(null);
    await expect(overview).resolves.toEqual({ services: [] });
    await expect(selected).resolves.toBeNull();
  });

  test('a server failure rejects with its message in plain words', async () => {
    const { calls, run } = fakeRun();
    const p = createBridge(run).checkWorkbook();
    calls[0].fail(new Error('Exception: The Incidents tab is missing. Run "Set up workbook" to add it.'));
    await expect(p).rejects.toThrow(/^The Incidents tab is missing\. Run "Set up workbook" to add it\.$/);
  });

  test('a write already on its way with the same arguments is not sent again: both clicks get the one answer', async () => {
    const { calls, run } = fakeRun();
    const api = createBridge(run);
    const first = api.generateSla(['EMAIL']);
    const second = api.generateSla(['EMAIL']);
    expect(calls.filter((c) => c.name === 'generateSla')).toHaveLength(1);
    calls[0].ok({ name: 'SLA', url: 'https://docs.google.com/document/d/x/edit', id: 'x' });
    await expect(second).resolves.toEqual(await first);
    // Once answered, the next click is a new call.
    void api.generateSla(['EMAIL']);
    expect(calls.filter((c) => c.name === 'generateSla')).toHaveLength(2);
  });

  test('the same write with other arguments is its own call with its own answer', async () => {
    const { calls, run } = fakeRun();
    const api = createBridge(run);
    const all = api.generateSla(null);
    const chosen = api.generateSla(['EMAIL', 'PRINT']);
    expect(calls.map((c) => [c.name, c.args])).toEqual([
      ['generateSla', [null]],
      ['generateSla', [['EMAIL', 'PRINT']]],
    ]);
    calls[1].ok({ name: 'SLA: Email, Printing', url: 'https://docs.google.com/document/d/b/edit', id: 'b' });
    calls[0].ok({ name: 'SLA: all services', url: 'https://docs.google.com/document/d/a/edit', id: 'a' });
    await expect(all).resolves.toMatchObject({ id: 'a' });
    await expect(chosen).resolves.toMatchObject({ id: 'b' });
  });

  test('a failed write can be tried again', async () => {
    const { calls, run } = fakeRun();
    const api = createBridge(run);
    const first = api.applySharing([]);
    calls[0].fail(new Error('Drive is busy'));
    await expect(first).rejects.toThrow('Drive is busy');
    void api.applySharing([]);
    expect(calls.filter((c) => c.name === 'applySharing')).toHaveLength(2);
  });

  test('reads are not merged: two overviews for two periods are two calls', () => {
    const { calls, run } = fakeRun();
    const api = createBridge(run);
    void api.getOverview({ kind: 'thisMonth' });
    void api.getOverview({ kind: 'lastMonth' });
    expect(calls.map((c) => c.args[0])).toEqual([{ kind: 'thisMonth' }, { kind: 'lastMonth' }]);
  });

  test('outside Google Sheets the call fails with where to open the panel', async () => {
    await expect(createBridge(pageScriptRun).getFindings()).rejects.toThrow(/open it from Extensions > SLM Workbook > Open SLM panel/);
  });
});

describe('toError', () => {
  test.each([
    ['Error: Another SLM Workbook action is still running', 'Another SLM Workbook action is still running'],
    ['ScriptError: Authorization is required to perform that action.', 'Authorization is required to perform that action.'],
    ['', 'The server did not say what went wrong.'],
  ])('%j → %j', (raw, plain) => {
    expect(toError(new Error(raw)).message).toBe(plain);
  });
  test('takes any thrown value', () => {
    expect(toError('Script function not found: getFindings').message).toBe('Script function not found: getFindings');
  });
});
