import * as fs from 'node:fs';
import * as path from 'node:path';
import { withSchema } from '../../../scripts/workbookDoc';

test('the workbook reference (docs/workbook.md) documents every tab and column exactly as the schema defines them (npm run docs)', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../docs/workbook.md'), 'utf8');
  expect(readme).toBe(withSchema(readme));
});
