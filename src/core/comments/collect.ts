/**
 * Comments from Drive made into Comments rows: the service each concerns (named in the text commented on,
 * or in the comment), replies on their own lines, and which rows are new or changed since the last
 * collection (a comment is found again by its Drive id, so collecting twice never adds a row twice).
 */
import type { Service } from '../schema/records';

/** A Drive comment as the adapter reads it (comments.list's fields). */
export interface DriveCommentData {
  readonly id: string;
  readonly author?: { readonly displayName?: string };
  readonly createdTime: string;
  readonly content?: string;
  readonly resolved?: boolean;
  readonly deleted?: boolean;
  readonly quotedFileContent?: { readonly value?: string };
  readonly replies?: readonly { readonly author?: { readonly displayName?: string }; readonly content?: string; readonly deleted?: boolean }[];
}

/** One Comments row, by the schema's column keys. */
export interface CommentRecord {
  commentId: string;
  document: string;
  author: string;
  date: number;
  serviceId: string | undefined;
  quoted: string;
  comment: string;
  resolved: boolean;
  link: string;
}

/** Quoted text from a Doc arrives as HTML: plain text, entities decoded. */
const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The service a comment concerns: the longest service name (or ID) found in the quoted text, else in the comment. */
function serviceOf(texts: readonly string[], services: readonly Pick<Service, 'serviceId' | 'name'>[]): string | undefined {
  const byLength = [...services].sort((a, b) => b.name.length - a.name.length);
  for (const text of texts) {
    const lower = text.toLowerCase();
    const found = byLength.find((s) => lower.includes(s.name.toLowerCase()) || new RegExp(`\\b${s.serviceId.replace(/[^\w]/g, '')}\\b`).test(text));
    if (found) return found.serviceId;
  }
  return undefined;
}

export function commentRecord(
  c: DriveCommentData,
  document: { name: string; link: string },
  services: readonly Pick<Service, 'serviceId' | 'name'>[],
): CommentRecord {
  const quoted = plain(c.quotedFileContent?.value ?? '');
  const replies = (c.replies ?? []).filter((r) => !r.deleted && r.content?.trim()).map((r) => `↳ ${r.author?.displayName ?? 'Someone'}: ${r.content!.trim()}`);
  return {
    commentId: c.id,
    document: document.name,
    author: c.author?.displayName ?? '',
    date: Date.parse(c.createdTime),
    serviceId: serviceOf([quoted, c.content ?? ''], services),
    quoted,
    comment: [c.content?.trim() ?? '', ...replies].join('\n'),
    resolved: c.resolved === true,
    link: document.link,
  };
}

/** How the Resolved column shows it. */
export const yesNo = (b: boolean): 'Yes' | 'No' => (b ? 'Yes' : 'No');

/** Which collected comments are new and which rows changed (resolved since, a new reply), by comment id. */
export function mergeComments(
  existing: ReadonlyMap<string, { row: number; resolved: string; comment: string }>,
  collected: readonly CommentRecord[],
): { added: CommentRecord[]; updated: { row: number; record: CommentRecord }[] } {
  const added: CommentRecord[] = [];
  const updated: { row: number; record: CommentRecord }[] = [];
  const seen = new Set<string>();
  for (const r of collected) {
    if (seen.has(r.commentId)) continue;
    seen.add(r.commentId);
    const had = existing.get(r.commentId);
    if (!had) added.push(r);
    else if (had.resolved !== yesNo(r.resolved) || had.comment !== r.comment) updated.push({ row: had.row, record: r });
  }
  return { added, updated };
}
