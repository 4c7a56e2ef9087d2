import type { ColumnDef, TabDef } from './types';
import { tabOrder, workbookSchema } from './workbook';
import { settingDefs, valueText } from '../settings/definitions';

const TYPE_WORDS: Record<ColumnDef['type'], string> = {
  text: 'text',
  id: 'unique code',
  ref: 'code',
  refs: 'codes, comma-separated',
  enum: 'choice',
  date: 'date',
  datetime: 'date and time',
  number: 'number ≥ 0',
  integer: 'whole number ≥ 1',
  percent: '% (0-100)',
  hours: 'hours spec or calendar name',
  yesno: 'Yes / No',
  email: 'email',
  list: 'list, comma-separated',
};

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** Each setting of the Settings tab: its name, default and meaning. */
function settingsMarkdown(): string[] {
  return [
    'The settings, each a row of the tab (the names are matched ignoring case and punctuation):',
    '',
    '| setting | default | meaning |',
    '|---|---|---|',
    ...settingDefs().map((d) => `| ${cell(d.name)} | ${valueText(d.default)} | ${cell(d.meaning)} |`),
    '',
    'A blank Value, a missing row or a missing tab gives the default. A Value that cannot be read (text, a fraction of a day, a number out of range) is named by **Check workbook** by tab, row and column ("Settings row 3, Value"), and the default is used until it is put right. **Set up workbook** adds the row of a setting the tab lacks, with its default, and never changes a row that is there. `SLM_FINDINGS` reads the Settings range like any other (the Findings tab\'s formula passes `SLM_Settings`; Set up workbook adds it to a Findings formula made before the Settings tab existed, unless the formula has been changed); given no Settings range, it uses the defaults. The panel shows the values in use under **Contracts and suppliers**.',
    '',
    "Not settings: the open items' warnings at 75% and 100% of a target's time (the state words the Open items tab colours, as ITSM suites warn), and the analyses' own thresholds in `src/core/findings/thresholds.ts` (how far beyond need counts as over-provision, how many items a trend needs, how many rows a finding lists), which say how a finding is judged rather than how the school works.",
  ];
}

/** The workbook's tabs and columns as Markdown, for docs/workbook.md: generated, never written by hand. */
export function schemaMarkdown(): string {
  const schema = workbookSchema();
  return tabOrder()
    .map((key) => {
      const tab: TabDef = schema[key];
      const rows = tab.columns.map(
        (c) => `| ${cell(c.header)}${c.required ? ' *' : ''} | ${TYPE_WORDS[c.type]}${c.values ? `: ${c.values.join(', ')}` : ''} | ${cell(c.help)} |`,
      );
      const table = [`### ${tab.name}`, '', tab.help, '', '| column | type | help |', '|---|---|---|', ...rows];
      return (key === 'settings' ? [...table, '', ...settingsMarkdown()] : table).join('\n');
    })
    .join('\n\n');
}
