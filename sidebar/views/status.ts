/** Progress, results and errors in a status area, in plain words with what to do next. */
import { el, replace, type Child } from '../dom';

/** What the user can do about a failure, from what the server or the browser said. */
export function advice(message: string): string {
  if (/authori[sz]ation|permission|access denied|not authori[sz]ed/i.test(message)) {
    return 'Close this panel, open it again from Extensions > SLM Workbook > Open SLM panel and allow access when Google asks.';
  }
  if (/network|connection|timed? ?out|failed to fetch|disconnected/i.test(message)) {
    return 'Check your internet connection, then try again.';
  }
  if (/function not found|is not defined|is not a function/i.test(message)) {
    return 'This copy of SLM Workbook is out of date: reload the spreadsheet, or ask whoever installed it to update it.';
  }
  if (/another .* is still running|busy|lock/i.test(message)) return 'Wait a moment for it to finish, then try again.';
  if (/set up workbook|tab is missing|no ".*" tab/i.test(message)) return 'Run Extensions > SLM Workbook > Set up workbook, then try again.';
  if (/unavailable|service error|server error|internal error|try again later|too many|quota|rate limit|limit exceeded/i.test(message)) {
    return 'A Google service did not answer this time: try again in a minute.';
  }
  if (/\brow \d|\btab\b|column/i.test(message)) return 'Check the tab and row it names, or run Check workbook; then try again.';
  return 'Try again; if it fails again, run Check workbook to look for a problem in the sheet.';
}

/** A spinner with what is happening; the area is marked busy for assistive technology. */
export function showBusy(area: HTMLElement, text: string): void {
  area.setAttribute('aria-busy', 'true');
  replace(area, el('div', { class: 'progress' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', {}, text)));
}

export function showDone(area: HTMLElement, ...children: Child[]): void {
  area.removeAttribute('aria-busy');
  replace(area, el('div', { class: 'done' }, ...children));
}

/** "<what> was not done: <why>. <what to do>" — the error's text is shown as text. */
export function showError(area: HTMLElement, what: string, error: unknown, todo?: string): void {
  area.removeAttribute('aria-busy');
  const message = error instanceof Error ? error.message : String(error);
  replace(
    area,
    el(
      'div',
      { class: 'error-box', role: 'alert' },
      el('p', { class: 'error' }, `${what}: ${message.replace(/\.?$/, '.')}`),
      el('p', {}, todo ?? advice(message)),
    ),
  );
}
