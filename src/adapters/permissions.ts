/**
 * Who can open a file, and sharing it, through the Drive advanced service (Drive API v3): it works under the
 * drive.file scope for files the add-in made or was given, and shares without Drive's own notification email
 * (sendNotificationEmail: false), so each person gets one deliberate message from the add-in instead of one
 * email per file. https://developers.google.com/drive/api/reference/rest/v3/permissions
 */
import type { Role } from '../core/documents/sharing';

export interface Access {
  readonly email: string;
  readonly role: Role;
  readonly permissionId: string;
}

const ROLES: Readonly<Record<string, Role>> = {
  owner: 'owner',
  organizer: 'editor',
  fileOrganizer: 'editor',
  writer: 'editor',
  commenter: 'commenter',
  reader: 'viewer',
};

const drive = (): GoogleAppsScript.Drive => {
  if (!Drive) throw new Error('The Drive service is not switched on for this script (appsscript.json lists it under enabledAdvancedServices).');
  return Drive;
};

/** Every person a user permission lets open the file, lower-case emails, every page of permissions.list. */
function accessList(fileId: string): Access[] {
  const out: Access[] = [];
  let pageToken: string | undefined;
  do {
    const page = drive().Permissions.list(fileId, {
      fields: 'nextPageToken,permissions(id,type,role,emailAddress)',
      supportsAllDrives: true,
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const p of page.permissions ?? []) {
      if (p.type === 'user' && p.emailAddress && p.id)
        out.push({ email: p.emailAddress.toLowerCase(), role: ROLES[p.role ?? ''] ?? 'viewer', permissionId: p.id });
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/** The file's access list, or undefined when Drive refuses it (not a file the add-in may open). */
export function tryAccessList(fileId: string): Access[] | undefined {
  try {
    return accessList(fileId);
  } catch {
    return undefined;
  }
}

/** Lets `email` comment on the file, with no email from Drive; false when Drive refused. */
export function grantCommenter(fileId: string, email: string): boolean {
  try {
    drive().Permissions.create({ type: 'user', role: 'commenter', emailAddress: email }, fileId, {
      sendNotificationEmail: false,
      supportsAllDrives: true,
      fields: 'id',
    });
    return true;
  } catch {
    return false;
  }
}

/** Takes a permission away; false when Drive refused. */
export function revoke(fileId: string, permissionId: string): boolean {
  try {
    drive().Permissions.remove(fileId, permissionId, { supportsAllDrives: true });
    return true;
  } catch {
    return false;
  }
}
