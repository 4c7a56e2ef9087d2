import { createOfflineRuntime, MAIL_QUOTA_MESSAGE, NO_RECIPIENT_MESSAGE, TOO_MANY_RECIPIENTS_MESSAGE } from '../../offline';

describe('MailApp', () => {
  it('sends in each documented form and records the mail', () => {
    const rt = createOfflineRuntime({ userEmail: 'ict@school.example' });
    rt.run(`
      MailApp.sendEmail('head@school.example', 'Digest', 'plain');
      MailApp.sendEmail('head@school.example, rep@school.example', 'Digest', 'plain', { htmlBody: '<b>html</b>', name: 'SLM Workbook', cc: 'ict@school.example', noReply: true });
      MailApp.sendEmail('head@school.example', 'ict@school.example', 'Reply to me', 'body');
      MailApp.sendEmail({ to: 'rep@school.example', subject: 'Object form', htmlBody: '<p>x</p>', bcc: 'a@b.example' });
    `);
    const sent = rt.services.MailApp.sent;
    expect(sent.map((m) => [m.to, m.cc, m.bcc, m.replyTo, m.subject, m.body, m.htmlBody, m.name, m.noReply])).toEqual([
      [['head@school.example'], [], [], null, 'Digest', 'plain', null, null, false],
      [['head@school.example', 'rep@school.example'], ['ict@school.example'], [], null, 'Digest', 'plain', '<b>html</b>', 'SLM Workbook', true],
      [['head@school.example'], [], [], 'ict@school.example', 'Reply to me', 'body', null, null, false],
      [['rep@school.example'], [], ['a@b.example'], null, 'Object form', '', '<p>x</p>', null, false],
    ]);
    expect(sent.every((m) => m.from === 'ict@school.example')).toBe(true);
    expect(rt.calls.count('MailApp.sendEmail')).toBe(4);
  });

  it('spends one unit of the daily quota per recipient and throws the documented error when it is gone', () => {
    const rt = createOfflineRuntime({ mailDailyQuota: 3 });
    const mail = rt.services.MailApp;
    expect(mail.getRemainingDailyQuota()).toBe(3);
    mail.sendEmail('a@school.example, b@school.example', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail('a@school.example', 's', 'b', { cc: 'c@school.example' })).toThrow(MAIL_QUOTA_MESSAGE);
    expect(mail.sent).toHaveLength(1);
    mail.sendEmail('a@school.example', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@school.example', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    mail.resetQuota();
    expect(mail.getRemainingDailyQuota()).toBe(3);
  });

  it('defaults to the lowest documented quota, 100 recipients a day', () => {
    expect(createOfflineRuntime().services.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('refuses mails Google refuses', () => {
    const mail = createOfflineRuntime().services.MailApp;
    expect(() => mail.sendEmail('', 's', 'b')).toThrow(NO_RECIPIENT_MESSAGE);
    expect(() => mail.sendEmail('not an address', 's', 'b')).toThrow('Invalid email: not an address');
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@school.example`).join(',');
    expect(() => mail.sendEmail(many, 's', 'b')).toThrow(TOO_MANY_RECIPIENTS_MESSAGE);
    expect(() => mail.sendEmail('a@school.example', 's', 'x'.repeat(200 * 1024 + 1))).toThrow('Limit Exceeded: Email Body Size.');
    expect(() => (mail.sendEmail as (...a: unknown[]) => void)('a@school.example', 's')).toThrow("don't match the method signature for MailApp.sendEmail");
    expect(mail.sent).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });
});
