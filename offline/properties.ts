/**
 * PropertiesService: document, script and user stores of strings, held to Google's limits: a value of at most
 * 9 KB, a store of at most 500 KB ("Properties value size 9 KB / val", "Properties total storage 500 KB /
 * property store": https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 */
import type { OfflineEnv } from './env';

/** One value's limit and one store's, in bytes of UTF-8 (keys count towards the store). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
/** What Apps Script throws for a value over the limit, and for a store that would pass its limit. */
export const PROPERTY_VALUE_TOO_LARGE_MESSAGE = 'Argument too large: value';
export const PROPERTY_STORE_FULL_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

type GProperties = GoogleAppsScript.Properties.Properties;

// ---------------------------------------------------------------- Properties
export class FakeProperties
  implements Pick<GProperties, 'deleteAllProperties' | 'deleteProperty' | 'getKeys' | 'getProperties' | 'getProperty' | 'setProperties' | 'setProperty'>
{
  readonly store = new Map<string, string>();

  constructor(
    private readonly env: OfflineEnv,
    private readonly scope: string,
  ) {}

  private me(method: string): GProperties {
    this.env.calls.hit(`Properties.${method}`);
    return this as unknown as GProperties;
  }
  getProperty(key: string): string | null {
    this.env.calls.hit('Properties.getProperty');
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    this.admit([[String(key), String(value)]], false);
    this.store.set(String(key), String(value));
    return this.me('setProperty');
  }
  /** Bytes the store holds (keys and values). */
  size(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8(k) + utf8(v);
    return n;
  }
  /** Throws Google's error when a value, or the store after writing `entries`, would be over its limit. */
  private admit(entries: Array<[string, string]>, replaceAll: boolean): void {
    for (const [, v] of entries) if (utf8(v) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(PROPERTY_VALUE_TOO_LARGE_MESSAGE);
    const next = new Map(replaceAll ? [] : this.store);
    for (const [k, v] of entries) next.set(k, v);
    let n = 0;
    for (const [k, v] of next) n += utf8(k) + utf8(v);
    if (n > PROPERTY_STORE_LIMIT_BYTES) throw new Error(PROPERTY_STORE_FULL_MESSAGE);
  }
  getProperties(): { [key: string]: string } {
    this.env.calls.hit('Properties.getProperties');
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    this.env.calls.hit('Properties.getKeys');
    return [...this.store.keys()];
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    this.admit(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      !!deleteAllOthers,
    );
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(properties)) this.store.set(k, String(v));
    return this.me('setProperties');
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this.me('deleteProperty');
  }
  deleteAllProperties(): GProperties {
    this.store.clear();
    return this.me('deleteAllProperties');
  }
  toString(): string {
    return `${this.scope} properties`;
  }
}

/**
 * Document properties belong to the document the script runs in ("unique to … the document in which the add-on
 * is used"), user properties to the signed-in user:
 * https://developers.google.com/apps-script/reference/properties/properties-service
 */
export class FakePropertiesService
  implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'>
{
  readonly script: FakeProperties;
  private readonly documents = new Map<string, FakeProperties>();
  private readonly users = new Map<string, FakeProperties>();
  /** `activeDocumentId`: the document the script runs in now. */
  constructor(
    private readonly env: OfflineEnv,
    private readonly activeDocumentId: () => string | null = () => null,
  ) {
    this.script = new FakeProperties(env, 'script');
  }
  private of(stores: Map<string, FakeProperties>, key: string, scope: string): FakeProperties {
    let p = stores.get(key);
    if (!p) {
      p = new FakeProperties(this.env, scope);
      stores.set(key, p);
    }
    return p;
  }
  /** The active document's store. */
  get document(): FakeProperties {
    return this.of(this.documents, this.activeDocumentId() ?? '', 'document');
  }
  /** The signed-in user's store. */
  get user(): FakeProperties {
    return this.of(this.users, this.env.userEmail, 'user');
  }
  getDocumentProperties(): GProperties {
    this.env.calls.hit('PropertiesService.getDocumentProperties');
    return this.document as unknown as GProperties;
  }
  getScriptProperties(): GProperties {
    this.env.calls.hit('PropertiesService.getScriptProperties');
    return this.script as unknown as GProperties;
  }
  getUserProperties(): GProperties {
    this.env.calls.hit('PropertiesService.getUserProperties');
    return this.user as unknown as GProperties;
  }
}
