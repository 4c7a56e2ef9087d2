/** Sending email (MailApp), within the account's daily recipient quota. */

export type MailResult = 'sent' | 'quota';

/**
 * Sends one HTML email with a plain-text alternative, unless today's quota of recipients is used up
 * (100 a day for a consumer account, 1,500 for Google Workspace): then nothing is sent and 'quota' says so.
 */
export function sendMail(to: string, subject: string, text: string, html: string): MailResult {
  if (MailApp.getRemainingDailyQuota() < 1) return 'quota';
  try {
    MailApp.sendEmail({ to, subject, body: text, htmlBody: html, name: 'SLM Workbook' });
  } catch (e) {
    // The quota can run out between the check and the send (another script of the same account).
    if (/too many times/i.test(e instanceof Error ? e.message : String(e))) return 'quota';
    throw e;
  }
  return 'sent';
}
