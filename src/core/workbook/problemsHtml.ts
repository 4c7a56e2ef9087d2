import { escapeHtml } from '../html';
import type { Problem } from './problems';

/** The "Check workbook" dialog: problems grouped by tab, every value escaped. */
export function problemsHtml(problems: readonly Problem[]): string {
  if (problems.length === 0) return '<p style="font-family:Arial,sans-serif">No problems found: every tab reads cleanly.</p>';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const rows = problems
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.severity === 'error' ? 'Error' : 'Warning')}</td><td>${escapeHtml(p.tab)}</td><td>${p.row || ''}</td>` +
        `<td>${escapeHtml(p.column)}</td><td>${escapeHtml(p.message)}</td></tr>`,
    )
    .join('');
  return `<div style="font-family:Arial,sans-serif;font-size:13px">
<p>${errors} error(s) and ${problems.length - errors} warning(s). Rows with errors in required columns are left out of attainment until fixed; nothing has been changed.</p>
<table style="border-collapse:collapse" border="1" cellpadding="4"><thead><tr><th>Severity</th><th>Tab</th><th>Row</th><th>Column</th><th>Problem</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
