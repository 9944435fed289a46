import { consolidateMemories } from '../../../agents/memory-consolidation/graph';
import type { ChatDeps } from '../chats/chat-deps';
import { ChatSession } from '../chats/chat-session.entity';

export const CHAT_MEMORY_JOB = 'chat-memory';
/** Finds chats gone idle with messages not yet in long-term memory. */
export const CHAT_MEMORY_SWEEP_JOB = 'chat-memory-sweep';
/** Once a day: every chat with messages not yet in long-term memory. */
export const CHAT_MEMORY_NIGHTLY_JOB = 'chat-memory-nightly';
/** A chat's new messages go to long-term memory at least every this many. */
export const MESSAGES_PER_MEMORY_RUN = 50;
/** Chats one sweep enqueues (the next sweep takes the rest). */
const SWEEP_BATCH = 500;

/**
 * The memory job: the chat's messages after its memory watermark are summarised, and facts
 * and events extracted, embedded and written (agents/memory-consolidation); then the
 * watermark moves. One run per chat at a time (run lock); a run that dies before moving the
 * watermark is repeated, and repeated facts supersede themselves by key.
 */
export async function consolidateChatMemory(deps: ChatDeps, sessionId: string): Promise<void> {
  const release = await deps.runLock.tryAcquire(`chat-memory:${sessionId}`);
  if (!release) return;
  try {
    const em = deps.orm.em.fork();
    const session = await em.findOne(ChatSession, sessionId, { populate: ['owner', 'persona'] });
    if (!session || session.messageSeq <= session.memorySeq) return;
    const from = session.memorySeq;
    const upTo = session.messageSeq;
    const rows = await deps.chatStore.messages.spokenBetween(session.id, from, upTo);
    if (rows.length > 0) {
      const texts = new Map<string, string>();
      for (let i = 0; i < rows.length; i += 1000) {
        for (const m of await deps.transcripts.findByDedupeKeys(session.id, rows.slice(i, i + 1000).map((r) => r.id))) texts.set(m.dedupeKey, m.text);
      }
      const messages = rows.flatMap((r) => {
        const text = texts.get(r.id);
        return text === undefined ? [] : [{ id: r.id, speaker: r.role === 'USER' ? ('user' as const) : ('partner' as const), text, at: r.createdAt }];
      });
      const { written } = await consolidateMemories(
        { llm: deps.llm, memories: deps.memories },
        { userId: session.owner.id, personaId: session.persona.id, userName: session.owner.getEntity().displayName, partnerName: session.persona.getEntity().name, messages },
      );
      deps.logger.info({ sessionId, messages: messages.length, memories: written.length }, 'chat consolidated into long-term memory');
    }
    await deps.chatStore.sessions.advanceMemoryWatermark(session.id, from, upTo);
  } finally {
    await release();
  }
}

/** Enqueues the memory job for chats with unconsolidated messages, quiet for `idleMs` (all of them when null). */
export async function enqueueChatMemoryRuns(deps: ChatDeps, idleMs: number | null): Promise<number> {
  const rows = await deps.chatStore.sessions.dueForMemory(idleMs, SWEEP_BATCH);
  for (const row of rows) await deps.jobs.enqueue(CHAT_MEMORY_JOB, { sessionId: row.id }, { jobId: `chat-memory-${row.id}-at-${row.messageSeq}` });
  return rows.length;
}
