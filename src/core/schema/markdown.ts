import type { ColumnDef, TabDef } from './types';
import { tabOrder, workbookSchema } from './workbook';

const TYPE_WORDS: Record<ColumnDef['type'], string> = {
  text: 'text', id: 'unique code', ref: 'code', refs: 'codes, comma-separated', enum: 'choice', date: 'date',
  datetime: 'date and time', number: 'number ≥ 0', integer: 'whole number ≥ 1', percent: '% (0-100)',
  hours: 'hours spec or calendar name', yesno: 'Yes / No', email: 'email', list: 'list, comma-separated',
};

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The workbook's tabs and columns as Markdown, for the README: generated, never written by hand. */
export function schemaMarkdown(): string {
  const schema = workbookSchema();
  return tabOrder().map((key) => {
    const tab: TabDef = schema[key];
    const rows = tab.columns.map((c) =>
      `| ${cell(c.header)}${c.required ? ' *' : ''} | ${TYPE_WORDS[c.type]}${c.values ? `: ${c.values.join(', ')}` : ''} | ${cell(c.help)} |`);
    return [`### ${tab.name}`, '', tab.help, '', '| column | type | help |', '|---|---|---|', ...rows].join('\n');
  }).join('\n\n');
}
