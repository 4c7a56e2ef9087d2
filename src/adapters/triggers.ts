/** Installable triggers of this project for the signed-in user (ScriptApp). */

type Trigger = GoogleAppsScript.Script.Trigger;

/** The user's triggers that call `handler` (other people's triggers are not visible to a script). */
export const triggersFor = (handler: string): Trigger[] =>
  ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);

/**
 * Makes sure exactly one daily trigger calls `handler` at about `hour` (the script's time zone): creates it
 * when missing and deletes any duplicates, so asking twice never installs two. Returns its unique id.
 */
export function ensureDailyTrigger(handler: string, hour: number): string {
  const [keep, ...extra] = triggersFor(handler);
  for (const t of extra) ScriptApp.deleteTrigger(t);
  return (keep ?? ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create()).getUniqueId();
}

/** Deletes every trigger of the user's that calls `handler`; returns how many there were. */
export function removeTriggers(handler: string): number {
  const mine = triggersFor(handler);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

/** The page where the user grants the scopes the script now needs, or undefined when nothing is missing. */
export function authorizationUrl(): string | undefined {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED ? info.getAuthorizationUrl() || '' : undefined;
}
