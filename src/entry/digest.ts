/**
 * The daily digest: an opt-in email to the service manager, sent by one time-driven trigger of theirs.
 * Who turned it on, and how each run went, is kept in a document property so the panel can say so.
 */
import type { DigestPreview, DigestState } from '../api';
import { digestHtml, digestText, type Digest } from '../core/monitor/digest';
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
/** A digest not run for this long has stopped (trigger removed, or authorisation revoked). */
const STALE_MS = 2 * 86_400_000;

interface DigestRecord { since: string; lastRun?: string; lastResult?: string }
type Records = Record<string, DigestRecord>;

function readRecords(): Records {
  try {
    const parsed = JSON.parse(PropertiesService.getDocumentProperties().getProperty(RECORDS) || '{}');
    return parsed && typeof parsed === 'object' ? parsed as Records : {};
  } catch {
    return {};
  }
}

/** Changes the records under the document lock, so two runs never lose each other's update. */
function updateRecords(change: (r: Records) => void): void {
  withDocumentLock(() => {
    const records = readRecords();
    change(records);
    PropertiesService.getDocumentProperties().setProperty(RECORDS, JSON.stringify(records));
  });
}

const me = (): string => Session.getEffectiveUser().getEmail();

/** The digest for the active workbook at `now`, or undefined when there is nothing to say. */
function digestAt(now: number): Digest | undefined {
  const ss = SpreadsheetApp.getActive();
  return dailyDigest(readWorkbook(ss).workbook, schoolName(ss), now);
}

/** Trigger handler: sends today's digest to the trigger's owner, or nothing when there is nothing to say. */
export function sendDailyDigest(e?: GoogleAppsScript.Events.TimeDriven): string {
  void e;
  const to = me();
  const now = Date.now();
  const digest = digestAt(now);
  const result = !digest ? 'Nothing to report, so no email was sent.'
    : sendMail(to, digest.subject, digestText(digest), digestHtml(digest)) === 'sent' ? `Sent to ${to}.`
    : 'Not sent: this account\'s daily email quota is used up. The next digest goes out tomorrow as usual.';
  updateRecords((r) => { r[to] = { since: r[to]?.since ?? new Date(now).toISOString(), lastRun: new Date(now).toISOString(), lastResult: result }; });
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
  const others = Object.entries(records).filter(([who]) => who !== email).map(([who, r]) => ({
    email: who, since: r.since, lastRun: r.lastRun ?? null,
    stopped: now - Date.parse(r.lastRun ?? r.since) > STALE_MS,
  }));
  return {
    status: on ? 'on' : mine ? 'stale' : 'off', recipient: email, hour: DIGEST_HOUR,
    lastRun: mine?.lastRun ?? null, lastResult: mine?.lastResult ?? null, others,
  };
}

/** Turns the signed-in user's digest on (one trigger, however often asked) or off (every trigger of theirs removed). */
export function setDigest(on: boolean): DigestState {
  flagArg(on, 'on');
  const email = me();
  const ss = SpreadsheetApp.getActive();
  if (on) ensureDailyTrigger(ss, HANDLER, DIGEST_HOUR);
  else removeTriggers(ss, HANDLER);
  updateRecords((r) => {
    if (on) r[email] = { ...r[email], since: r[email]?.since ?? new Date().toISOString() };
    else delete r[email];
  });
  return getDigestState();
}

/** Today's digest as plain data (or null when there is nothing to say), for the panel's preview; `nowIso` fixes the instant. */
export function previewDigest(nowIso?: string | null): DigestPreview | null {
  const now = isoInstantArg(nowIso, 'nowIso') ?? Date.now();
  const d = digestAt(now);
  return d ? { subject: d.subject, sections: d.sections.map((s) => ({ title: s.title, lines: [...s.lines] })) } : null;
}
