/**
 * What the trust's copy does differently from a school's: its menu adds the trust's items, and Google Picker can
 * add schools' workbooks. A school's copy carries none of the trust's code.
 */
import { MENU_ITEMS, type MenuItems, showMenu } from './menu';
import { pickerChosen as chosenInSchoolCopy } from './picker';
import type { PickerKind } from '../core/pickerPage';
import { pickerKindArg, textArg } from './arguments';
import { addSchool } from './trustSchools';

const TRUST_ITEMS: MenuItems = [
  ['Set up as trust workbook', 'menuSetUpTrustWorkbook'],
  ["Add schools' workbooks", 'menuAddSchools'],
  ['Refresh trust figures', 'menuRefreshTrustFigures'],
  ['Generate trust review', 'menuGenerateTrustReview'],
  ['Send to BigQuery', 'menuSendToBigQuery'],
  null,
];

/** The trust's copy's menu: a school's, with the trust's items before Help. */
const trustMenuItems = (): MenuItems => {
  const help = MENU_ITEMS.length - 1;
  return [...MENU_ITEMS.slice(0, help), ...TRUST_ITEMS, ...MENU_ITEMS.slice(help)];
};

/** Simple trigger: builds the menu. It may run without authorisation (AuthMode.NONE), so it touches nothing but the Ui. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  showMenu(trustMenuItems());
}

/** Runs when the add-on is installed: shows the menu straight away. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** What the Picker (or a pasted link) chose: a school's workbook is added to the Schools tab; anything else as in a school's copy. */
export function pickerChosen(kind: PickerKind, idOrLink: string, name: string): string {
  if (pickerKindArg(kind) === 'school') return addSchool(textArg(idOrLink, 'idOrLink', 'a Drive link or id'), name);
  return chosenInSchoolCopy(kind, idOrLink, name);
}
