/** PropertiesService: document, script and user stores of strings. */
import type { OfflineEnv } from './env';

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

/**
 * Document properties belong to the document the script runs in ("unique to … the document in which the add-on
 * is used"), user properties to the signed-in user:
 * https://developers.google.com/apps-script/reference/properties/properties-service
 */
export class FakePropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> {
  readonly script: FakeProperties;
  private readonly documents = new Map<string, FakeProperties>();
  private readonly users = new Map<string, FakeProperties>();
  /** `activeDocumentId`: the document the script runs in now. */
  constructor(private readonly env: OfflineEnv, private readonly activeDocumentId: () => string | null = () => null) {
    this.script = new FakeProperties(env, 'script');
  }
  private of(stores: Map<string, FakeProperties>, key: string, scope: string): FakeProperties {
    let p = stores.get(key);
    if (!p) stores.set(key, (p = new FakeProperties(this.env, scope)));
    return p;
  }
  /** The active document's store. */
  get document(): FakeProperties { return this.of(this.documents, this.activeDocumentId() ?? '', 'document'); }
  /** The signed-in user's store. */
  get user(): FakeProperties { return this.of(this.users, this.env.userEmail, 'user'); }
  getDocumentProperties(): GProperties { this.env.calls.hit('PropertiesService.getDocumentProperties'); return this.document as unknown as GProperties; }
  getScriptProperties(): GProperties { this.env.calls.hit('PropertiesService.getScriptProperties'); return this.script as unknown as GProperties; }
  getUserProperties(): GProperties { this.env.calls.hit('PropertiesService.getUserProperties'); return this.user as unknown as GProperties; }
}
