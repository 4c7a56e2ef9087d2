/**
 * Recalculates a loaded runtime's spreadsheet as Sheets would: custom functions come from the bundle and
 * each runs in custom-function mode (read-only services, 30 s), as a formula cell runs it; the runtime's
 * mode is restored afterwards.
 */
import { recalculate, type FormulaProblem } from './recalc';
import type { OfflineRuntime } from './runtime';

export function recalculateRuntime(rt: OfflineRuntime, now = Date.now()): FormulaProblem[] {
  return recalculate(rt.spreadsheet, {
    functions: rt.global,
    now,
    realmDate: rt.env.realm.Date,
    invoke(fn, args) {
      const before = rt.mode;
      rt.mode = 'customFunction';
      try {
        return fn(...args);
      } finally {
        rt.mode = before;
      }
    },
  });
}
