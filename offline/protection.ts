/** Protected sheets and ranges: recorded (description, warning-only, editors), not enforced on scripts. */
import { emailOf, FakeUser, type OfflineEnv } from './env';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GUser = GoogleAppsScript.Base.User;

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });
export type ProtectionKind = keyof typeof ProtectionType;

type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export class FakeProtection implements Pick<GProtection, Methods> {
  description = '';
  warningOnly = false;
  domainEdit = false;
  readonly editors = new Set<string>();
  unprotected: GRange[] = [];
  removed = false;

  constructor(
    private readonly env: OfflineEnv,
    readonly kind: ProtectionKind,
    readonly range: GRange,
    private readonly onRemove: (p: FakeProtection) => void,
  ) {
    // The owner running the script keeps edit rights.
    this.editors.add(env.userEmail);
  }

  private me(method: string): GProtection {
    this.env.calls.hit(`Protection.${method}`);
    return this as unknown as GProtection;
  }

  addEditor(who: string | GUser): GProtection {
    if (this.warningOnly) throw new Error('Cannot add editors to a warning-only protection.');
    this.editors.add(emailOf(who));
    return this.me('addEditor');
  }
  addEditors(emails: string[]): GProtection {
    for (const e of emails) this.editors.add(e);
    return this.me('addEditors');
  }
  removeEditor(who: string | GUser): GProtection {
    this.editors.delete(emailOf(who));
    return this.me('removeEditor');
  }
  removeEditors(list: string[] | GUser[]): GProtection {
    for (const who of list) this.editors.delete(emailOf(who));
    return this.me('removeEditors');
  }
  getEditors(): GUser[] {
    this.env.calls.hit('Protection.getEditors');
    return [...this.editors].map((e) => new FakeUser(this.env, e) as unknown as GUser);
  }
  canEdit(): boolean {
    this.env.calls.hit('Protection.canEdit');
    return this.editors.has(this.env.userEmail);
  }
  canDomainEdit(): boolean {
    this.env.calls.hit('Protection.canDomainEdit');
    return this.domainEdit;
  }
  setDomainEdit(v: boolean): GProtection {
    this.domainEdit = !!v;
    return this.me('setDomainEdit');
  }
  getDescription(): string {
    this.env.calls.hit('Protection.getDescription');
    return this.description;
  }
  setDescription(d: string): GProtection {
    this.description = String(d);
    return this.me('setDescription');
  }
  isWarningOnly(): boolean {
    this.env.calls.hit('Protection.isWarningOnly');
    return this.warningOnly;
  }
  setWarningOnly(v: boolean): GProtection {
    this.warningOnly = !!v;
    return this.me('setWarningOnly');
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.env.calls.hit('Protection.getProtectionType');
    return this.kind as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): GRange {
    this.env.calls.hit('Protection.getRange');
    return this.range;
  }
  getUnprotectedRanges(): GRange[] {
    this.env.calls.hit('Protection.getUnprotectedRanges');
    return [...this.unprotected];
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    if (this.kind !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = [...ranges];
    return this.me('setUnprotectedRanges');
  }
  remove(): void {
    this.env.calls.hit('Protection.remove');
    this.removed = true;
    this.onRemove(this);
  }
}
