/**
 * Reading a file's comments through the Drive advanced service (comments.list, every page; the fields
 * parameter is required for comments: https://developers.google.com/drive/api/guides/manage-comments).
 */
import type { DriveCommentData } from '../core/comments/collect';

const FIELDS =
  'nextPageToken,comments(id,author(displayName),createdTime,content,resolved,deleted,quotedFileContent(value),replies(author(displayName),content,deleted))';

/** Every comment on a file, or undefined when Drive refuses (deleted, or not a file the add-in may open). */
export function fileComments(fileId: string): DriveCommentData[] | undefined {
  const out: DriveCommentData[] = [];
  let pageToken: string | undefined;
  try {
    do {
      const page = Drive!.Comments!.list(fileId, { fields: FIELDS, pageSize: 100, includeDeleted: false, ...(pageToken ? { pageToken } : {}) }) as unknown as {
        comments?: DriveCommentData[];
        nextPageToken?: string;
      };
      for (const c of page.comments ?? []) if (!c.deleted) out.push(c);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
  } catch {
    return undefined;
  }
  return out;
}
