import * as fs from 'node:fs';
import * as path from 'node:path';
import { withSchema } from '../../../scripts/readme';

test('the README documents every tab and column exactly as the schema defines them (npm run readme)', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  expect(readme).toBe(withSchema(readme));
});
