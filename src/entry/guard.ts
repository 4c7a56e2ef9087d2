import { ArgumentError } from '../core/arguments/grid';

/** Runs a custom function; anything unexpected surfaces as its message only. */
export function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ArgumentError) throw e;
    throw new Error(e instanceof Error ? e.message : String(e));
  }
}
