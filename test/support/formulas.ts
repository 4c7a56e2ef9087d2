/** The example school with the clock at NOW and every formula recalculated, as the Dashboard tests read it. */
import { recalculate, type FormulaProblem } from '../../offline/recalc';
import type { OfflineRuntime } from '../../offline/runtime';
import { loadedRuntime, NOW } from './offline';

export function exampleWithFormulas(): { rt: OfflineRuntime; problems: FormulaProblem[] } {
  const rt = loadedRuntime();
  rt.run(`Date.now = function () { return ${NOW}; };`);
  rt.global.setUpWorkbook();
  rt.global.loadExampleSchool(NOW);
  const problems = recalculate(rt.spreadsheet, { functions: rt.global, now: NOW, realmDate: rt.env.realm.Date });
  return { rt, problems };
}
