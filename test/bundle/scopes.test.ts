/** appsscript.json asks for least privilege, and docs/google.md justifies every scope it lists. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRUST_DIST_DIR, trustManifest } from '../../scripts/trustManifest';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  runtimeVersion: string;
  oauthScopes: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
};
const doc = fs.readFileSync(path.join(root, 'docs/google.md'), 'utf8');
/** The "Scopes" section's table: scope → its justification. */
const justified = (): Map<string, string> => {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Scopes')) ?? '';
  return new Map([...section.matchAll(/^\|\s*`(https:\/\/www\.googleapis\.com\/auth\/[^`]+)`\s*\|\s*([^|]*?)\s*\|\s*$/gm)].map((m) => [m[1], m[2]]));
};

test('no restricted full Drive scope: files are reached through drive.file and Google Picker', () => {
  expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
  expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  expect(manifest.oauthScopes.filter((s) => /auth\/drive(\.readonly)?$/.test(s))).toEqual([]);
});

test('every scope in appsscript.json has a one-line justification in docs/google.md, and the table names no other', () => {
  const table = justified();
  for (const scope of manifest.oauthScopes) {
    expect([scope, (table.get(scope) ?? '').length > 20]).toEqual([scope, true]);
  }
  // The table also justifies what only the trust's copy asks for, and names no other scope.
  const trust = trustManifest(manifest).oauthScopes;
  for (const scope of trust) expect([scope, (table.get(scope) ?? '').length > 20]).toEqual([scope, true]);
  expect([...table.keys()].sort()).toEqual([...trust].sort());
});

test("a school's copy never asks for BigQuery nor carries the trust's code; the trust's copy (dist-trust/) adds BigQuery's scope and service and the trust's server", () => {
  expect(manifest.oauthScopes.filter((s) => /bigquery/.test(s))).toEqual([]);
  const trust = JSON.parse(fs.readFileSync(path.join(root, TRUST_DIST_DIR, 'appsscript.json'), 'utf8'));
  expect(trust).toEqual(trustManifest(manifest));
  expect(trust.oauthScopes.filter((s: string) => !manifest.oauthScopes.includes(s))).toEqual(['https://www.googleapis.com/auth/bigquery']);
  expect(trust.dependencies.enabledAdvancedServices.map((s: { userSymbol: string }) => s.userSymbol)).toEqual(['Drive', 'Sheets', 'BigQuery']);
  // Every other file of the trust's copy but its server is the school's.
  const read = (dir: string, f: string) => fs.readFileSync(path.join(root, dir, f), 'utf8');
  const files = fs.readdirSync(path.join(root, 'dist')).filter((f) => f !== 'appsscript.json' && f !== 'Code.js');
  expect(files.length).toBeGreaterThan(2);
  for (const f of files) expect([f, read(TRUST_DIST_DIR, f) === read('dist', f)]).toEqual([f, true]);
  // The trust's server has every entry point of a school's and the trust's own; a school's has none of the trust's.
  const stubs = (dir: string) => new Set([...read(dir, 'Code.js').matchAll(/^function (\w+)\(/gm)].map((m) => m[1]));
  const school = stubs('dist');
  const trustStubs = stubs(TRUST_DIST_DIR);
  expect([...school].filter((n) => !trustStubs.has(n))).toEqual([]);
  expect([...trustStubs].filter((n) => !school.has(n)).sort()).toEqual(
    [
      'continueTrustRefresh',
      'generateTrustReview',
      'getTrustFigures',
      'menuAddSchools',
      'menuGenerateTrustReview',
      'menuRefreshTrustFigures',
      'menuSendToBigQuery',
      'menuSetUpTrustWorkbook',
      'refreshTrustFigures',
      'sendToBigQuery',
      'setUpTrustWorkbook',
    ].sort(),
  );
  expect(read('dist', 'Code.js')).not.toMatch(/BigQuery\.Jobs|Trust settings/);
});

test("the Drive (v3, sharing) and Sheets (v4, an import's writes) advanced services are switched on, on the V8 runtime, and docs/google.md says why", () => {
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.dependencies?.enabledAdvancedServices).toEqual([
    { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
  ]);
  expect(doc).toMatch(/^## Sharing\n\nSharing goes through the Drive advanced service/m);
  expect(doc).toMatch(/^## Writing an import: the Sheets advanced service$/m);
  // dist/ deploys the same manifest.
  expect(JSON.parse(fs.readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'))).toEqual(manifest);
});
