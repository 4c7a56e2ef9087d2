/** appsscript.json asks for least privilege, and docs/google.md justifies every scope it lists. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as {
  runtimeVersion: string; oauthScopes: string[]; dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
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
  expect([...table.keys()].sort()).toEqual([...manifest.oauthScopes].sort());
});

test('the Drive advanced service (v3) is switched on for sharing and BigQuery (v2) for a trust\'s Send to BigQuery, on the V8 runtime', () => {
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.dependencies?.enabledAdvancedServices).toEqual([
    { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    { userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' },
  ]);
  // dist/ deploys the same manifest.
  expect(JSON.parse(fs.readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'))).toEqual(manifest);
});
