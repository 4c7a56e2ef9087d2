/**
 * MailApp: every documented form of sendEmail, mails recorded instead of sent, and the daily recipient
 * quota that each mail spends. https://developers.google.com/apps-script/reference/mail/mail-app
 * Limits and their messages: https://developers.google.com/apps-script/guides/services/quotas
 */
import type { OfflineEnv } from './env';

/** The lowest documented daily recipient quota (consumer accounts; Workspace accounts get 1,500). */
export const DEFAULT_MAIL_DAILY_QUOTA = 100;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Body size per message (consumer accounts; 400 KB on Workspace). */
export const MAX_BODY_BYTES = 200 * 1024;
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const TOO_MANY_RECIPIENTS_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
export const BODY_TOO_LARGE_MESSAGE = 'Limit Exceeded: Email Body Size.';
export const NO_RECIPIENT_MESSAGE = 'Failed to send email: no recipient';

export interface MailOptions {
  attachments?: unknown[];
  bcc?: string;
  cc?: string;
  htmlBody?: string;
  inlineImages?: Record<string, unknown>;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
}

/** A mail as it would have left, for tests to read. */
export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  noReply: boolean;
  attachments: unknown[];
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** "a@x.org, b@y.org" as a list; each address checked as Apps Script does. */
const addresses = (list: unknown): string[] => {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => {
      if (!EMAIL.test(a)) throw new Error(`Invalid email: ${a}`);
      return a;
    });
};

export class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  readonly sent: SentMail[] = [];
  /** Recipients left today; each recipient (to, cc and bcc) of a sent mail spends one. */
  remaining: number;

  constructor(
    private readonly env: OfflineEnv,
    readonly dailyQuota = DEFAULT_MAIL_DAILY_QUOTA,
  ) {
    this.remaining = dailyQuota;
  }

  getRemainingDailyQuota(): number {
    this.env.calls.hit('MailApp.getRemainingDailyQuota');
    return this.remaining;
  }

  /** Test hook: a new day (quotas reset 24 hours after the first request). */
  resetQuota(): void {
    this.remaining = this.dailyQuota;
  }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body), sendEmail(recipient, subject, body, options),
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    this.env.calls.hit('MailApp.sendEmail');
    const m = this.normalise(args);
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const recipients = to.length + cc.length + bcc.length;
    if (recipients === 0) throw new Error(NO_RECIPIENT_MESSAGE);
    if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(TOO_MANY_RECIPIENTS_MESSAGE);
    const body = m.body === undefined || m.body === null ? '' : String(m.body);
    const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? null : String(m.htmlBody);
    if (Buffer.byteLength(body) + Buffer.byteLength(htmlBody ?? '') > MAX_BODY_BYTES) throw new Error(BODY_TOO_LARGE_MESSAGE);
    if (recipients > this.remaining) throw new Error(MAIL_QUOTA_MESSAGE);
    this.remaining -= recipients;
    this.sent.push({
      from: this.env.userEmail,
      to,
      cc,
      bcc,
      replyTo: m.replyTo ? (addresses(m.replyTo)[0] ?? null) : null,
      subject: m.subject === undefined ? '' : String(m.subject),
      body,
      htmlBody,
      name: m.name === undefined ? null : String(m.name),
      noReply: !!m.noReply,
      attachments: [...(m.attachments ?? [])],
    });
  }

  private normalise(args: unknown[]): MailOptions & { to?: unknown; subject?: unknown; body?: unknown } {
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) return args[0] as MailOptions & { to?: unknown };
    if (args.length === 3) return { to: args[0], subject: args[1], body: args[2] };
    if (args.length === 4 && typeof args[3] === 'object' && args[3] !== null) {
      return { ...(args[3] as MailOptions), to: args[0], subject: args[1], body: args[2] };
    }
    if (args.length === 4) return { to: args[0], replyTo: String(args[1]), subject: args[2], body: args[3] };
    const t = args.map((a) => (a === null ? 'null' : typeof a === 'string' ? 'String' : typeof a === 'object' ? 'Object' : typeof a)).join(',');
    throw new Error(`The parameters (${t}) don't match the method signature for MailApp.sendEmail.`);
  }
}
