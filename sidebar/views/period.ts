/** The period picker: this month, last month, this term, last term, academic year (from the server) or custom dates. */
import type { PeriodKind, PeriodRequest, PeriodView } from '../../src/api';
import { byId, el, replace } from '../dom';
import { nextDay, previousDay, spanText } from '../format';

const KIND_NAMES: Record<PeriodKind, string> = {
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisTerm: 'This term',
  lastTerm: 'Last term',
  academicYear: 'Academic year',
  custom: 'Custom dates',
};

/** "This term: Autumn term 2026"; a label that already starts with the kind's name is not said twice ("Academic year: 2026-27"). */
function optionText(kind: PeriodKind, label: string): string {
  const name = KIND_NAMES[kind];
  const rest = label.toLowerCase().startsWith(name.toLowerCase()) ? label.slice(name.length).trim() : label;
  return rest ? `${name}: ${rest}` : name;
}

export interface PeriodPicker {
  /** The period whose figures are shown or on their way. */
  request(): PeriodRequest;
  /** Fills the list from the server's periods and shows the one in use. */
  show(current: PeriodView, periods: readonly PeriodView[]): void;
  /** The label of the period shown, e.g. "Autumn term 2026". */
  label(): string;
}

/**
 * Wires the picker. `onPick(request, settled)` runs when the user chooses a period: a listed one from the
 * list (`settled` false: arrowing through a closed list fires a change for every option passed, so the
 * caller waits for the choice to settle), custom dates that make sense (`settled` true), or `null` when
 * "Custom dates…" is chosen and nothing is to be loaded until the dates are given.
 */
export function periodPicker(onPick: (request: PeriodRequest | null, settled: boolean) => void): PeriodPicker {
  const select = byId<HTMLSelectElement>('period');
  const custom = byId<HTMLFormElement>('custom');
  const from = byId<HTMLInputElement>('custom-from');
  const to = byId<HTMLInputElement>('custom-to');
  const error = byId('custom-error');
  const span = byId('period-span');
  let current: PeriodRequest = { kind: (select.value as PeriodKind) || 'thisTerm' };
  let shown: PeriodRequest = current;
  let label = '';
  let listed: readonly PeriodView[] = [];

  select.addEventListener('change', () => {
    const kind = select.value as PeriodKind;
    custom.hidden = kind !== 'custom';
    replace(error);
    if (kind === 'custom') {
      // Focus stays on the list, so arrowing through it never jumps away; the line under it says what comes next.
      current = shown;
      replace(span, `Enter the dates below, then choose Show. The figures are still for ${label}.`);
      onPick(null, true);
      return;
    }
    current = { kind };
    const p = listed.find((x) => x.kind === kind);
    replace(span, p ? spanText(p.start, p.end) : '');
    onPick(current, false);
  });
  custom.addEventListener('submit', (e) => {
    e.preventDefault();
    replace(error);
    if (!from.value || !to.value) {
      replace(error, 'Enter both dates, for example 1 September to 18 December.');
      return;
    }
    if (to.value < from.value) {
      replace(error, 'The "To" date must be on or after the "From" date.');
      return;
    }
    current = { kind: 'custom', start: from.value, end: nextDay(to.value) };
    replace(span, spanText(current.start!, current.end!));
    onPick(current, true);
  });

  return {
    request: () => current,
    label: () => label,
    show(period, periods) {
      label = period.label;
      listed = periods;
      // The server may offer another period than asked (no terms on the Closures tab): follow what it shows.
      if (period.kind !== 'custom') current = { kind: period.kind };
      shown = current;
      const options = periods.map((p) => el('option', { value: p.kind }, optionText(p.kind, p.label)));
      options.push(el('option', { value: 'custom' }, period.kind === 'custom' ? `Custom dates: ${period.label}` : 'Custom dates…'));
      replace(select, ...options);
      select.value = period.kind;
      custom.hidden = period.kind !== 'custom';
      replace(span, spanText(period.start, period.end));
      if (period.kind !== 'custom' && /^\d{4}-\d{2}-\d{2}$/.test(period.start)) {
        // Custom dates start from the period shown, so a small change is a small edit.
        from.value = period.start;
        to.value = /^\d{4}-\d{2}-\d{2}$/.test(period.end) ? previousDay(period.end) : '';
      }
    },
  };
}
