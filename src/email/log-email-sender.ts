import type { Logger } from '../observability/logger';
import type { EmailMessage, EmailSender } from '../ports/email.port';

/**
 * Local use: account emails are written to the log so a developer can follow a reset or
 * verification link without a mail server. The body holds a one-time secret, so in
 * production (`revealBody: false`) only the subject is logged and the mail is dropped: a
 * production deployment needs a delivering adapter for these features.
 */
export class LogEmailSender implements EmailSender {
  readonly delivers = false;

  constructor(
    private readonly logger: Logger,
    private readonly options: { revealBody: boolean },
  ) {}

  async send(message: EmailMessage): Promise<void> {
    if (this.options.revealBody) {
      this.logger.info({ component: 'email', subject: message.subject, mail: `To: ${message.to}\n\n${message.text}` }, 'account email (log adapter: not delivered)');
    } else {
      this.logger.warn({ component: 'email', subject: message.subject }, 'account email dropped: no email delivery is configured');
    }
  }
}
