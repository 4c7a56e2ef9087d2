/** PropertiesService, LockService, CacheService, Session, Utilities, Logger and console. */
import { randomUUID } from 'node:crypto';
import { format as utilFormat } from 'node:util';
import { FakeUser, type OfflineEnv } from './env';
import { isDate } from './realm';
import { formatSimpleDate, isKnownZone } from './zoned';
import { parseCsv } from './csv';

type GProperties = GoogleAppsScript.Properties.Properties;

// ---------------------------------------------------------------- Properties
export class FakeProperties implements Pick<GProperties, 'deleteAllProperties' | 'deleteProperty' | 'getKeys' | 'getProperties'
  | 'getProperty' | 'setProperties' | 'setProperty'> {
  readonly store = new Map<string, string>();

  constructor(private readonly env: OfflineEnv, private readonly scope: string) {}

  private me(method: string): GProperties {
    this.env.calls.hit(`Properties.${method}`);
    return this as unknown as GProperties;
  }
  getProperty(key: string): string | null { this.env.calls.hit('Properties.getProperty'); return this.store.get(String(key)) ?? null; }
  setProperty(key: string, value: string): GProperties { this.store.set(String(key), String(value)); return this.me('setProperty'); }
  getProperties(): { [key: string]: string } { this.env.calls.hit('Properties.getProperties'); return Object.fromEntries(this.store); }
  getKeys(): string[] { this.env.calls.hit('Properties.getKeys'); return [...this.store.keys()]; }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(properties)) this.store.set(k, String(v));
    return this.me('setProperties');
  }
  deleteProperty(key: string): GProperties { this.store.delete(String(key)); return this.me('deleteProperty'); }
  deleteAllProperties(): GProperties { this.store.clear(); return this.me('deleteAllProperties'); }
  toString(): string { return `${this.scope} properties`; }
}

export class FakePropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> {
  readonly document: FakeProperties;
  readonly script: FakeProperties;
  readonly user: FakeProperties;
  constructor(private readonly env: OfflineEnv) {
    this.document = new FakeProperties(env, 'document');
    this.script = new FakeProperties(env, 'script');
    this.user = new FakeProperties(env, 'user');
  }
  getDocumentProperties(): GProperties { this.env.calls.hit('PropertiesService.getDocumentProperties'); return this.document as unknown as GProperties; }
  getScriptProperties(): GProperties { this.env.calls.hit('PropertiesService.getScriptProperties'); return this.script as unknown as GProperties; }
  getUserProperties(): GProperties { this.env.calls.hit('PropertiesService.getUserProperties'); return this.user as unknown as GProperties; }
}

// ---------------------------------------------------------------- Lock
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
  constructor(private readonly env: OfflineEnv, private readonly mutex: Mutex) {}

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
    if (this.mutexes[scope].holder === OTHER_PROCESS) { this.mutexes[scope].holder = null; this.mutexes[scope].releaseAt = undefined; }
  }
  isHeld(scope: LockScope): boolean { return this.mutexes[scope].holder !== null; }

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

// ---------------------------------------------------------------- Cache
type GCache = GoogleAppsScript.Cache.Cache;
/** CacheService's documented limits. */
export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21600;
export const CACHE_MAX_KEY_LENGTH = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;

export class FakeCache implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(private readonly env: OfflineEnv, private readonly now: () => number) {}

  private check(key: string, value?: string): void {
    if (key.length > CACHE_MAX_KEY_LENGTH) throw new Error(`Argument too large: key`);
    if (value !== undefined && Buffer.byteLength(value) > CACHE_MAX_VALUE_BYTES) throw new Error('Argument too large: value');
  }
  private live(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expires <= this.now()) { this.entries.delete(key); return null; }
    return e.value;
  }
  private store(key: string, value: string, ttl?: number): void {
    const seconds = Math.min(ttl ?? CACHE_DEFAULT_TTL_SECONDS, CACHE_MAX_TTL_SECONDS);
    this.entries.set(key, { value, expires: this.now() + seconds * 1000 });
  }
  get(key: string): string | null { this.env.calls.hit('Cache.get'); return this.live(String(key)); }
  getAll(keys: string[]): { [key: string]: string } {
    this.env.calls.hit('Cache.getAll');
    const out: { [key: string]: string } = {};
    for (const k of keys) { const v = this.live(String(k)); if (v !== null) out[k] = v; }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.env.calls.hit('Cache.put');
    this.check(String(key), String(value));
    this.store(String(key), String(value), expirationInSeconds);
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.env.calls.hit('Cache.putAll');
    for (const [k, v] of Object.entries(values)) { this.check(k, String(v)); this.store(k, String(v), expirationInSeconds); }
  }
  remove(key: string): void { this.env.calls.hit('Cache.remove'); this.entries.delete(String(key)); }
  removeAll(keys: string[]): void { this.env.calls.hit('Cache.removeAll'); for (const k of keys) this.entries.delete(String(k)); }
}

export class FakeCacheService implements Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  /** Test hook: seconds added to the cache's clock (to expire entries). */
  elapsedSeconds = 0;
  readonly document: FakeCache;
  readonly script: FakeCache;
  readonly user: FakeCache;
  constructor(private readonly env: OfflineEnv) {
    const now = () => Date.now() + this.elapsedSeconds * 1000;
    this.document = new FakeCache(env, now);
    this.script = new FakeCache(env, now);
    this.user = new FakeCache(env, now);
  }
  advance(seconds: number): void { this.elapsedSeconds += seconds; }
  getDocumentCache(): GCache | null { this.env.calls.hit('CacheService.getDocumentCache'); return this.document as unknown as GCache; }
  getScriptCache(): GCache { this.env.calls.hit('CacheService.getScriptCache'); return this.script as unknown as GCache; }
  getUserCache(): GCache { this.env.calls.hit('CacheService.getUserCache'); return this.user as unknown as GCache; }
}

