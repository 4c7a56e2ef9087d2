/**
 * Drive comments through the advanced service (Drive API v3): `Drive.Comments.list(fileId, optionalArgs)` and
 * `.create(resource, fileId, optionalArgs)`, with the REST resource's shape:
 * - the Comment resource (id, createdTime, modifiedTime, resolved, anchor, author, deleted, htmlContent,
 *   content, quotedFileContent {mimeType, value}, replies[]):
 *   https://developers.google.com/drive/api/reference/rest/v3/comments
 * - comments.list (pageSize 1..100, default 20; pageToken/nextPageToken; includeDeleted):
 *   https://developers.google.com/drive/api/reference/rest/v3/comments/list
 * - "The fields parameter is required" for every comments and replies method:
 *   https://developers.google.com/drive/api/guides/manage-comments
 * Tests add a person's comment with `add` (as the Docs or Sheets editor would) and reply or resolve with `reply`.
 */
import type { OfflineEnv } from './env';
import type { DriveStore } from './drive';

export interface DriveUser {
  kind: 'drive#user';
  displayName: string;
  emailAddress?: string;
  me: boolean;
}
export interface DriveReply {
  kind: 'drive#reply';
  id: string;
  createdTime: string;
  modifiedTime: string;
  author: DriveUser;
  content: string;
  htmlContent: string;
  deleted: boolean;
  action?: 'resolve' | 'reopen';
}
export interface DriveComment {
  kind: 'drive#comment';
  id: string;
  createdTime: string;
  modifiedTime: string;
  resolved: boolean;
  anchor?: string;
  author: DriveUser;
  deleted: boolean;
  htmlContent: string;
  content: string;
  quotedFileContent?: { mimeType: string; value: string };
  replies: DriveReply[];
}

const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;

const apiError = (method: string, reason: string) => new Error(`API call to drive.comments.${method} failed with error: ${reason}`);
const escapeHtml = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export class FakeDriveComments {
  private readonly byFile = new Map<string, DriveComment[]>();
  private next = 1;
  constructor(
    private readonly env: OfflineEnv,
    private readonly store: DriveStore,
  ) {}

  private check(method: string, fileId: unknown, optionalArgs: Record<string, unknown>): string {
    if (!this.store.items.has(String(fileId))) throw apiError(method, `File not found: ${String(fileId)}.`);
    if (!optionalArgs.fields) throw apiError(method, "The 'fields' parameter is required for this method.");
    return String(fileId);
  }

  private user(name: string, email?: string): DriveUser {
    return { kind: 'drive#user', displayName: name, ...(email ? { emailAddress: email } : {}), me: email === this.env.userEmail };
  }

  /** A person comments on a file (what the Docs or Sheets editor does), on `quoted` text or a cell's value. */
  add(fileId: string, c: { author: string; email?: string; content: string; quoted?: string; at?: Date }): DriveComment {
    const when = (c.at ?? new Date()).toISOString();
    const comment: DriveComment = {
      kind: 'drive#comment',
      id: `AAAA${String(this.next++).padStart(6, '0')}`,
      createdTime: when,
      modifiedTime: when,
      resolved: false,
      author: this.user(c.author, c.email),
      deleted: false,
      content: c.content,
      htmlContent: escapeHtml(c.content),
      ...(c.quoted !== undefined ? { quotedFileContent: { mimeType: 'text/html', value: c.quoted } } : {}),
      replies: [],
    };
    this.byFile.set(fileId, [...(this.byFile.get(fileId) ?? []), comment]);
    return comment;
  }

  /** A reply, optionally resolving or reopening the comment. */
  reply(fileId: string, commentId: string, r: { author: string; content: string; action?: 'resolve' | 'reopen'; at?: Date }): void {
    const comment = this.byFile.get(fileId)?.find((c) => c.id === commentId);
    if (!comment) throw new Error(`No comment ${commentId} on ${fileId}`);
    const when = (r.at ?? new Date()).toISOString();
    comment.replies.push({
      kind: 'drive#reply',
      id: `R${this.next++}`,
      createdTime: when,
      modifiedTime: when,
      author: this.user(r.author),
      content: r.content,
      htmlContent: escapeHtml(r.content),
      deleted: false,
      ...(r.action ? { action: r.action } : {}),
    });
    if (r.action) comment.resolved = r.action === 'resolve';
    comment.modifiedTime = when;
  }

  list(fileId: string, optionalArgs: Record<string, unknown> = {}): { kind: 'drive#commentList'; comments: DriveComment[]; nextPageToken?: string } {
    this.env.calls.hit('Drive.Comments.list');
    const id = this.check('list', fileId, optionalArgs);
    const size = optionalArgs.pageSize === undefined ? DEFAULT_PAGE : Number(optionalArgs.pageSize);
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw apiError('list', `Invalid value for: pageSize (${String(optionalArgs.pageSize)}).`);
    const all = (this.byFile.get(id) ?? []).filter((c) => optionalArgs.includeDeleted || !c.deleted);
    const start = optionalArgs.pageToken ? Number(optionalArgs.pageToken) : 0;
    const next = start + size < all.length ? String(start + size) : undefined;
    return { kind: 'drive#commentList', comments: structuredClone(all.slice(start, start + size)), ...(next ? { nextPageToken: next } : {}) };
  }

  create(resource: { content?: string }, fileId: string, optionalArgs: Record<string, unknown> = {}): DriveComment {
    this.env.calls.hit('Drive.Comments.create');
    const id = this.check('create', fileId, optionalArgs);
    if (!resource?.content) throw apiError('create', 'Required parameter: content');
    return this.add(id, { author: this.env.userEmail.split('@')[0], email: this.env.userEmail, content: resource.content });
  }
}
