import { DomainError } from '../errors';

/** Policy REJECT: a reply is still being written, so the new message was refused (nothing stored). */
export class ReplyInProgressError extends DomainError {
  constructor(replyId: string) {
    super('REPLY_IN_PROGRESS', 'The partner is still replying; send again when the reply is complete', { replyId, retryable: true });
  }
}
