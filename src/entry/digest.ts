/**
 * The daily digest: an opt-in email to the service manager, sent by one time-driven trigger of theirs.
 * Who turned it on is kept in a document property; how each run went, and what the last digest said (so
 * the next can lead with what is new), in a property per recipient, so the panel can say so.
 */
import type { DigestPreview, DigestState } from '../api';
import { digestHtml, digestText, type Digest, type DigestMemory } from '../core/monitor/digest';
import { OPEN_ITEMS_TAB } from '../core/monitor/openItemsView';
import { tabDef } from '../core/schema/workbook';
import { longDate } from '../core/text';
import { dailyDigest } from '../core/usecases/digest';
import { withDocumentLock } from '../adapters/lock';
import { sendMail } from '../adapters/mail';
import { schoolName } from '../adapters/school';
import { readWorkbook } from '../adapters/sheets';
import { flagArg, isoInstantArg } from './arguments';
import { authorizationUrl, ensureDailyTrigger, removeTriggers, triggersFor } from '../adapters/triggers';

const HANDLER = 'sendDailyDigest';
/** The digest is sent between 07:00 and 08:00, before the school day. */
const DIGEST_HOUR = 7;
const RECORDS = 'SLM_DIGEST';
/**
 * Each recipient's last run, its result and what the digest said (for "new since"), in a property of its own:
 * written by that recipient's trigger alone, so it needs no lock and is recorded even while another action
 * holds the workbook's lock.
 */
const RUN = 'SLM_DIGEST_RUN:';
/** A digest not run for this long has stopped (trigger removed, or authorisation revoked); a long weekend is not. */
const STALE_MS = 5 * 86_400_000;

interface DigestRecord {
  since: string;
  lastRun?: string;
  lastResult?: string;
}
type Records = Record<string, DigestRecord>;
interface RunRecord {
  lastRun: string;
  lastResult: string;
  memory?: DigestMemory;
}

const props = () => PropertiesService.getDocumentProperties();

