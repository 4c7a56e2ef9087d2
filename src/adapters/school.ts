import { schoolFromFileName } from '../core/documents/naming';

/** Document property holding the school's name; default from the spreadsheet's name. */
const SCHOOL_PROPERTY = 'SLM_SCHOOL_NAME';

/** The school's name for documents and emails. */
export function schoolName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return PropertiesService.getDocumentProperties().getProperty(SCHOOL_PROPERTY)?.trim() || schoolFromFileName(ss.getName());
}
