import { MENU_ITEMS, showMenu } from './menu';

/**
 * Simple trigger: builds the menu. It may run without authorisation (AuthMode.NONE), so it touches
 * nothing but the Ui.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  showMenu(MENU_ITEMS);
}

/** Runs when the add-on is installed: shows the menu straight away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
