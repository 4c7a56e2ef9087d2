/**
 * Google stops an execution that runs too long (6 minutes; 30 s for a custom function). Each call from
 * outside into the bundle's top-level functions runs under a real, elapsed-time limit that interrupts it,
 * as Google does, even inside an endless loop.
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
import * as vm from 'node:vm';
import type { ExecutionClock } from './clock';
import { TIME_LIMIT_MESSAGE } from './restrictions';

const CALL = '__offlineCall__';
const script = new vm.Script(`${CALL}()`);

/** Replaces each top-level function of `global` (not the services) with one that runs under `limitMs(its name)`. */
export function withTimeLimit(global: vm.Context & Record<string, any>, services: string[], limitMs: (name: string) => number, clock: ExecutionClock): void {
  let depth = 0;
  for (const name of Object.keys(global)) {
    const fn = global[name];
    if (typeof fn !== 'function' || services.includes(name) || name === CALL) continue;
    const limited = function (this: unknown, ...args: unknown[]) {
      // A call from inside the bundle is part of the execution already running.
      if (depth > 0) return fn.apply(this, args);
      depth += 1;
      global[CALL] = () => fn.apply(this, args);
      const limit = limitMs(name);
      clock.begin(limit);
      try {
        return script.runInContext(global, { timeout: limit });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new Error(TIME_LIMIT_MESSAGE);
        throw e;
      } finally {
        depth -= 1;
        clock.end();
        delete global[CALL];
      }
    };
    Object.defineProperty(limited, 'name', { value: name });
    global[name] = limited;
  }
}
