/**
 * The Drive advanced service (Drive API v3, as Apps Script exposes it: `Drive.Permissions.create(resource,
 * fileId, optionalArgs)`, `.list(fileId, optionalArgs)`, `.remove(fileId, permissionId, optionalArgs)`), over
 * the same files as DriveApp. Requests and responses keep the REST API's shapes:
 * - permissions.create: https://developers.google.com/drive/api/reference/rest/v3/permissions/create
 *   (`sendNotificationEmail` "defaults to true for users and groups": Drive then emails the person itself,
 *   recorded here in `notifications`);
 * - permissions.list: https://developers.google.com/drive/api/reference/rest/v3/permissions/list (pages with
 *   `nextPageToken`; without a `fields` parameter only `kind`, `id`, `type` and `role` come back:
 *   https://developers.google.com/drive/api/guides/fields-parameter);
 * - permissions.delete (named `remove` by Apps Script, `delete` being reserved):
 *   https://developers.google.com/drive/api/reference/rest/v3/permissions/delete;
 * - the Permission resource and its roles (owner, writer, commenter, reader):
 *   https://developers.google.com/drive/api/reference/rest/v3/permissions
 * An advanced service must be switched on in appsscript.json (dependencies.enabledAdvancedServices):
 * https://developers.google.com/apps-script/guides/services/advanced
 */
import type { OfflineEnv } from './env';
import type { DriveItem, DriveStore } from './drive';
import { FakeDriveComments } from './driveComments';

export interface Permission {
  kind: 'drive#permission';
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  displayName?: string;
}

/** A notification email Drive itself sent (sendNotificationEmail left at its default). */
export interface DriveNotification {
  readonly to: string;
  readonly fileId: string;
  readonly role: string;
  readonly message?: string;
}

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'] as const;
/** permissions.list's largest page ("maximum … 100"). */
const MAX_PAGE = 100;
/** Offline pages are small so that paging is exercised. */
const DEFAULT_PAGE = 10;

/** The numeric-looking id Drive gives a user's permission: the same for that user on every file. */
export const permissionIdOf = (email: string): string => {
  let h = 0n;
  for (const c of email.toLowerCase()) h = (h * 131n + BigInt(c.codePointAt(0)!)) % 10n ** 20n;
  return h.toString().padStart(20, '0');
};

/** An error as Apps Script throws it for a failed advanced-service call. */
const apiError = (method: string, reason: string) => new Error(`API call to drive.permissions.${method} failed with error: ${reason}`);

/** The top-level fields a `fields` parameter asks for in each permission (`permissions(id,role)` or `*`). */
function permissionFields(fields: unknown): Set<string> | 'all' {
  if (fields === undefined || fields === null || fields === '') return new Set(['kind', 'id', 'type', 'role']);
  const text = String(fields);
  const inner = /permissions\(([^)]*)\)/.exec(text)?.[1];
  if (text.trim() === '*' || /(^|,)\s*permissions\s*(,|$)/.test(text) || inner?.trim() === '*') return 'all';
  if (inner === undefined) return new Set();
  return new Set(
    inner
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
  );
}

const pick = (p: Permission, fields: Set<string> | 'all'): Partial<Permission> =>
  fields === 'all' ? { ...p } : (Object.fromEntries(Object.entries(p).filter(([k]) => fields.has(k))) as Partial<Permission>);

