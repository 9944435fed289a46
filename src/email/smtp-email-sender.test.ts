import { Writable } from 'node:stream';
import { parseSmtpUrl, type SmtpSettings } from '../config/smtp-url';
import { createLogger } from '../observability/logger';
import { SmtpInbox } from './fixtures/smtp-inbox';
import { SmtpEmailSender } from './smtp-email-sender';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { logger: createLogger('info', stream), read: () => text };
}

function settingsFor(url: string): SmtpSettings {
  const parsed = parseSmtpUrl(url);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

describe('SmtpEmailSender', () => {
  let inbox: SmtpInbox;
  beforeAll(async () => {
    inbox = await SmtpInbox.start();
  });
  afterAll(() => inbox.close());

  const message = {
    to: 'mei@example.com',
    subject: 'Reset your SoulLink password',
    text: 'Open this within 30 minutes:\n\nhttps://app.example.com/reset-password?token=SECRET-CODE_0123456789abcdefghijklmnopqrstuvwxyz\n\nÜnd that is all.\n',
  };

  it('When a mail is sent, Then the SMTP server receives it from EMAIL_FROM to the user, signed in with the URL’s credentials, text intact', async () => {
    const { logger, read } = capture();
    const sender = new SmtpEmailSender(settingsFor(inbox.url()), 'SoulLink <no-reply@soullink.test>', logger);
    const before = inbox.received.length;
    await sender.send(message);
    await sender.close();

    const mail = await inbox.latestTo('mei@example.com', before);
    expect(sender.delivers).toBe(true);
    expect(mail.authenticatedAs).toBe('mailer');
    expect(mail.envelope).toEqual({ from: 'no-reply@soullink.test', to: ['mei@example.com'] });
    expect(mail.from).toBe('SoulLink <no-reply@soullink.test>');
    expect(mail.to).toBe('mei@example.com');
    expect(mail.subject).toBe('Reset your SoulLink password');
    expect(mail.text.trim()).toBe(message.text.trim());
    // The log says a mail went out, never what it said or to whom.
    expect(read()).toContain('account email sent');
    expect(read()).not.toContain('SECRET-CODE');
    expect(read()).not.toContain('mei@example.com');
  });

  it('When the SMTP password is wrong, Then send still returns at once and the failure is logged with its code only', async () => {
    const { logger, read } = capture();
    const sender = new SmtpEmailSender(settingsFor(inbox.url({ user: 'mailer', pass: 'wrong' })), 'no-reply@soullink.test', logger);
    const before = inbox.received.length;
    await expect(sender.send(message)).resolves.toBeUndefined();
    await sender.close();

    expect(inbox.received.length).toBe(before);
    const line = JSON.parse(read().trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ level: 50, msg: 'account email not delivered', code: 'EAUTH', responseCode: 535, subject: message.subject });
    expect(read()).not.toContain('SECRET-CODE');
    expect(read()).not.toContain('mei@example.com');
    expect(read()).not.toContain('wrong');
  });

  it('When no SMTP server answers, Then the failure is logged after the connect timeout, not left hanging', async () => {
    const { logger, read } = capture();
    // A port nothing listens on: the inbox's own, once closed.
    const closed = await SmtpInbox.start();
    const url = closed.url();
    await closed.close();
    const sender = new SmtpEmailSender(settingsFor(url), 'no-reply@soullink.test', logger, { connectMs: 500, idleMs: 500 });
    await sender.send(message);
    await sender.close();
    expect(read()).toContain('account email not delivered');
    expect(read()).toMatch(/"code":"(ECONNECTION|ESOCKET|ETIMEDOUT)"/);
  });
});
