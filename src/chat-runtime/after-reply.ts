import { suggestReplies } from '../../agents/live-chat/suggest-replies';
import { titleChat } from '../../agents/live-chat/title-chat';
import { DomainError } from '../domain/errors';
import { CHAT_MEMORY_JOB, MESSAGES_PER_MEMORY_RUN } from '../domain/memories/chat-memory-jobs';
import type { ChatDeps } from '../domain/chats/chat-deps';
import { systemEvent } from '../domain/chats/chat-event-payloads';
import type { SpokenReply } from './generate-reply';
import { raiseEventFloor } from '../domain/chats/session-events';

/**
 * What follows a reply, beside the conversation: the coach's suggestions (SUGGESTIONS), the
 * automatic title after the first exchange (SYSTEM TITLE), and the memory job every 50
 * messages. Each part fails on its own: a coach outage is an ERROR event, not a lost reply.
 */
export async function afterReply(deps: ChatDeps, reply: SpokenReply): Promise<void> {
  await Promise.all([coach(deps, reply), title(deps, reply), memoryCheckpoint(deps, reply)]);
  await raiseEventFloor(deps.chatStore.sessions, reply.session.id, reply.events.lastSeq);
}

async function coach(deps: ChatDeps, reply: SpokenReply): Promise<void> {
  const { session } = reply;
  try {
    const coachNotes = await deps.memories
      .list({ userId: session.owner.id, personaId: session.persona.id, view: 'coach', limit: 3 })
      .then((items) => items.map((m) => m.text))
      .catch((err: Error) => {
        deps.logger.warn({ err: err.message, component: 'memory' }, 'coach notes unavailable');
        return [] as string[];
      });
    const turns = [...reply.history.slice(-8).map((t) => ({ speaker: t.role, text: t.text })), { speaker: 'partner' as const, text: reply.text }];
    const { replies, tip } = await suggestReplies(
      { llm: deps.llm },
      { userId: session.owner.id, userName: reply.userName, partnerName: session.persona.getEntity().name, turns, coachNotes },
    );
    await reply.events.append([{ type: 'SUGGESTIONS', payload: { replyId: reply.replyId, replies, tip } }]);
  } catch (err) {
    if (!(err instanceof DomainError)) deps.logger.error({ err, sessionId: session.id }, 'coach failed');
    const code = err instanceof DomainError ? err.code : 'AI_SERVICE_UNAVAILABLE';
    await reply.events.append([
      { type: 'ERROR', payload: { replyId: reply.replyId, source: 'coach', code, message: 'Suggestions are not available for this reply', retryable: code !== 'QUOTA_EXCEEDED' } },
    ]);
  }
}

async function title(deps: ChatDeps, reply: SpokenReply): Promise<void> {
  const { session } = reply;
  if (session.title !== null || session.titleByUser) return;
  const firstUser = reply.history.find((t) => t.role === 'user');
  if (!firstUser) return;
  try {
    const text = await titleChat({ llm: deps.llm }, { userId: session.owner.id, partnerName: session.persona.getEntity().name, firstUserText: firstUser.text, firstReplyText: reply.text });
    // Only the first title sticks, and never over the user's own.
    if (await deps.chatStore.sessions.setAutoTitle(session.id, text.slice(0, 120))) await reply.events.append([systemEvent('TITLE', { title: text.slice(0, 120) })]);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message, sessionId: session.id }, 'automatic chat title failed; the chat stays untitled');
  }
}

async function memoryCheckpoint(deps: ChatDeps, reply: SpokenReply): Promise<void> {
  // The counters the completed reply was stored with, when it says; else the session's now.
  const row = reply.counters ?? (await deps.chatStore.sessions.counters(reply.session.id));
  if (!row || row.messageSeq - row.memorySeq < MESSAGES_PER_MEMORY_RUN) return;
  const bucket = Math.floor(row.messageSeq / MESSAGES_PER_MEMORY_RUN);
  try {
    await deps.jobs.enqueue(CHAT_MEMORY_JOB, { sessionId: reply.session.id }, { jobId: `chat-memory-${reply.session.id}-${bucket}` });
  } catch (err) {
    // The idle sweep and the nightly run catch up on what this misses.
    deps.logger.warn({ err: (err as Error).message, sessionId: reply.session.id }, 'could not enqueue the memory job');
  }
}
