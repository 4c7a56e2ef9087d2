/** The representatives' comments: how many the next review has still to see, and collecting them again. */
import type { CommentsView, SlmApi } from '../../src/api';
import type { Remote } from '../bridge';
import { byId, replace } from '../dom';
import { plural } from '../../src/core/text';
import { showBusy, showDone, showError } from './status';

/** "3 new since the last service review (12 October 2026), 2 not resolved, 9 in all." */
function commentsLine(c: CommentsView): string {
  if (c.total === 0) return 'No comments collected yet.';
  const fresh = c.lastReview === null ? `${c.sinceReview} new (no service review yet)` : `${c.sinceReview} new since the last service review (${c.lastReview})`;
  return `${fresh}, ${c.unresolved} not resolved, ${plural(c.total, 'comment')} in all.`;
}

export interface CommentsPanel {
  show(comments: CommentsView): void;
}

/** `refresh` reads the overview again, so the counts follow a collection. */
export function commentsPanel(api: Remote<SlmApi>, refresh: () => void): CommentsPanel {
  const line = byId('comments-count');
  const status = byId('comments-status');
  const button = byId<HTMLButtonElement>('collect-comments');
  button.addEventListener('click', async () => {
    button.disabled = true;
    showBusy(status, "Reading the comments on the SLA, the reviews and the representatives' workbook…");
    try {
      const r = await api.collectComments();
      const refused = r.unreadable.length ? ` Could not read ${r.unreadable.join(', ')} (deleted, or no longer shared with you).` : '';
      showDone(
        status,
        r.files === 0
          ? "There is nothing to collect from yet: generate the SLA or a review, or update the representatives' workbook, and share it."
          : `${plural(r.added, 'new comment')} added to the Comments tab, ${plural(r.updated, 'comment')} updated.${refused}`,
      );
      refresh();
    } catch (e) {
      showError(status, 'The comments were not collected', e);
    } finally {
      button.disabled = false;
    }
  });
  return { show: (c) => replace(line, commentsLine(c)) };
}