function readJson<T>(key: string): T | undefined {
  try {
    const parsed = JSON.parse(props().getProperty(key) || 'null');
    return parsed && typeof parsed === 'object' ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}

const readRecords = (): Records => readJson<Records>(RECORDS) ?? {};
const readRun = (email: string): RunRecord | undefined => readJson<RunRecord>(RUN + email);

/** Changes the records under the document lock, so two runs never lose each other's update. */
function updateRecords(change: (r: Records) => void): void {
  withDocumentLock(() => {
    const records = readRecords();
    change(records);
    props().setProperty(RECORDS, JSON.stringify(records));
  });
}

const me = (): string => Session.getEffectiveUser().getEmail();

interface Prepared {
  digest: Digest | undefined;
  open: boolean;
  tz: string;
}

/** The digest for the active workbook at `now` (undefined when there is nothing to say), and whether the desk is open today. */
function digestAt(now: number, last: DigestMemory | undefined): Prepared {
  const ss = SpreadsheetApp.getActive();
  const wb = readWorkbook(ss).workbook;
  const url = ss.getUrl();
  const gid = (name: string) => ss.getSheetByName(name)?.getSheetId();
  const incidents = gid(tabDef('incidents').name);
  const openItems = gid(OPEN_ITEMS_TAB);
  const { digest, open } = dailyDigest(wb, schoolName(ss), now, last, {
    rowLink: incidents === undefined ? undefined : (row) => `${url}#gid=${incidents}&range=A${row}`,
    openItemsLink: openItems === undefined ? undefined : `${url}#gid=${openItems}`,
  });
  return { digest, open, tz: wb.timeZone };
}

/**
 * Trigger handler: on a day the service desk is open, sends today's digest to the trigger's owner (or
 * nothing when there is nothing to say); on other days sends nothing. Every run is recorded.
 */
export function sendDailyDigest(e?: GoogleAppsScript.Events.TimeDriven): string {
  void e;
  const to = me();
  const now = Date.now();
  const previous = to ? readRun(to) : undefined;
  let memory = previous?.memory;
  let result: string;
  if (!to) {
    result = 'Not sent: Google gives this account no email address here, so the digest has no one to go to. Turn it off and on again in the panel.';
  } else {
    const { digest, open, tz } = digestAt(now, previous?.memory);
    if (!open) {
      result = `Not sent: the service desk is closed today (${longDate(now, tz)}), so no digest; the next goes out on its next open day.`;
    } else if (!digest) {
      result = 'Nothing to report, so no email was sent.';
      memory = { at: now, missed: [] };
    } else if (sendMail(to, digest.subject, digestText(digest), digestHtml(digest)) === 'sent') {
      result = `Sent to ${to}.`;
      memory = digest.memory;
    } else {
      result = "Not sent: this account's daily email quota is used up. The next digest goes out on the next open day as usual.";
    }
  }
  if (to) props().setProperty(RUN + to, JSON.stringify({ lastRun: new Date(now).toISOString(), lastResult: result, memory } satisfies RunRecord));
  return result;
}

/** Whether the digest is on for the signed-in user, how its last run went, and who else receives it. */
export function getDigestState(): DigestState {
  const authUrl = authorizationUrl();
  if (authUrl !== undefined) return { status: 'needsAuth', recipient: '', hour: DIGEST_HOUR, lastRun: null, lastResult: null, others: [], authUrl };
  const email = me();
  const records = readRecords();
  const mine = records[email];
  const on = triggersFor(SpreadsheetApp.getActive(), HANDLER).length > 0;
  const now = Date.now();
  const runOf = (who: string, r: DigestRecord) => readRun(who) ?? (r.lastRun ? { lastRun: r.lastRun, lastResult: r.lastResult ?? '' } : undefined);
  const others = Object.entries(records)
    .filter(([who]) => who !== email)
    .map(([who, r]) => {
      const lastRun = runOf(who, r)?.lastRun ?? null;
      return { email: who, since: r.since, lastRun, stopped: now - Date.parse(lastRun ?? r.since) > STALE_MS };
    });
  const run = mine ? runOf(email, mine) : undefined;
  return {
    status: on ? 'on' : mine ? 'stale' : 'off',
    recipient: email,
    hour: DIGEST_HOUR,
    lastRun: run?.lastRun ?? null,
    lastResult: run?.lastResult ?? null,
    others,
  };
}

/** Turns the signed-in user's digest on (one trigger, however often asked) or off (every trigger of theirs removed). */
export function setDigest(on: boolean): DigestState {
  flagArg(on, 'on');
  const email = me();
  // A digest with no one to go to would fail every morning: refused now, with the reason.
  if (on && !email) {
    throw new Error(
      'The digest cannot be turned on: Google gives this account no email address here, so it would have no one to go to. Sign in with your school Google account (not a personal one shared into the workbook) and try again.',
    );
  }
  const ss = SpreadsheetApp.getActive();
  if (on) ensureDailyTrigger(ss, HANDLER, DIGEST_HOUR);
  else removeTriggers(ss, HANDLER);
  if (!on && email) props().deleteProperty(RUN + email);
  updateRecords((r) => {
    if (on) r[email] = { ...r[email], since: r[email]?.since ?? new Date().toISOString() };
    else delete r[email];
  });
  return getDigestState();
}

/** Today's digest as plain data (or null when there is nothing to say), for the panel's preview; `nowIso` fixes the instant. */
export function previewDigest(nowIso?: string | null): DigestPreview | null {
  const now = isoInstantArg(nowIso, 'nowIso') ?? Date.now();
  const email = me();
  // What the signed-in user's next digest would say, compared with their last one (never one from the future).
  const last = email ? readRun(email)?.memory : undefined;
  const d = digestAt(now, last && last.at < now ? last : undefined).digest;
  return d ? { subject: d.subject, sections: d.sections.map((s) => ({ title: s.title, lines: [...s.lines], links: [...s.links] })) } : null;
}
