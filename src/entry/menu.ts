/** The add-on menu: label and the top-level function each item runs. */
export const MENU_ITEMS: ReadonlyArray<readonly [label: string, functionName: string] | null> = [
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
  ['Generate service review', 'menuGenerateReview'],
  ['Check contracts', 'menuCheckContracts'],
  ['Share with representatives', 'menuShareWithRepresentatives'],
  ['Choose documents folder', 'menuChooseDocumentsFolder'],
  null,
  ['Help', 'menuHelp'],
];
