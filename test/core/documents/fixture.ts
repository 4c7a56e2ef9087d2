/** The example school as the sheet holds it, parsed, for the document builders. */
import type { Block } from '../../../src/core/documents/model';
import type { Workbook } from '../../../src/core/workbook/parseWorkbook';
import { exampleWorkbook as sharedExampleWorkbook, NOW, TZ } from '../../support/workbook';

export { NOW, TZ } from '../../support/workbook';

export function exampleWorkbook(now = NOW): Workbook {
  return sharedExampleWorkbook(now, TZ);
}

export type TableBlock = Extract<Block, { kind: 'table' }>;

/** The table that follows the heading or paragraph whose text matches. */
export function tableAfter(blocks: readonly Block[], text: string | RegExp): TableBlock {
  const i = blocks.findIndex((b) => 'text' in b && (typeof text === 'string' ? b.text === text : text.test(b.text)));
  if (i < 0) throw new Error(`No block reads ${text}`);
  const t = blocks.slice(i + 1).find((b) => b.kind === 'table');
  if (t?.kind !== 'table') throw new Error(`No table after ${text}`);
  return t;
}

/** Every text in the model, for "is it there / is it not" checks. */
export const allText = (blocks: readonly Block[]): string =>
  blocks
    .map((b) =>
      'text' in b ? b.text : b.kind === 'list' ? b.items.join('\n') : b.kind === 'table' ? [b.header, ...b.rows].map((r) => r.join('\t')).join('\n') : '',
    )
    .join('\n');
