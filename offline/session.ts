/** Session: who runs the script (the digest mails its owner) and the script's zone. */
import { FakeUser, type OfflineEnv } from './env';

type GUser = GoogleAppsScript.Base.User;

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'> {
  constructor(private readonly env: OfflineEnv) {}
  getActiveUser(): GUser {
    this.env.calls.hit('Session.getActiveUser');
    return new FakeUser(this.env, this.env.userEmail) as unknown as GUser;
  }
  getEffectiveUser(): GUser {
    this.env.calls.hit('Session.getEffectiveUser');
    return new FakeUser(this.env, this.env.userEmail) as unknown as GUser;
  }
  getScriptTimeZone(): string {
    this.env.calls.hit('Session.getScriptTimeZone');
    return this.env.timeZone;
  }
}
