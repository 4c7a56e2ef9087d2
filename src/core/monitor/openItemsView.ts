import { namedRangeName } from '../schema/workbook';
import type { TabKey } from '../schema/types';
import { CLOCK_HEADER } from './clock';

/** The companion tab that shows the clock of every open item, beside (never inside) the Incidents tab. */
export const OPEN_ITEMS_TAB = 'Open items';

/** Where the "as of" cell and the clock table are on that tab. */
export const OPEN_ITEMS_CELLS = { asOf: 'B3', tableRow: 5 } as const;

const CLOCK_TABS: readonly TabKey[] = ['incidents', 'services', 'targets', 'calendars', 'closures'];

/** The one formula the clock table spills from. */
export const clockFormula = (): string => `=SLM_CLOCK(${OPEN_ITEMS_CELLS.asOf},${CLOCK_TABS.map(namedRangeName).join(',')})`;

/** The tab's content from A1, each row the same width. */
export function openItemsCells(): string[][] {
  return [
    ['Open items: time left against their targets', ''],
    [
      "Every open item with its respond-by and fix-by times in its service's support hours. A row turns amber when 75% of its target time is used and red when none is left (breached). The clocks are worked out as of B3; blank means as of the last recalculation, which Sheets makes when the log changes.",
      '',
    ],
    ['As of', ''],
    ['', ''],
    [clockFormula(), ''],
  ];
}

/** Column (1-based) of the clock table's State, which the row colours key on. */
export const CLOCK_STATE_COLUMN = CLOCK_HEADER.indexOf('State') + 1;

/** Row colours: [formula over the state cell of the first data row, background]. Sheets' own pale red and amber. */
export function clockRowRules(firstRow: number): Array<{ formula: string; background: string }> {
  const cell = `$${String.fromCharCode(64 + CLOCK_STATE_COLUMN)}${firstRow}`;
  return [
    { formula: `=${cell}="Breached"`, background: '#f4c7c3' },
    { formula: `=${cell}="75% used"`, background: '#fce8b2' },
  ];
}

/** Number formats of the clock table's columns, by header; the rest stay automatic. */
export const CLOCK_FORMATS: Readonly<Record<string, string>> = {
  Opened: 'ddd d mmm yyyy hh:mm',
  'Respond by': 'ddd d mmm yyyy hh:mm',
  'Fix by': 'ddd d mmm yyyy hh:mm',
  'Time left (h)': '0.0',
  Used: '0%',
};
