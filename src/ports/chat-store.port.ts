/**
 * Where live chat keeps its state: sessions (counters, title, event floor, memory
 * watermark), messages (positions, versions, statuses) and the reply queue with its
 * per-session writer lease. Texts are not here: they live in the transcript store, sealed.
 * One port per aggregate, gathered in `ChatStore`; the Postgres adapters are in src/stores/chats.
 * Every write the policies depend on (reserving positions, withdrawing pending replies,
 * claiming a reply with the lease) is one atomic statement or one transaction in the adapter.
 */
export interface ChatStore {
  sessions: ChatSessionStore;
  messages: ChatMessageStore;
  replies: ReplyQueue;
  /** A chat's rows with its persona's (and owner's) in one statement, for the live-chat hot path. */
  rows: ChatRowReader;
}

export type StoredChatRole = 'USER' | 'PARTNER';
export type StoredChatStatus = 'SENT' | 'QUEUED' | 'STREAMING' | 'COMPLETE' | 'INTERRUPTED' | 'DISCARDED' | 'FAILED';
/** What a new user message does to replies still pending (the session's double-texting policy). */
export type StoredChatPolicy = 'ENQUEUE' | 'INTERRUPT' | 'REJECT' | 'ROLLBACK';

/** A chat message's stored state, without its text. */
export interface StoredChatMessage {
  id: string;
  sessionId: string;
  seq: number;
  version: number;
  role: StoredChatRole;
  status: StoredChatStatus;
  active: boolean;
  replyTo: string | null;
  clientMessageId: string | null;
  tokenCount: number;
  degraded: boolean;
  createdAt: Date;
  completedAt: Date | null;
}

/** A message of the conversation as prompts and memory read it (its text comes from the transcript store). */
export interface SpokenTurnRef {
  id: string;
  role: StoredChatRole;
  createdAt: Date;
}

/** A pending reply a newer message withdrew: INTERRUPTED (kept), DISCARDED (was streaming) or DISCARDED_QUEUED (never started). */
export interface WithdrawnReply {
  id: string;
  status: 'INTERRUPTED' | 'DISCARDED' | 'DISCARDED_QUEUED';
}

/** The session's message counters right after a reply was counted. */
export interface MessageCounters {
  messageSeq: number;
  memorySeq: number;
}

export interface ChatSessionStore {
  /** Counts a reply that reached the conversation and marks the chat active now. */
  countReply(sessionId: string): Promise<void>;
  /** Records that events up to `seq` exist, so event numbering never restarts below it. */
  raiseEventFloor(sessionId: string, seq: number): Promise<void>;
  /** Sets the automatic title unless the chat has one (or the user named it); true when it was set. */
  setAutoTitle(sessionId: string, title: string): Promise<boolean>;
  counters(sessionId: string): Promise<MessageCounters | undefined>;
  /** Moves the long-term-memory watermark from `from` to `upTo` (no-op when another run moved it). */
  advanceMemoryWatermark(sessionId: string, from: number, upTo: number): Promise<void>;
  /** Chats with messages not yet in long-term memory, quiet for `idleMs` (all when null), least recently active first. */
  dueForMemory(idleMs: number | null, limit: number): Promise<{ id: string; messageSeq: number }[]>;
  /** Deletes the chat's row; its messages go with it. */
  delete(sessionId: string): Promise<void>;
  /** In one transaction: a new chat branching off `fork.parentId`, and `copies` of messages as its first versions. */
  createFork(fork: NewForkedChat, copies: ForkedMessage[]): Promise<void>;
}

/** A branch of a chat: a new session that starts with copies of the parent's conversation. */
export interface NewForkedChat {
  id: string;
  ownerId: string;
  personaId: string;
  scenarioId: string | null;
  title: string | null;
  policy: StoredChatPolicy;
  parentId: string;
  forkedFromMessageId: string;
  /** Positions taken, messages counted and already in long-term memory (through the parent). */
  messageSeq: number;
  messageCount: number;
  memorySeq: number;
  at: Date;
}

/** A copied message: its new id and position in the branch, the rest as it was. */
export interface ForkedMessage {
  id: string;
  seq: number;
  role: StoredChatRole;
  status: StoredChatStatus;
  replyTo: string | null;
  tokenCount: number;
  degraded: boolean;
  createdAt: Date;
  completedAt: Date | null;
}

