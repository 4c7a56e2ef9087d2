/**
 * `npm run push:trust`: pushes dist-trust/ (the trust's copy, whose manifest also asks for BigQuery) to the
 * trust workbook's own script, named by SLM_TRUST_SCRIPT_ID or by a .clasp.json already in dist-trust/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRUST_DIST_DIR } from './trustManifest';

const dir = path.resolve(__dirname, '..', TRUST_DIST_DIR);
const project = path.join(dir, '.clasp.json');
const id = process.env.SLM_TRUST_SCRIPT_ID;
if (id) fs.writeFileSync(project, `${JSON.stringify({ scriptId: id, rootDir: '.' }, null, 2)}\n`);
if (!fs.existsSync(project)) {
  console.error("Set SLM_TRUST_SCRIPT_ID to the trust workbook's Script ID (Extensions → Apps Script → Project settings).");
  process.exit(1);
}
execFileSync('npx', ['clasp', 'push', '--force', '-P', project], { cwd: dir, stdio: 'inherit' });
