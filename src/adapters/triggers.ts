/**
 * Installable triggers of this project for the signed-in user, in one workbook (ScriptApp). Always looked up
 * with getUserTriggers(workbook), never getProjectTriggers(): as an add-on the latter lists the user's
 * triggers of every document, so one workbook would see, keep or delete another's.
 */

type Trigger = GoogleAppsScript.Script.Trigger;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The user's triggers in `ss` that call `handler` (other people's triggers are not visible to a script). */
export const triggersFor = (ss: Spreadsheet, handler: string): Trigger[] => ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === handler);

/**
 * Makes sure exactly one daily trigger of `ss` calls `handler` at about `hour` (the script's time zone): creates it
 * when missing and deletes any duplicates, so asking twice never installs two. Returns its unique id.
 */
export function ensureDailyTrigger(ss: Spreadsheet, handler: string, hour: number): string {
  const [keep, ...extra] = triggersFor(ss, handler);
  for (const t of extra) ScriptApp.deleteTrigger(t);
  return (keep ?? ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create()).getUniqueId();
}

/** Deletes every trigger of the user's in `ss` that calls `handler`; returns how many there were. */
export function removeTriggers(ss: Spreadsheet, handler: string): number {
  const mine = triggersFor(ss, handler);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

/** The page where the user grants the scopes the script now needs, or undefined when nothing is missing. */
export function authorizationUrl(): string | undefined {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED ? info.getAuthorizationUrl() || '' : undefined;
}