// ---------------------------------------------------------------- Session
type GUser = GoogleAppsScript.Base.User;
export class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getActiveUserLocale'
  | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey'> {
  locale = 'en_GB';
  constructor(private readonly env: OfflineEnv) {}
  getActiveUser(): GUser { this.env.calls.hit('Session.getActiveUser'); return new FakeUser(this.env, this.env.userEmail) as unknown as GUser; }
  getEffectiveUser(): GUser { this.env.calls.hit('Session.getEffectiveUser'); return new FakeUser(this.env, this.env.userEmail) as unknown as GUser; }
  getActiveUserLocale(): string { this.env.calls.hit('Session.getActiveUserLocale'); return this.locale; }
  getScriptTimeZone(): string { this.env.calls.hit('Session.getScriptTimeZone'); return this.env.timeZone; }
  getTemporaryActiveUserKey(): string {
    this.env.calls.hit('Session.getTemporaryActiveUserKey');
    return Buffer.from(`key:${this.env.userEmail}`).toString('base64').replace(/=+$/, '');
  }
}

// ---------------------------------------------------------------- Utilities
type GBlob = GoogleAppsScript.Base.Blob;
/** Apps Script bytes are signed (-128..127). */
const signed = (buf: Buffer): number[] => [...buf].map((b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: string | number[]): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => (b < 0 ? b + 256 : b)));

export class FakeBlob implements Pick<GBlob, 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'setName'
  | 'setContentType' | 'setDataFromString'> {
  constructor(private readonly env: OfflineEnv, public bytes: Buffer, public contentType: string | null, public name: string | null) {}
  getBytes(): number[] { this.env.calls.hit('Blob.getBytes'); return signed(this.bytes); }
  getDataAsString(): string { this.env.calls.hit('Blob.getDataAsString'); return this.bytes.toString('utf8'); }
  setDataFromString(s: string): GBlob { this.env.calls.hit('Blob.setDataFromString'); this.bytes = Buffer.from(s, 'utf8'); return this as unknown as GBlob; }
  getContentType(): string | null { this.env.calls.hit('Blob.getContentType'); return this.contentType; }
  setContentType(t: string | null): GBlob { this.env.calls.hit('Blob.setContentType'); this.contentType = t; return this as unknown as GBlob; }
  getName(): string | null { this.env.calls.hit('Blob.getName'); return this.name; }
  setName(n: string): GBlob { this.env.calls.hit('Blob.setName'); this.name = n; return this as unknown as GBlob; }
}

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, 'base64Decode' | 'base64Encode'
  | 'formatDate' | 'formatString' | 'getUuid' | 'newBlob' | 'parseCsv' | 'sleep'> {
  readonly Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
  /** Milliseconds the script asked to sleep (sleep itself returns at once). */
  slept = 0;
  constructor(private readonly env: OfflineEnv) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.env.calls.hit('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const t = (v: unknown) => (isDate(v) ? 'Date' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v);
      throw new Error(`The parameters (${t(date)},${t(timeZone)},${t(format)}) don't match the method signature for Utilities.formatDate.`);
    }
    if (!isKnownZone(timeZone)) throw new Error(`Invalid argument: timeZone`);
    return formatSimpleDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: any[]): string {
    this.env.calls.hit('Utilities.formatString');
    return utilFormat(template, ...args);
  }
  getUuid(): string { this.env.calls.hit('Utilities.getUuid'); return randomUUID(); }
  parseCsv(csv: string, delimiter?: string): string[][] { this.env.calls.hit('Utilities.parseCsv'); return parseCsv(csv, delimiter); }
  /** Returns at once; the time counts towards the execution's limit (see clock.ts). */
  sleep(milliseconds: number): void {
    this.env.calls.hit('Utilities.sleep');
    this.env.clock.wait(milliseconds);
    this.slept += milliseconds;
  }
  newBlob(data: string | number[], contentType?: string | null, name?: string | null): GBlob {
    this.env.calls.hit('Utilities.newBlob');
    return new FakeBlob(this.env, toBuffer(data), contentType ?? null, name ?? null) as unknown as GBlob;
  }
  base64Encode(data: string | number[]): string { this.env.calls.hit('Utilities.base64Encode'); return toBuffer(data).toString('base64'); }
  base64Decode(encoded: string): number[] { this.env.calls.hit('Utilities.base64Decode'); return signed(Buffer.from(encoded, 'base64')); }
}

// ---------------------------------------------------------------- Logger and console
export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, 'clear' | 'getLog' | 'log'> {
  readonly lines: string[] = [];
  constructor(private readonly env: OfflineEnv) {}
  log(data: any, ...values: any[]): GoogleAppsScript.Base.Logger {
    this.env.calls.hit('Logger.log');
    const text = values.length > 0 && typeof data === 'string'
      ? data.replace(/%s/g, () => String(values.shift())) : typeof data === 'string' ? data : utilFormat('%o', data);
    this.lines.push(text);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string { this.env.calls.hit('Logger.getLog'); return this.lines.join('\n'); }
  clear(): void { this.env.calls.hit('Logger.clear'); this.lines.length = 0; }
}

/** A console whose lines are kept for tests (and echoed only when asked). */
export const recordingConsole = (lines: Array<{ level: string; text: string }>, echo: boolean) => {
  const at = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    lines.push({ level, text: utilFormat(...args) });
    if (echo) console[level](...args);
  };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('log') };
};
