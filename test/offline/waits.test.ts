import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOfflineRuntime, LOCK_TIMEOUT_MESSAGE, TIME_LIMIT_MESSAGE } from '../../offline';

/** A bundle that waits: for a lock, and by sleeping. */
const BUNDLE = `
function saveWithLock(timeout) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(timeout)) return 'busy';
  try { return 'saved'; } finally { lock.releaseLock(); }
}
function mustLock(timeout) { LockService.getDocumentLock().waitLock(timeout); return 'locked'; }
function pollFor(minutes) { for (var i = 0; i < minutes; i++) Utilities.sleep(60000); return 'done'; }
`;

const runtime = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slm-waits-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
  const rt = createOfflineRuntime({ distDir: dir });
  rt.load();
  return rt;
};

describe('LockService honours its timeout', () => {
  test('a lock let go within the timeout is taken; one held longer is not, after waiting the whole timeout', () => {
    const rt = runtime();
    rt.services.LockService.holdByAnotherProcess('document', 5000);
    const before = rt.env.clock.waitedTotal;
    expect(rt.global.saveWithLock(1000)).toBe('busy');
    expect(rt.env.clock.waitedTotal - before).toBe(1000);
    expect(rt.global.saveWithLock(10000)).toBe('saved');
    // It waited only until the other process let go: 4 s more (5 s in all).
    expect(rt.env.clock.waitedTotal - before).toBe(5000);
    expect(rt.services.LockService.isHeld('document')).toBe(false);
  });

  test("waitLock throws Google's timeout error; a lock never let go is never taken", () => {
    const rt = runtime();
    rt.services.LockService.holdByAnotherProcess('document');
    expect(() => rt.global.mustLock(30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(rt.global.saveWithLock(0)).toBe('busy');
    rt.services.LockService.releaseByAnotherProcess('document');
    expect(rt.global.mustLock(0)).toBe('locked');
  });
});

describe('waiting counts towards the 6-minute limit', () => {
  test('five minutes of sleep is allowed, seven is stopped at the limit', () => {
    const rt = runtime();
    expect(rt.global.pollFor(5)).toBe('done');
    expect(rt.services.Utilities.slept).toBe(300000);
    expect(() => rt.global.pollFor(7)).toThrow(TIME_LIMIT_MESSAGE);
  });

  test('each call from outside is its own execution with its own budget', () => {
    const rt = runtime();
    for (let i = 0; i < 3; i++) expect(rt.global.pollFor(5)).toBe('done');
  });

  test('a lock wait that would pass the limit stops the execution', () => {
    const rt = runtime();
    rt.services.LockService.holdByAnotherProcess('document');
    expect(() => rt.global.mustLock(400000)).toThrow(TIME_LIMIT_MESSAGE);
  });
});
