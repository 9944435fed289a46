/**
 * What the caller that just queued a reply knows about it, so the writer can load the
 * reply's prompt context while it takes the session's lease.
 */
export interface ReplyHint {
  replyId: string;
  seq: number;
  ownerId: string;
  personaId: string;
}

/**
 * Writes queued chat replies (the chat runtime, src/chat-runtime, one per process). Business
 * operations that queue or replace a reply call it through this interface, handed in by the
 * composition root, so src/domain never imports the runtime.
 */
export interface ReplyWriter {
  /** Makes sure someone writes the session's queued replies (this process, unless another holds the lease). */
  kick(sessionId: string, hint?: ReplyHint): void;
  /** Stops these replies wherever they are being written; their rows already say how they end. */
  withdraw(replyIds: string[]): Promise<void>;
}
