/** The offline server behind the panel (npm run preview, browser tests): google.script.run's rules on the server side. */
import { createSidebarHost } from '../../scripts/preview';
import { NOW } from '../support/offline';

describe('the sidebar host', () => {
  const host = createSidebarHost({ now: NOW, freezeClock: true });
  host.runtime.run(
    'function leaksDate() { return { when: new Date(0) }; } function leaksFunction() { return [function () {}]; } function helper_() { return 1; }',
  );

  test('answers plain data', () => {
    const answer = host.call('checkWorkbook', []);
    expect('value' in answer && Array.isArray(answer.value)).toBe(true);
  });

  test('refuses an answer that is not plain data, naming where it is', () => {
    expect(host.call('leaksDate', [])).toEqual({
      error: 'the answer of leaksDate.when is a Date (the API sends dates as ISO strings), which google.script.run does not carry',
    });
    expect(host.call('leaksFunction', [])).toEqual({ error: 'the answer of leaksFunction[0] is a function, which google.script.run does not carry' });
  });

  test('refuses arguments that are not plain data before the function runs', () => {
    const before = host.runtime.calls.total();
    expect(host.call('getOverview', [{ kind: 'custom', start: new Date(0) }])).toEqual({
      error: 'arguments of getOverview[0].start is a Date (the API sends dates as ISO strings), which google.script.run does not carry',
    });
    expect(host.runtime.calls.total()).toBe(before);
  });

  test('runs top-level functions only, never those ending in "_"', () => {
    expect(host.call('helper_', [])).toEqual({ error: 'Script function not found: helper_' });
    expect(host.call('noSuchFunction', [])).toEqual({ error: 'Script function not found: noSuchFunction' });
  });
});
