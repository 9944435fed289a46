import { Writable } from 'node:stream';
import { createLogger } from '../observability/logger';
import { LogEmailSender } from './log-email-sender';

function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
  return { logger: createLogger('info', stream), read: () => text };
}

describe('LogEmailSender', () => {
  const message = { to: 'mei@example.com', subject: 'Reset your SoulLink password', text: 'https://app.example.com/reset-password?token=SECRET-CODE' };

  it('When used locally, Then the whole mail is in the log, so the developer can follow the link', async () => {
    const { logger, read } = capture();
    await new LogEmailSender(logger, { revealBody: true }).send(message);
    expect(read()).toContain('SECRET-CODE');
    expect(read()).toContain('mei@example.com');
  });

  it('When used in production, Then only the subject is logged: never the one-time code or the address', async () => {
    const { logger, read } = capture();
    const sender = new LogEmailSender(logger, { revealBody: false });
    await sender.send(message);
    expect(sender.delivers).toBe(false);
    expect(read()).toContain('no email delivery is configured');
    expect(read()).not.toContain('SECRET-CODE');
    expect(read()).not.toContain('mei@example.com');
  });
});
