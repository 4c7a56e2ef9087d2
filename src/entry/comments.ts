/**
 * Collect comments: the representatives' comments and replies on their workbook and on every SLA and
 * service review the Documents tab links to, read through Drive's comments API and kept on the Comments
 * tab, so the next review can act on them. A comment is found again by its Drive id: collecting twice adds
 * nothing twice, and a comment resolved or answered since updates its row.
 */
import type { CollectCommentsResult } from '../api';
import { commentRecord, mergeComments, yesNo, type CommentRecord } from '../core/comments/collect';
import { idFromLink } from '../core/documents/naming';
import { locateColumns } from '../core/workbook/columns';
import { tabDef } from '../core/schema/workbook';
import { joinWords, plural } from '../core/text';
import { fileComments } from '../adapters/comments';
import { representativesBookId } from '../adapters/representativesBook';
import { withDocumentLock } from '../adapters/lock';
import { appendRecords, readWorkbook, writeColumnCells } from '../adapters/sheets';

const TITLE = 'Collect comments';

export function collectComments(): CollectCommentsResult {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(() => {
    const { workbook } = readWorkbook(ss, ['services', 'documents']);
    const files: { id: string; name: string; link: string }[] = [];
    const bookId = representativesBookId();
    if (bookId) files.push({ id: bookId, name: "Representatives' workbook", link: `https://docs.google.com/spreadsheets/d/${bookId}/edit` });
    for (const d of workbook.documents) {
      const id = d.link ? idFromLink(d.link) : undefined;
      if (id && !/\(internal\)$/.test(d.label ?? '') && !files.some((f) => f.id === id)) files.push({ id, name: d.name ?? d.type, link: d.link! });
    }
    const collected: CommentRecord[] = [];
    const unreadable: string[] = [];
    for (const f of files) {
      const comments = fileComments(f.id);
      if (!comments) unreadable.push(f.name);
      else for (const c of comments) collected.push(commentRecord(c, f, workbook.services));
    }
    // The Comments tab as it is: each comment id's row, whether it was resolved and what it said.
    const sheet = ss.getSheetByName(tabDef('comments').name);
    const values = sheet ? sheet.getDataRange().getValues() : [];
    const { index } = locateColumns(values[0] ?? [], tabDef('comments'));
    const existing = new Map<string, { row: number; resolved: string; comment: string }>();
    values.slice(1).forEach((r, i) => {
      const id = index.commentId === undefined ? '' : String(r[index.commentId]).trim();
      if (id) existing.set(id, { row: i + 2, resolved: String(r[index.resolved ?? -1] ?? ''), comment: String(r[index.comment ?? -1] ?? '') });
    });
    const { added, updated } = mergeComments(existing, collected);
    appendRecords(ss, 'comments', added);
    writeColumnCells(ss, 'comments', 'Resolved', new Map(updated.map((u) => [u.row, yesNo(u.record.resolved)])));
    writeColumnCells(ss, 'comments', 'Comment', new Map(updated.map((u) => [u.row, u.record.comment])));
    return { added: added.length, updated: updated.length, files: files.length, unreadable };
  });
}

export function menuCollectComments(): void {
  const ui = SpreadsheetApp.getUi();
  const r = collectComments();
  const read =
    r.files === 0
      ? "There is nothing to collect from yet: generate the SLA or a review, or update the representatives' workbook, and share it."
      : `Read the comments on ${plural(r.files, 'document')}: ${plural(r.added, 'new comment')} added to the Comments tab, ${plural(r.updated, 'comment')} updated (resolved or answered since).`;
  const refused = r.unreadable.length ? `\n\nCould not read ${joinWords(r.unreadable)} (deleted, or no longer shared with you).` : '';
  ui.alert(TITLE, read + refused, ui.ButtonSet.OK);
}
