import { createOfflineRuntime } from '../../offline';

// `npm test` builds dist/ before jest; run `npm run build` first when running this file alone.
describe('the built bundle offline', () => {
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
