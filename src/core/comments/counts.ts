/**
 * How many representatives' comments the Comments tab holds, and how many the next review has still to
 * see: those made since the newest service review was generated (all of them before the first review).
 */
import type { Workbook } from '../workbook/parseWorkbook';

export interface CommentCounts {
  readonly total: number;
  /** Not marked resolved in the document. */
  readonly unresolved: number;
  /** Made after the newest service review was generated (every comment when there is none). */
  readonly sinceReview: number;
  /** When the newest service review was generated, if one was. */
  readonly lastReview: number | undefined;
}

export function commentCounts(wb: Pick<Workbook, 'comments' | 'documents'>): CommentCounts {
  let lastReview: number | undefined;
  for (const d of wb.documents) if (d.type === 'Service review' && (lastReview === undefined || d.created > lastReview)) lastReview = d.created;
  let unresolved = 0;
  let sinceReview = 0;
  for (const c of wb.comments) {
    if (!c.resolved) unresolved += 1;
    if (lastReview === undefined || c.date > lastReview) sinceReview += 1;
  }
  return { total: wb.comments.length, unresolved, sinceReview, lastReview };
}
