/** Rewrites the workbook reference (docs/workbook.md) from the workbook schema (`npm run docs`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaMarkdown } from '../src/core/schema/markdown';

export const START = '<!-- schema:start -->';
export const END = '<!-- schema:end -->';

export function withSchema(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/workbook.md needs ${START} and ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${schemaMarkdown()}\n${readme.slice(b)}`;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '../docs/workbook.md');
  fs.writeFileSync(file, withSchema(fs.readFileSync(file, 'utf8')));
  console.log('docs/workbook.md: workbook reference updated from the schema.');
}
