import { createTransport, type SMTPSentMessageInfo, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { SmtpSettings } from '../config/smtp-url';
import type { Logger } from '../observability/logger';
import type { EmailMessage, EmailSender } from '../ports/email.port';

/**
 * Delivers account emails through an SMTP server (EMAIL_TRANSPORT=smtp).
 *
 * `send` hands the message over and returns at once; delivery runs in the background. A
 * password-reset request must answer in the same time whether or not the address has an
 * account (requestPasswordReset), and an SMTP round trip only for known addresses would tell
 * them apart; a slow mail server would also hold the request. A failed delivery is logged
 * with the SMTP error code only: the body holds a one-time secret and the server's reply may
 * quote the address. `close` waits for deliveries in flight.
 */
export class SmtpEmailSender implements EmailSender {
  readonly delivers = true;
  private readonly transport: Transporter<SMTPSentMessageInfo, SMTPTransportOptions>;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    settings: SmtpSettings,
    private readonly from: string,
    private readonly logger: Logger,
    timeouts: { connectMs: number; idleMs: number } = { connectMs: 10_000, idleMs: 30_000 },
  ) {
    this.transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      auth: settings.auth,
      connectionTimeout: timeouts.connectMs,
      greetingTimeout: timeouts.connectMs,
      socketTimeout: timeouts.idleMs,
      // nodemailer's own logging would print whole SMTP conversations, one-time codes included.
      logger: false,
      debug: false,
    });
  }

  async send(message: EmailMessage): Promise<void> {
    const delivery = this.deliver(message);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Resolves once every delivery started so far has succeeded or failed (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.settled();
    this.transport.close();
  }

  private async deliver(message: EmailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
      this.logger.info({ component: 'email', subject: message.subject }, 'account email sent');
    } catch (err) {
      const { code, responseCode } = err as { code?: string; responseCode?: number };
      this.logger.error({ component: 'email', subject: message.subject, code, responseCode }, 'account email not delivered');
    }
  }
}
