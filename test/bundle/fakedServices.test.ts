/** The offline runtime fakes only what the add-in calls: each faked service is used by the built bundle. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOfflineRuntime } from '../../offline';
import { TRUST_DIST_DIR } from '../../scripts/trustManifest';

/** Faked ahead of the code that needs them: trend charts. */
const AWAITED_BY_MONITORING = ['Charts'];
/** Faked for the parity cases (test/parity/cases.js: formatDate, blobs), which hold the fakes to Google's answers; the import reads CSV itself. */
const FOR_PARITY = ['Utilities'];

test("every faked service is called by the built server code (a school's copy, dist/Code.js, or the trust's, dist-trust/Code.js)", () => {
  const root = path.resolve(__dirname, '../..');
  const code = ['dist', TRUST_DIST_DIR].map((dir) => fs.readFileSync(path.join(root, dir, 'Code.js'), 'utf8')).join('\n');
  const faked = Object.keys(createOfflineRuntime().services);
  const unused = faked.filter((name) => !new RegExp(`\\b${name}\\.`).test(code));
  expect(unused.filter((name) => !AWAITED_BY_MONITORING.includes(name) && !FOR_PARITY.includes(name))).toEqual([]);
});
