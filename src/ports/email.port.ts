/** One plain-text email (account mail only: reset links, verification links, invitations). */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends account emails. Adapters: the log sender (local use; see src/email). An SMTP adapter
 * belongs here too; it needs an SMTP client package this build does not carry.
 */
export interface EmailSender {
  /** Whether mail really leaves the process (false: written to the log or dropped). */
  readonly delivers: boolean;
  send(message: EmailMessage): Promise<void>;
}
