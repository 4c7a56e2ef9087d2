import { CallCounter } from './calls';
import { ExecutionClock } from './clock';
import type { Realm } from './realm';

/** What every fake of one offline runtime shares: its call counter, its Date realm and who is signed in. */
export interface OfflineEnv {
  calls: CallCounter;
  realm: Realm;
  /** Session.getScriptTimeZone(); new spreadsheets start in it too. */
  timeZone: string;
  userEmail: string;
  /** Simulated waits (sleep, locks) within the current execution's time limit. */
  clock: ExecutionClock;
}

export const newEnv = (over: Partial<OfflineEnv> = {}): OfflineEnv => ({
  calls: over.calls ?? new CallCounter(),
  realm: over.realm ?? { Date },
  timeZone: over.timeZone ?? 'Europe/London',
  userEmail: over.userEmail ?? 'service.manager@school.example',
  clock: over.clock ?? new ExecutionClock(),
});

/** A Google account as Apps Script shows it (Base.User, and Drive.User's extra getters). */
export class FakeUser
  implements Pick<GoogleAppsScript.Base.User, 'getEmail'>, Pick<GoogleAppsScript.Drive.User, 'getEmail' | 'getDomain' | 'getName' | 'getPhotoUrl'>
{
  constructor(
    private readonly env: OfflineEnv,
    private readonly email: string,
  ) {}
  getEmail(): string {
    this.env.calls.hit('User.getEmail');
    return this.email;
  }
  getDomain(): string {
    this.env.calls.hit('User.getDomain');
    return this.email.split('@')[1] ?? '';
  }
  getName(): string {
    this.env.calls.hit('User.getName');
    return this.email.split('@')[0];
  }
  getPhotoUrl(): string {
    this.env.calls.hit('User.getPhotoUrl');
    return '';
  }
}

/** An email from either an address or a User (Apps Script methods accept both). */
export const emailOf = (who: string | GoogleAppsScript.Base.User): string => (typeof who === 'string' ? who : who.getEmail());

let idSeq = 0;
/** Ids shaped like Drive ids (44 characters, letters, digits, `-` and `_`). */
export const newDriveId = (): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  idSeq += 1;
  let x = (idSeq * 2654435761) >>> 0;
  let s = '1';
  for (let i = 0; i < 35; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += alphabet[x % alphabet.length];
  }
  return s + String(idSeq).padStart(8, '0');
};