export class FakeDrivePermissions {
  readonly notifications: DriveNotification[] = [];
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: DriveStore,
  ) {}

  private file(method: string, fileId: unknown): DriveItem {
    const item = this.store.items.get(String(fileId));
    if (!item || item.id === this.store.rootId) throw apiError(method, `File not found: ${String(fileId)}.`);
    return item;
  }

  /** Everyone with access, as Drive lists them: the owner first, then editors, commenters and readers. */
  private all(item: DriveItem): Permission[] {
    const owner = item.owner ?? this.env.userEmail;
    const out: Permission[] = [];
    const add = (email: string, role: Permission['role']) => {
      if (out.some((p) => p.emailAddress === email)) return;
      out.push({ kind: 'drive#permission', id: permissionIdOf(email), type: 'user', role, emailAddress: email, displayName: email.split('@')[0] });
    };
    add(owner, 'owner');
    for (const e of item.editors) add(e, 'writer');
    for (const e of item.commenters) add(e, 'commenter');
    for (const e of item.viewers) add(e, 'reader');
    return out;
  }

  create(resource: Partial<Permission>, fileId: string, optionalArgs: Record<string, unknown> = {}): Partial<Permission> {
    this.env.calls.hit('Drive.Permissions.create');
    const item = this.file('create', fileId);
    if (!resource || typeof resource !== 'object') throw apiError('create', 'Invalid permission resource.');
    if (resource.type !== 'user') throw apiError('create', `Only user permissions are modelled offline (type "${String(resource.type)}").`);
    if (!ROLES.includes(resource.role as never)) throw apiError('create', `Invalid permission role: ${String(resource.role)}.`);
    const email = String(resource.emailAddress ?? '')
      .trim()
      .toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw apiError('create', `Invalid value for: emailAddress (${String(resource.emailAddress ?? '')}).`);
    if (resource.role === 'owner') throw apiError('create', "The transferOwnership parameter must be enabled when the permission role is 'owner'.");
    // A new role replaces the person's old one on this file.
    item.editors.delete(email);
    item.commenters.delete(email);
    item.viewers.delete(email);
    if (resource.role === 'writer' || resource.role === 'organizer' || resource.role === 'fileOrganizer') item.editors.add(email);
    else if (resource.role === 'commenter') item.commenters.add(email);
    else item.viewers.add(email);
    if (optionalArgs.sendNotificationEmail !== false) {
      this.notifications.push({ to: email, fileId: item.id, role: String(resource.role), message: optionalArgs.emailMessage as string | undefined });
    }
    const made = this.all(item).find((p) => p.emailAddress === email)!;
    return pick(made, permissionFields(optionalArgs.fields === undefined ? undefined : `permissions(${String(optionalArgs.fields)})`));
  }

  list(
    fileId: string,
    optionalArgs: Record<string, unknown> = {},
  ): { kind: 'drive#permissionList'; permissions: Array<Partial<Permission>>; nextPageToken?: string } {
    this.env.calls.hit('Drive.Permissions.list');
    const item = this.file('list', fileId);
    const size = optionalArgs.pageSize === undefined ? DEFAULT_PAGE : Number(optionalArgs.pageSize);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw apiError('list', `Invalid value for: pageSize (${String(optionalArgs.pageSize)}).`);
    const start = optionalArgs.pageToken ? Number(optionalArgs.pageToken) : 0;
    const everyone = this.all(item);
    const page = everyone.slice(start, start + size);
    const fields = permissionFields(optionalArgs.fields);
    const next = start + size < everyone.length ? String(start + size) : undefined;
    const asked = optionalArgs.fields === undefined || /nextPageToken|^\s*\*\s*$/.test(String(optionalArgs.fields));
    return { kind: 'drive#permissionList', permissions: page.map((p) => pick(p, fields)), ...(next && asked ? { nextPageToken: next } : {}) };
  }

  remove(fileId: string, permissionId: string, optionalArgs: Record<string, unknown> = {}): void {
    void optionalArgs;
    this.env.calls.hit('Drive.Permissions.remove');
    const item = this.file('delete', fileId);
    const p = this.all(item).find((x) => x.id === String(permissionId));
    if (!p) throw apiError('delete', `Permission not found: ${String(permissionId)}.`);
    if (p.role === 'owner') throw apiError('delete', 'The owner of a file cannot be removed.');
    item.editors.delete(p.emailAddress!);
    item.commenters.delete(p.emailAddress!);
    item.viewers.delete(p.emailAddress!);
  }
}

/** `Drive`, the advanced service's global. */
export class FakeDriveAdvanced {
  readonly Permissions: FakeDrivePermissions;
  readonly Comments: FakeDriveComments;
  constructor(env: OfflineEnv, store: DriveStore) {
    this.Permissions = new FakeDrivePermissions(env, store);
    this.Comments = new FakeDriveComments(env, store);
  }
}
