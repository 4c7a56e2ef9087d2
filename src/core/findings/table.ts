/** Findings as a sheet table and as words: what the Findings tab and the dialogs show. */
import type { Finding, RowRef, Severity } from './types';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

/** "Contracts row 6 (Support hours); Services row 8". */
export function describeRefs(refs: readonly RowRef[]): string {
  const byTab = new Map<string, RowRef[]>();
  for (const r of refs) byTab.set(r.tabName, [...(byTab.get(r.tabName) ?? []), r]);
  return [...byTab]
    .map(([tab, rs]) => {
      const rows = [...new Set(rs.map((r) => r.row))].sort((a, b) => a - b);
      return `${tab} ${rows.length === 1 ? 'row' : 'rows'} ${compactRows(rows)}`;
    })
    .join('; ');
}

/** "3, 5-7, 10". */
function compactRows(rows: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

export const FINDINGS_HEADER = ['Severity', 'Question', 'Finding', 'Evidence', 'Action', 'Rows'] as const;

/**
 * A table with a header row, one row per finding, for SLM_FINDINGS. Cells are plain text: what a custom
 * function returns is shown as a value and never read as a formula, so no apostrophe is added (it would
 * show).
 */
export function findingsTable(findings: readonly Finding[]): string[][] {
  return [[...FINDINGS_HEADER], ...findings.map((f) => [SEVERITY_LABELS[f.severity], f.question, f.title, f.evidence, f.action, describeRefs(f.refs)])];
}
