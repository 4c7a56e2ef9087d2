/**
 * With SLM_NOW set the main job is a pure function of it: two runs write byte-identical out/ files, and
 * the data, periods and documents are built around that date. `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const SUMMER = '2026-06-15T12:00:00Z';

function mainJob(now: string): { dir: string; printed: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-out-'));
  const printed = execFileSync('npx', ['tsx', 'scripts/start.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, SLM_NOW: now, SLM_OUT: dir } });
  return { dir, printed };
}

describe('npm start with SLM_NOW', () => {
  test('two runs give the same printed summary and byte-identical out/ files, the workbook included', () => {
    const a = mainJob(SUMMER);
    const b = mainJob(SUMMER);
    const files = fs.readdirSync(a.dir).sort();
    expect(files).toEqual(expect.arrayContaining(['SLM-Workbook.xlsx', 'SLA.html', 'Review.html']));
    expect(fs.readdirSync(b.dir).sort()).toEqual(files);
    for (const f of files) expect({ f, same: fs.readFileSync(path.join(a.dir, f)).equals(fs.readFileSync(path.join(b.dir, f))) }).toEqual({ f, same: true });
    expect(b.printed).toEqual(a.printed);
    // The example school and its periods are built around SLM_NOW: June 2026 is the Summer term.
    expect(a.printed).toMatch(/Summer term 2026/);
    expect(a.printed).not.toMatch(/Autumn term 2026/);
  }, 180000);
});
