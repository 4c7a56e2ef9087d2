/** The "Check contracts" dialog: findings grouped by severity, each with links to the rows involved. Every sheet text escaped. */
import { escapeHtml } from '../html';
import { groupBySeverity } from './analyse';
import { SEVERITY_LABELS } from './table';
import type { Finding } from './types';
import { plural } from '../text';

const COLOURS = { high: '#c5221f', medium: '#e37400', low: '#1a73e8', info: '#5f6368' } as const;

/**
 * The dialog's HTML. Each row reference is a link that calls `goTo(tab, row, column)` on the server
 * through google.script.run (the function name is given, so the page does not hard-code an entry point).
 */
export function findingsHtml(findings: readonly Finding[], opts: { goToFunction: string; problems?: number }): string {
  const style =
    '<style>body{font-family:Arial,sans-serif;font-size:13px;color:#202124}h2{font-size:15px;margin:16px 0 6px}' +
    'details{margin:4px 0 8px;border-left:4px solid var(--c);padding-left:8px}summary{cursor:pointer;font-weight:bold}' +
    'p{margin:4px 0}.k{color:#5f6368}a{color:#1a73e8;cursor:pointer;text-decoration:underline;margin-right:6px}</style>';
  const intro =
    findings.length === 0
      ? '<p>No findings: the contracts, SLAs and log agree.</p>'
      : `<p>${plural(findings.length, 'finding')}. Click a row reference to go to it. Nothing in the workbook has been changed.</p>`;
  const problems = opts.problems
    ? `<p class="k">${plural(opts.problems, 'cell')} could not be read and were left out; run Check workbook to see them.</p>`
    : '';
  const groups = groupBySeverity(findings)
    .map((g) => {
      const items = g.findings
        .map((f) => {
          const links = f.refs
            .map((r) => {
              const label = `${r.tabName} row ${r.row}${r.column ? ` (${r.column})` : ''}`;
              const args = [r.tab, r.row, r.column ?? ''].map((a) => escapeHtml(JSON.stringify(a))).join(',');
              return `<a onclick="go(${args})">${escapeHtml(label)}</a>`;
            })
            .join('');
          return (
            `<details style="--c:${COLOURS[f.severity]}"><summary>${escapeHtml(f.title)}</summary>` +
            `<p><span class="k">${escapeHtml(f.question)}.</span> ${escapeHtml(f.evidence)}</p>` +
            `<p><b>Action:</b> ${escapeHtml(f.action)}</p><p>${links}</p></details>`
          );
        })
        .join('');
      return `<h2 style="color:${COLOURS[g.severity]}">${SEVERITY_LABELS[g.severity]} (${g.findings.length})</h2>${items}`;
    })
    .join('');
  const fn = JSON.stringify(opts.goToFunction);
  const script = `<script>function go(t,r,c){google.script.run[${fn}](t,r,c);}</script>`;
  return `<!DOCTYPE html><html><head>${style}</head><body>${intro}${problems}${groups}${script}</body></html>`;
}
