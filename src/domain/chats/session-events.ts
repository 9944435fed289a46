import type { ChatEvent, ChatEventLog, NewChatEvent } from '../../ports/chat-event-log.port';
import type { ChatSessionStore } from '../../ports/chat-store.port';

/**
 * How far numbering jumps when a chat's log was lost: past anything a client could have
 * seen after the last recorded floor. Streams announce the skipped range as EVENTS_TRIMMED.
 */
const FLOOR_MARGIN = 1000;

/**
 * One chat's event writer. The log forgets a quiet chat after 24 h (and an in-process log
 * forgets at restart); a client may still hold a seq from before. The session row keeps a
 * floor (raised when a reply finishes), so numbering resumes above it instead of at 1,
 * where a reconnecting client would skip everything as already seen.
 */
export class SessionEvents {
  private highest = 0;

  private constructor(
    private readonly log: ChatEventLog,
    readonly sessionId: string,
    private readonly minSeq: number | undefined,
  ) {}

  static async open(log: ChatEventLog, sessionId: string, floor: number): Promise<SessionEvents> {
    const last = floor > 0 ? await log.lastSeq(sessionId) : 0;
    return new SessionEvents(log, sessionId, last < floor ? floor + FLOOR_MARGIN : undefined);
  }

  async append(events: NewChatEvent[]): Promise<ChatEvent[]> {
    const stored = await this.log.append(this.sessionId, events, this.minSeq === undefined ? undefined : { minSeq: this.minSeq });
    for (const e of stored) this.highest = Math.max(this.highest, e.seq);
    return stored;
  }

  /** The highest seq this writer appended (0 when none). */
  get lastSeq(): number {
    return this.highest;
  }
}

/** Records that events up to `seq` exist, so numbering never restarts below it. */
export async function raiseEventFloor(sessions: ChatSessionStore, sessionId: string, seq: number): Promise<void> {
  if (seq > 0) await sessions.raiseEventFloor(sessionId, seq);
}
