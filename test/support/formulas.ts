/** The example school with the clock at NOW and every formula recalculated as Sheets would, as the Dashboard tests read it. */
import type { FormulaProblem } from '../../offline/recalc';
import { recalculateRuntime } from '../../offline/recalcRuntime';
import type { OfflineRuntime } from '../../offline/runtime';
import { loadedRuntime, NOW } from './offline';

export function exampleWithFormulas(): { rt: OfflineRuntime; problems: FormulaProblem[] } {
  const rt = loadedRuntime();
  rt.run(`Date.now = function () { return ${NOW}; };`);
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(NOW);
  // Custom functions run in custom-function mode, as Sheets runs a formula's.
  const problems = recalculateRuntime(rt, NOW);
  return { rt, problems };
}
