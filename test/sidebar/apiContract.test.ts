/**
 * The server keeps the API the sidebar is typed against. Two halves:
 * - at compile time (`npm run typecheck`): every SlmApi function exported by src/main.ts with the same
 *   parameters and an answer the sidebar can take, so renaming or changing one on either side fails;
 * - at run time: every SlmApi function has a top-level stub in dist/Code.js and is a function of the loaded
 *   bundle, which is all google.script.run can call.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SlmApi } from '../../src/api';
import type * as server from '../../src/main';
import { createOfflineRuntime } from '../../offline';
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
    : `${K}: not exported by src/main.ts`;
};

/** Every entry is `true`; a drift shows as a type error naming the function and what differs. */
const contract: { [K in keyof SlmApi]: true } = {} as Contract;

/** What the bridge promises for each call is the server's own answer type. */
const remote: { [K in keyof SlmApi]: (...args: Parameters<SlmApi[K]>) => Promise<ReturnType<Server[K]>> } = {} as Remote<SlmApi>;

// The two constants above are checked by the compiler only; referenced here so they are not unused.
void contract;
void remote;

describe('the sidebar API', () => {
  test('every SlmApi function is a top-level function of the loaded bundle, which google.script.run can call', () => {
    const rt = createOfflineRuntime();
    rt.load();
    const names = Object.keys(API_NAMES);
    expect(names.filter((n) => typeof rt.global[n] !== 'function' || n.endsWith('_'))).toEqual([]);
  });

  test('every SlmApi function has a top-level stub in dist/Code.js that calls into the bundle', () => {
    const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');
    const stubs = new Set([...code.matchAll(/^function (\w+)\([^)]*\)\{return SLM\.\1\.apply\(this,arguments\)\}$/gm)].map((m) => m[1]));
    const names = Object.keys(API_NAMES);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !stubs.has(n))).toEqual([]);
  });
});
