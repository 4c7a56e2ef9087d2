export type MenuItems = ReadonlyArray<readonly [label: string, functionName: string] | null>;

/** The add-on menu of a school's copy: label and the top-level function each item runs (null: a separator). */
export const MENU_ITEMS: MenuItems = [
  ['Open SLM panel', 'menuOpenPanel'],
  null,
  ['Set up workbook', 'menuSetUpWorkbook'],
  ['Load example school', 'menuLoadExample'],
  ['Clear example school', 'menuClearExample'],
  ['Check workbook', 'menuCheckWorkbook'],
  ['Import incidents', 'menuImportIncidents'],
  ['Create call-logging form', 'menuCallForm'],
  null,
  ['Generate SLA', 'menuGenerateSla'],
  ['Record sign-off', 'menuRecordSignOff'],
  ['Generate service review', 'menuGenerateReview'],
  ['Check contracts', 'menuCheckContracts'],
  ['Share with representatives', 'menuShareWithRepresentatives'],
  ["Update representatives' workbook", 'menuRepresentativesWorkbook'],
  ['Collect comments', 'menuCollectComments'],
  ['Choose documents folder', 'menuChooseDocumentsFolder'],
  null,
  ['Help', 'menuHelp'],
];

/** Shows the add-on menu. It touches nothing but the Ui. */
export function showMenu(items: MenuItems): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