export interface ChatMessageStore {
  /** The message stored under this clientMessageId (a resend), if any. */
  findByClientMessageId(sessionId: string, clientMessageId: string): Promise<StoredChatMessage | undefined>;
  /** The latest version of the reply that answers `messageId`. */
  latestReplyTo(sessionId: string, messageId: string): Promise<string | undefined>;
  /** A partner reply queued or being written (what policy REJECT refuses on). */
  pendingReply(sessionId: string): Promise<string | undefined>;
  /** Any message queued or being written. */
  pendingMessage(sessionId: string): Promise<string | undefined>;
  /** A visible message after position `seq`. */
  laterMessage(sessionId: string, seq: number): Promise<string | undefined>;
  /**
   * In one transaction: reserves two positions, stores the user message (unique per
   * clientMessageId) and its queued reply, and applies `policy` to replies still pending.
   * undefined (and nothing stored) when a message with this clientMessageId already exists.
   */
  storeUserMessage(input: {
    sessionId: string;
    messageId: string;
    replyId: string;
    clientMessageId: string;
    at: Date;
    policy: StoredChatPolicy;
  }): Promise<{ message: StoredChatMessage; withdrawn: WithdrawnReply[] } | undefined>;
  /**
   * In one transaction: retires the reply's current version (uncounting it unless it failed)
   * and queues a new version at the same position. undefined when it was already retired.
   */
  queueRegeneration(input: { sessionId: string; messageId: string; seq: number; replyTo: string | null; replyId: string }): Promise<StoredChatMessage | undefined>;
  /**
   * A page of what a reader sees (current versions, withdrawn replies left out) with positions
   * strictly between `afterSeq` and `beforeSeq`: the first `limit` from `afterSeq` up, or
   * (`backward`) from `beforeSeq` down.
   */
  page(sessionId: string, window: { afterSeq: number; beforeSeq: number; backward: boolean; limit: number }): Promise<StoredChatMessage[]>;
  /**
   * Every partner reply (not withdrawn) at the given positions of the given chats, where a
   * position has more than one: versions of regenerated replies, by chat, position, version.
   */
  versionsAt(sessionIds: string[], seqs: number[]): Promise<StoredChatMessage[]>;
  /** The conversation's latest `limit` current messages, newest first (from position `upToSeq` down, when given). */
  latestSpoken(sessionId: string, limit: number, upToSeq?: number): Promise<StoredChatMessage[]>;
  /** The whole conversation's current messages, oldest first. */
  allSpoken(sessionId: string): Promise<StoredChatMessage[]>;
  /** The conversation's current turns before position `beforeSeq`, newest first, at most `limit`. */
  spokenBefore(sessionId: string, beforeSeq: number, limit: number): Promise<SpokenTurnRef[]>;
  /** The conversation's current turns in positions (afterSeq, upToSeq], oldest first. */
  spokenBetween(sessionId: string, afterSeq: number, upToSeq: number): Promise<SpokenTurnRef[]>;
  status(messageId: string): Promise<StoredChatStatus | undefined>;
  /**
   * Completes a streaming reply and counts it, in one statement; undefined when it was no longer
   * streaming. `eventFloor`: raises the session's event floor too (see raiseEventFloor), in the same statement.
   */
  completeReply(replyId: string, result: { tokens: number; degraded: boolean; eventFloor?: number }): Promise<MessageCounters | undefined>;
  /** A streaming reply that failed after part of it reached the user: kept, marked cut off. */
  markCutOff(replyId: string, tokens: number): Promise<void>;
  /** A streaming reply of which nothing was said: failed. */
  markFailed(replyId: string): Promise<void>;
  /** Records the length of a reply a newer message interrupted. */
  recordInterrupted(replyId: string, tokens: number): Promise<void>;
  /** Withdraws a reply that was queued or streaming (hidden for good). */
  discard(replyId: string): Promise<void>;
}

/** A reply a writer now holds, with what it needs to start loading at once. */
export interface ClaimedReply {
  id: string;
  seq: number;
  replyTo: string | null;
  ownerId: string;
  personaId: string;
}

/**
 * The queue of replies to write and the per-session writer lease: one process at a time
 * writes a session's replies. The lease is held by time (renewed), not by a connection.
 */
export interface ReplyQueue {
  /**
   * In one statement: takes the lease (free, expired or already ours) and, if taken, claims
   * the first pending reply; stale STREAMING replies count as pending, the rest go back to QUEUED.
   */
  acquireLeaseAndClaim(sessionId: string, owner: string, leaseMs: number): Promise<{ leased: boolean; reply?: ClaimedReply }>;
  /** The session's next queued reply, for the lease holder. */
  claimNext(sessionId: string): Promise<ClaimedReply | undefined>;
  renewLease(sessionId: string, owner: string, leaseMs: number): Promise<void>;
  releaseLease(sessionId: string, owner: string): Promise<void>;
  /** Hands a streaming reply back to the queue (its writer is stopping). */
  requeue(replyId: string): Promise<void>;
  hasQueued(sessionId: string): Promise<boolean>;
  /** Sessions with replies waiting and no live lease holder (their writer died), a batch at a time. */
  orphanedSessions(): Promise<string[]>;
}

/**
 * A table's row as Postgres has it, keyed by column name (snake_case), timestamps possibly as
 * ISO strings: the shape MikroORM's `em.map(Entity, row)` takes to hydrate an entity.
 */
export type TableRow = Record<string, unknown>;

/** A chat_sessions row with its personas row. */
export interface ChatRows {
  session: TableRow;
  persona: TableRow;
}

/** What a reply's prompt starts from, read together. */
export interface ReplyContextRows extends ChatRows {
  /** The chat's users row. */
  owner: TableRow;
  /** `summary` of the persona's latest COMPLETED profile (any JSON value; null when none). */
  profileSummary: unknown;
  /** The owner's SELF persona row, or null when they have none. */
  selfPersona: TableRow | null;
}

/**
 * Reads of a chat with what it refers to, each in ONE statement (MikroORM's `findOne` with
 * populate costs a few milliseconds of CPU a call before its SQL leaves; the callers map these
 * rows to entities with `em.map`). No ownership check here: the caller compares the owner.
 */
export interface ChatRowReader {
  /** The chat and its persona; undefined when there is no such chat. `sessionId` must be a UUID. */
  withPersona(sessionId: string): Promise<ChatRows | undefined>;
  /** The chat, its persona and owner, the persona's profile summary and the owner's SELF persona; undefined when there is no such chat. */
  forReply(sessionId: string): Promise<ReplyContextRows | undefined>;
}
