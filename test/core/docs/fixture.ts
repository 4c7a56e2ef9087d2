/** The example school as the sheet holds it, parsed, for the document builders. */
import { exampleSchool } from '../../../src/core/example';
import type { Block } from '../../../src/core/docs';
import { tabOrder, workbookSchema } from '../../../src/core/schema';
import { parseWorkbook, recordsToRows, type Workbook, type WorkbookValues } from '../../../src/core/workbook';

export const TZ = 'Europe/London';
/** A Wednesday in the autumn term. */
export const NOW = Date.UTC(2026, 10, 18, 12);

export function exampleWorkbook(now = NOW): Workbook {
  const school = exampleSchool(now, TZ);
  const values: WorkbookValues = {};
  for (const key of tabOrder()) {
    const tab = workbookSchema()[key];
    const header = tab.columns.map((c) => c.header);
    values[key] = [header, ...recordsToRows(tab, header, school[key])];
  }
  return parseWorkbook(values, TZ).workbook;
}

export type TableBlock = Extract<Block, { kind: 'table' }>;

/** The table that follows the heading or paragraph whose text matches. */
export function tableAfter(blocks: readonly Block[], text: string | RegExp): TableBlock {
  const i = blocks.findIndex((b) => 'text' in b && (typeof text === 'string' ? b.text === text : text.test(b.text)));
  if (i < 0) throw new Error(`No block reads ${text}`);
  const t = blocks.slice(i + 1).find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error(`No table after ${text}`);
  return t;
}

/** Every text in the model, for "is it there / is it not" checks. */
export const allText = (blocks: readonly Block[]): string =>
  blocks.map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? [b.header, ...b.rows].map((r) => r.join('\t')).join('\n') : '')).join('\n');
