/** One plain-text email (account mail only: reset links, verification links, invitations). */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends account emails. Adapters (src/email): the log sender (local use) and the SMTP sender
 * (EMAIL_TRANSPORT=smtp), which delivers in the background: `send` may resolve before the mail
 * has left.
 */
export interface EmailSender {
  /** Whether mail really leaves the process (false: written to the log or dropped). */
  readonly delivers: boolean;
  send(message: EmailMessage): Promise<void>;
}
