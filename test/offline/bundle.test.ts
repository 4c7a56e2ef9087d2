import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOfflineRuntime, DEFAULT_DIST_DIR } from '../../scripts/offline';

// `npm test` builds dist/ before jest; a bare `jest test/offline` without a build skips this file.
const built = fs.existsSync(path.join(DEFAULT_DIST_DIR, 'Code.js'));

(built ? describe : describe.skip)('the built bundle offline', () => {
  it('loads dist/Code.js and its onOpen adds a menu', () => {
    const rt = createOfflineRuntime();
    rt.load();
    expect(typeof rt.global.onOpen).toBe('function');
    rt.global.onOpen({ authMode: 'FULL' });
    expect(rt.ui.menus.length).toBe(1);
    expect(rt.ui.menus[0].items.filter((i) => i.kind === 'item').length).toBeGreaterThan(0);
    expect(rt.calls.count('Menu.addToUi')).toBe(1);
  });
});
