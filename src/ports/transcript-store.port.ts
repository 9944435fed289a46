/**
 * Every chat message, simulation turn and imported chat-log message: append-heavy,
 * queried per conversation. MongoDB in production; PostgreSQL rows by default.
 */
export type ConversationKind = 'IMPORT' | 'CHAT' | 'SIMULATION';
export type TranscriptRole = 'persona' | 'user' | 'other' | 'system' | 'agent';

export interface NewTranscriptMessage {
  /**
   * A UUID the writer chose, so it can cite the message before the append returns (a
   * simulation turn is announced while its line is still being stored). The store makes one
   * when absent. A key already stored keeps its row, and that row's id.
   */
  id?: string;
  /** The user who owns the data (erasure deletes by this). */
  ownerId: string;
  /** A persona id for imports, a chat session id, a simulation run id. */
  conversationId: string;
  kind: ConversationKind;
  /** The import, run or request that wrote it, so a failed batch can be removed. */
  batchId: string;
  /** Unique within a conversation: re-appending the same key adds nothing. */
  dedupeKey: string;
  sender: string;
  role: TranscriptRole;
  text: string;
  sentAt: Date;
  /** Small JSON, e.g. episode, turn, imported line number. */
  metadata?: Record<string, unknown>;
}

export interface TranscriptMessage extends NewTranscriptMessage {
  id: string;
  /** Per conversation, increasing in append order, assigned by the store. */
  seq: number;
  createdAt: Date;
}

export interface TranscriptStore {
  /** Idempotent by (conversationId, dedupeKey); returns how many were new. Order of `messages` is the seq order. */
  append(messages: NewTranscriptMessage[]): Promise<{ inserted: number; duplicates: number }>;
  list(
    conversationId: string,
    options?: { afterSeq?: number; beforeSeq?: number; limit?: number; order?: 'asc' | 'desc' },
  ): Promise<TranscriptMessage[]>;
  /** Only the owner's messages; unknown ids are skipped. */
  getByIds(ownerId: string, ids: string[]): Promise<TranscriptMessage[]>;
  /** The message appended with this dedupe key in this conversation, or null. One indexed lookup. */
  findByDedupeKey(conversationId: string, dedupeKey: string): Promise<TranscriptMessage | null>;
  /**
   * Many keys of one conversation at once (missing keys are absent from the result), in seq
   * order. At most TRANSCRIPT_LIMITS.maxGetByIds keys per call; repeated keys count once.
   */
  findByDedupeKeys(conversationId: string, dedupeKeys: string[]): Promise<TranscriptMessage[]>;
  count(conversationId: string): Promise<number>;
  /** Every message of one owner, by id ascending, `limit` (default 500, at most 1,000) after `afterId`: data export. */
  listByOwner(ownerId: string, options?: { afterId?: string; limit?: number }): Promise<TranscriptMessage[]>;
  /** Removes what one batch wrote (compensation for a failed import or run). */
  deleteBatch(conversationId: string, batchId: string): Promise<number>;
  deleteConversation(conversationId: string): Promise<number>;
  deleteByOwner(ownerId: string): Promise<number>;
  close(): Promise<void>;
}
