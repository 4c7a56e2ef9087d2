/** The period picker: this month, last month, this term, last term, academic year (from the server) or custom dates. */
import type { PeriodKind, PeriodRequest, PeriodView } from '../../src/api';
import { byId, el, replace } from '../dom';
import { nextDay, previousDay, spanText } from '../format';

const KIND_NAMES: Record<PeriodKind, string> = {
  thisMonth: 'This month', lastMonth: 'Last month', thisTerm: 'This term', lastTerm: 'Last term', academicYear: 'Academic year', custom: 'Custom dates',
};

export interface PeriodPicker {
  /** The period the user last asked for. */
  request(): PeriodRequest;
  /** Fills the list from the server's periods and shows the one in use. */
  show(current: PeriodView, periods: readonly PeriodView[]): void;
  /** The label of the period shown, e.g. "Autumn term 2026". */
  label(): string;
}

/** Wires the picker; `onPick` runs when the user chooses a period (a listed one, or custom dates that make sense). */
export function periodPicker(onPick: (request: PeriodRequest) => void): PeriodPicker {
  const select = byId<HTMLSelectElement>('period');
  const custom = byId<HTMLFormElement>('custom');
  const from = byId<HTMLInputElement>('custom-from');
  const to = byId<HTMLInputElement>('custom-to');
  const error = byId('custom-error');
  const span = byId('period-span');
  let current: PeriodRequest = { kind: (select.value as PeriodKind) || 'thisTerm' };
  let label = '';

  select.addEventListener('change', () => {
    const kind = select.value as PeriodKind;
    custom.hidden = kind !== 'custom';
    if (kind === 'custom') {
      from.focus();
      return;
    }
    current = { kind };
    onPick(current);
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
    onPick(current);
  });

  return {
    request: () => current,
    label: () => label,
    show(period, periods) {
      label = period.label;
      // The server may offer another period than asked (no terms on the Closures tab): follow what it shows.
      if (period.kind !== 'custom') current = { kind: period.kind };
      const options = periods.map((p) => el('option', { value: p.kind }, `${KIND_NAMES[p.kind]}: ${p.label}`));
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
