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

/** How many characters of a value a message quotes: a cell may hold 50,000. */
const QUOTED = 80;
/** How long a message may grow (an hours spec or an ID is quoted in it). */
const MESSAGE = 300;
/** How many problems one answer lists; the count of the rest follows them. */
const LISTED_PROBLEMS = 500;

/** A value cut to a readable length for quoting. */
export const quotable = (s: string): string => (s.length > QUOTED ? `${s.slice(0, QUOTED - 1)}…` : s);

/** A problem whose value and message are cut to a readable length. */
export const readable = (p: Problem): Problem =>
  p.value.length <= QUOTED && p.message.length <= MESSAGE
    ? p
    : { ...p, value: quotable(p.value), message: p.message.length > MESSAGE ? `${p.message.slice(0, MESSAGE - 1)}…` : p.message };

/** The cells a reading could not use, as "Incidents row 30 (Opened)": what a figure or a document names as left out. */
export const unreadCells = (problems: readonly Problem[]): string[] =>
  problems.filter((p) => p.severity === 'error' && p.row > 1).map((p) => `${p.tab} row ${p.row} (${p.column})`);

/** At most LISTED_PROBLEMS problems, then one line counting the rest, so no answer or dialog grows without bound. */
export function listedProblems(problems: readonly Problem[]): Problem[] {
  const shown = problems.slice(0, LISTED_PROBLEMS);
  if (problems.length > LISTED_PROBLEMS) {
    shown.push({
      tab: '',
      row: 0,
      column: '',
      value: '',
      severity: 'warning',
      message: `${problems.length - LISTED_PROBLEMS} more problems are not listed here. Fix those above (often one pasted column causes many), then run Check workbook again.`,
    });
  }
  return shown;
}
