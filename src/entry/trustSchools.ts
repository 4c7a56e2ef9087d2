/** Adding a school to a trust workbook's Schools tab from Google Picker or a pasted link. */
import { schoolFromFileName } from '../core/documents/naming';
import { workbookIdOf } from '../core/trust/schools';
import { withDocumentLock } from '../adapters/lock';
import { appendSchool, readSchoolName, readSchools, setUpSchoolsTab } from '../adapters/trust';

/**
 * Adds a school's workbook (chosen in Google Picker, or a pasted link) to the Schools tab, named from its file
 * name ("Riverside Infant School SLM Workbook" → "Riverside Infant School"); a workbook already listed is not added twice.
 * Not an entry point of its own: the Picker dialog reaches it through pickerChosen.
 */
export function addSchool(idOrLink: string, fileName: string): string {
  const id = workbookIdOf(idOrLink);
  if (!id) throw new Error(`"${idOrLink.trim()}" is not a link to a Google spreadsheet: paste the link from the school's workbook (Share → Copy link).`);
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    setUpSchoolsTab(ss);
    const { schools } = readSchools(ss);
    const listed = schools.find((s) => s.workbookId === id);
    if (listed) return `${listed.name} is already on the Schools tab (row ${listed.row}).`;
    let name = fileName.trim();
    if (!name) {
      const opened = readSchoolName(id);
      if ('error' in opened) throw new Error(`That workbook cannot be added: ${opened.error}.`);
      name = opened.name;
    }
    const school = schoolFromFileName(name);
    appendSchool(ss, school, `https://docs.google.com/spreadsheets/d/${id}/edit`);
    return `Added ${school} to the Schools tab.`;
  });
}
