/**
 * The server keeps the API the sidebar is typed against. Two halves:
 * - at compile time (`npm run typecheck`): every SlmApi function exported by src/trustMain.ts with the same
 *   parameters and an answer the sidebar can take, so renaming or changing one on either side fails;
 * - at run time: every SlmApi function has a top-level stub in the trust's copy (dist-trust/Code.js), and every one
 *   but the trust's refresh in a school's (dist/Code.js), and is a function of the loaded bundle, which is all
 *   google.script.run can call.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SlmApi } from '../../src/api';
import type * as server from '../../src/trustMain';
import { createOfflineRuntime, DEFAULT_DIST_DIR } from '../../offline';
import { TRUST_DIST_DIR } from '../../scripts/trustManifest';
import { API_NAMES, type Remote } from '../../sidebar/bridge';

type Server = typeof server;

/**
 * For each API name: every call the sidebar can make (SlmApi's parameters) is one the server accepts, and
 * the server's answer is what the bridge's promise says (SlmApi's return type). A missing export, a renamed
 * one, a new required parameter, a narrower parameter or another answer is a type error naming the function.
 * (Extra optional parameters on the server are allowed: the sidebar simply does not pass them.)
 */
type Contract = {
  [K in keyof SlmApi]: K extends keyof Server
    ? Server[K] extends (...args: infer P) => infer R
      ? Parameters<SlmApi[K]> extends P
        ? R extends ReturnType<SlmApi[K]>
          ? true
          : `${K}: the server answers another type than SlmApi says`
        : `${K}: the server does not take SlmApi's arguments`
      : `${K}: not a function on the server`
    : `${K}: not exported by src/trustMain.ts`;
};

/** Every entry is `true`; a drift shows as a type error naming the function and what differs. */
const contract: { [K in keyof SlmApi]: true } = {} as Contract;

/** What the bridge promises for each call is the server's own answer type. */
const remote: { [K in keyof SlmApi]: (...args: Parameters<SlmApi[K]>) => Promise<ReturnType<Server[K]>> } = {} as Remote<SlmApi>;

// The two constants above are checked by the compiler only; referenced here so they are not unused.
void contract;
void remote;

/** The trust's copy (dist-trust/) beside a school's (dist/). */
const COPIES = { school: DEFAULT_DIST_DIR, trust: path.join(path.dirname(DEFAULT_DIST_DIR), TRUST_DIST_DIR) };
/** Called by the panel only once getTrustProgress has answered with a trust's refresh: a school's copy has neither. */
const TRUST_ONLY = new Set(['refreshTrustFigures', 'continueTrustRefresh']);
const namesIn = (copy: keyof typeof COPIES) => Object.keys(API_NAMES).filter((n) => copy === 'trust' || !TRUST_ONLY.has(n));

describe.each(Object.keys(COPIES) as Array<keyof typeof COPIES>)("the sidebar API in a %s's copy", (copy) => {
  test('every SlmApi function it serves is a top-level function of the loaded bundle, which google.script.run can call', () => {
    const rt = createOfflineRuntime({ distDir: COPIES[copy] });
    rt.load();
    expect(namesIn(copy).filter((n) => typeof rt.global[n] !== 'function' || n.endsWith('_'))).toEqual([]);
    // A school's copy answers the panel's question about a trust with null: the panel shows nothing of a trust.
    if (copy === 'school') expect(rt.global.getTrustProgress()).toBeNull();
  });

  test('every SlmApi function it serves has a top-level stub in its Code.js that calls into the bundle', () => {
    const code = fs.readFileSync(path.join(COPIES[copy], 'Code.js'), 'utf8');
    const stubs = new Set([...code.matchAll(/^function (\w+)\([^)]*\)\{return SLM\.\1\.apply\(this,arguments\)\}$/gm)].map((m) => m[1]));
    expect(namesIn(copy).length).toBeGreaterThan(5);
    expect(namesIn(copy).filter((n) => !stubs.has(n))).toEqual([]);
    if (copy === 'school') expect([...TRUST_ONLY].filter((n) => stubs.has(n))).toEqual([]);
  });
});
