/** Something wrong in the workbook, pointing at the tab, row and column so the user can go straight to it. */
export interface Problem {
  readonly tab: string;
  /** Sheet row (1 is the header); 0 when the problem is the whole tab. */
  readonly row: number;
  /** Column header; '' when the problem is the whole row or tab. */
  readonly column: string;
  /** The offending value as text ('' for blanks). */
  readonly value: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export const describeProblem = (p: Problem): string =>
  [p.tab, p.row > 0 ? `row ${p.row}` : '', p.column ? `column "${p.column}"` : ''].filter(Boolean).join(', ') + `: ${p.message}`;
