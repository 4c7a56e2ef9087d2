/** Where generated documents go, and Drive operations on them: folder, free names, move, trash (sharing: permissions.ts). */
import { firstFreeName } from '../core/documents/naming';

type Folder = GoogleAppsScript.Drive.Folder;

/** Document property that remembers the folder chosen for generated documents. */
const FOLDER_PROPERTY = 'SLM_DOCUMENTS_FOLDER_ID';

export interface Destination {
  readonly folder: Folder;
  /** False when the folder is My Drive, where DocumentApp.create already puts a new document. */
  readonly move: boolean;
}

/** The remembered folder, else the workbook's own folder, else My Drive. A folder since removed is forgotten. */
export function documentsDestination(spreadsheetId: string): Destination {
  const props = PropertiesService.getDocumentProperties();
  const remembered = props.getProperty(FOLDER_PROPERTY);
  if (remembered) {
    try {
      const folder = DriveApp.getFolderById(remembered);
      if (!folder.isTrashed()) return { folder, move: true };
    } catch {
      // Deleted, or no longer shared with this user: fall back below.
    }
    props.deleteProperty(FOLDER_PROPERTY);
  }
  try {
    const parents = DriveApp.getFileById(spreadsheetId).getParents();
    if (parents.hasNext()) return { folder: parents.next(), move: true };
  } catch {
    // The workbook's folder is not reachable (e.g. a shared drive this user cannot list).
  }
  return { folder: DriveApp.getRootFolder(), move: false };
}

/** Remembers a folder (its id or link) for every later document and returns its name; blank forgets it. */
export function rememberFolder(idOrLink: string): string | undefined {
  const props = PropertiesService.getDocumentProperties();
  const id = /\/folders\/([A-Za-z0-9_-]+)/.exec(idOrLink)?.[1] ?? idOrLink.trim();
  if (!id) {
    props.deleteProperty(FOLDER_PROPERTY);
    return undefined;
  }
  let folder: Folder;
  try {
    folder = DriveApp.getFolderById(id);
  } catch {
    throw new Error(`"${idOrLink.trim()}" is not a Drive folder you can open. Paste the folder's link from Drive.`);
  }
  props.setProperty(FOLDER_PROPERTY, folder.getId());
  return folder.getName();
}

/** A name no file in the folder has yet: an existing document is never overwritten or shadowed. */
export const freeNameIn = (folder: Folder, name: string): string => firstFreeName(name, (candidate) => folder.getFilesByName(candidate).hasNext());

export function moveFile(fileId: string, folder: Folder): void {
  DriveApp.getFileById(fileId).moveTo(folder);
}

/** Puts a file in the trash; true when it worked (a clean-up must never hide the first error). */
export function trashFile(fileId: string): boolean {
  try {
    DriveApp.getFileById(fileId).setTrashed(true);
    return true;
  } catch {
    return false;
  }
}
