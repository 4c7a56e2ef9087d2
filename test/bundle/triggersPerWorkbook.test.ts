/**
 * Triggers are looked up per workbook (ScriptApp.getUserTriggers(ss)): as an add-on, one person's workbooks
 * each keep their own digest and form triggers, whatever is done in another.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FakeSpreadsheet } from '../../offline/spreadsheet';
import type { OfflineRuntime } from '../../offline/runtime';
import { loadedRuntime, NOW } from '../support/offline';

type Api = Record<string, (...args: unknown[]) => any>;
const api = (rt: OfflineRuntime) => rt.global as unknown as Api;
const digestTriggers = (rt: OfflineRuntime) => rt.services.ScriptApp.store.triggers.filter((t) => t.handler === 'sendDailyDigest');

/** One runtime (one person, one add-on) with two workbooks set up. */
function twoWorkbooks(): { rt: OfflineRuntime; a: FakeSpreadsheet; b: FakeSpreadsheet } {
  const rt = loadedRuntime();
  const a = rt.spreadsheet;
  api(rt).setUpWorkbook();
  api(rt).loadExampleSchool(NOW);
  const b = rt.services.SpreadsheetApp.create('Second school') as unknown as FakeSpreadsheet;
  rt.activate(b);
  api(rt).setUpWorkbook();
  api(rt).loadExampleSchool(NOW);
  rt.activate(a);
  return { rt, a, b };
}

test('the built code never looks triggers up with getProjectTriggers', () => {
  const dist = path.resolve(__dirname, '../../dist');
  const built = fs
    .readdirSync(dist)
    .filter((n) => /\.(js|html)$/.test(n))
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
    .join('\n');
  expect(built).toMatch(/getUserTriggers\(/);
  expect(built).not.toMatch(/getProjectTriggers/);
});

test("turning the digest off in one workbook leaves the other workbook's digest trigger alone", () => {
  const { rt, a, b } = twoWorkbooks();
  expect(api(rt).setDigest(true).status).toBe('on');
  rt.activate(b);
  // Workbook A's trigger does not count as B's: B gets its own.
  expect(api(rt).getDigestState().status).toBe('off');
  expect(api(rt).setDigest(true).status).toBe('on');
  expect(digestTriggers(rt).map((t) => t.documentId)).toEqual([a.getId(), b.getId()]);
  rt.activate(a);
  expect(api(rt).setDigest(false).status).toBe('off');
  expect(digestTriggers(rt).map((t) => t.documentId)).toEqual([b.getId()]);
  rt.activate(b);
  expect(api(rt).getDigestState().status).toBe('on');
  // Asking again in B keeps exactly one trigger there.
  api(rt).setDigest(true);
  expect(digestTriggers(rt)).toHaveLength(1);
  // The trigger runs in its own workbook and records its run there, not in A.
  rt.activate(a);
  expect(rt.fireTrigger('sendDailyDigest')).toMatch(/^(Sent|Nothing|Not sent: the service desk is closed today)/);
  expect(rt.services.PropertiesService.document.getProperty('SLM_DIGEST')).toBe('{}');
  rt.activate(b);
  expect(api(rt).getDigestState().lastResult).toMatch(/^(Sent|Nothing|Not sent: the service desk is closed today)/);
});

test("another person's digest trigger in the same workbook is neither seen nor removed", () => {
  const { rt } = twoWorkbooks();
  api(rt).setDigest(true);
  rt.env.userEmail = 'deputy@school.example';
  expect(api(rt).getDigestState().status).toBe('off');
  api(rt).setDigest(true);
  api(rt).setDigest(false);
  expect(digestTriggers(rt).map((t) => t.owner)).toEqual(['service.manager@school.example']);
});

test("each workbook's call form gets its own form-submit trigger", () => {
  const { rt, a, b } = twoWorkbooks();
  api(rt).createCallForm();
  rt.activate(b);
  api(rt).createCallForm();
  api(rt).createCallForm();
  const form = rt.services.ScriptApp.store.triggers.filter((t) => t.handler === 'onCallLogged');
  expect(form.map((t) => t.documentId)).toEqual([a.getId(), b.getId()]);
});
