/** LockService: one lock per scope, contended by another process when a test says so. */
import type { OfflineEnv } from './env';

export type LockScope = 'document' | 'script' | 'user';
const OTHER_PROCESS = Symbol('another process');

/** One mutex per scope, shared by every Lock object of that scope. */
class Mutex {
  holder: object | symbol | null = null;
  /** When another process holds it: the clock's waitedTotal at which it lets go (undefined: not of its own accord). */
  releaseAt: number | undefined;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * tryLock/waitLock wait up to their timeout for the holder to let go, as Google's do: the wait is simulated
 * (the test does not wait) and counts towards the execution's time limit.
 * https://developers.google.com/apps-script/reference/lock/lock
 */
export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  constructor(
    private readonly env: OfflineEnv,
    private readonly mutex: Mutex,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    const m = this.mutex;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    if (m.holder === OTHER_PROCESS && m.releaseAt !== undefined) {
      const wait = Math.max(0, m.releaseAt - this.env.clock.waitedTotal);
      if (wait <= timeout) {
        this.env.clock.wait(wait);
        m.holder = null;
        m.releaseAt = undefined;
      }
    }
    if (m.holder === null || m.holder === this) {
      m.holder = this;
      return true;
    }
    this.env.clock.wait(timeout);
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    this.env.calls.hit('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    this.env.calls.hit('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.env.calls.hit('Lock.releaseLock');
    if (this.mutex.holder === this) this.mutex.holder = null;
  }
  hasLock(): boolean {
    this.env.calls.hit('Lock.hasLock');
    return this.mutex.holder === this;
  }
}

export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  private readonly mutexes: Record<LockScope, Mutex> = { document: new Mutex(), script: new Mutex(), user: new Mutex() };

  constructor(private readonly env: OfflineEnv) {}

  /**
   * Test hook: another execution takes the lock of `scope` (fails if someone holds it), and lets go of it
   * after `releaseAfterMs` of (simulated) waiting, or only when releaseByAnotherProcess is called.
   */
  holdByAnotherProcess(scope: LockScope, releaseAfterMs?: number): void {
    const m = this.mutexes[scope];
    if (m.holder !== null && m.holder !== OTHER_PROCESS) throw new Error(`The ${scope} lock is already held.`);
    m.holder = OTHER_PROCESS;
    m.releaseAt = releaseAfterMs === undefined ? undefined : this.env.clock.waitedTotal + releaseAfterMs;
  }
  /** Test hook: the other execution lets go. */
  releaseByAnotherProcess(scope: LockScope): void {
    if (this.mutexes[scope].holder === OTHER_PROCESS) {
      this.mutexes[scope].holder = null;
      this.mutexes[scope].releaseAt = undefined;
    }
  }
  isHeld(scope: LockScope): boolean {
    return this.mutexes[scope].holder !== null;
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    this.env.calls.hit('LockService.getDocumentLock');
    return new FakeLock(this.env, this.mutexes.document) as unknown as GoogleAppsScript.Lock.Lock;
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    this.env.calls.hit('LockService.getScriptLock');
    return new FakeLock(this.env, this.mutexes.script) as unknown as GoogleAppsScript.Lock.Lock;
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    this.env.calls.hit('LockService.getUserLock');
    return new FakeLock(this.env, this.mutexes.user) as unknown as GoogleAppsScript.Lock.Lock;
  }
}
