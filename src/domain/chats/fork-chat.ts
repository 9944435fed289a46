import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity';
import { ValidationError } from '../errors';
import type { NewTranscriptMessage } from '../../ports/transcript-store.port';
import type { ChatDeps } from './chat-deps';
import type { ReplyWriter } from '../../ports/reply-writer.port';
import { messageContent } from './chat-input';
import { screenUserMessage } from './screen-user-message';
import { ChatMessageStatus } from './chat-message.entity';
import { ChatSession } from './chat-session.entity';
import { deleteChat } from './delete-chat';
import { findOwnChatMessage } from './find-own-chat';
import { sendChatMessage } from './send-chat-message';

/** Most messages a fork copies (a conversation longer than this forks from its latest part). */
const MAX_FORK_MESSAGES = 2_000;

/**
 * Starts a branch: a new chat holding the conversation up to and including `messageId`, so
 * the user can try "what if I had said this". With `content`, that message is sent in the
 * branch at once and its reply streams on the new chat's events. The branch's history is
 * already in long-term memory through the original, so its memory watermark starts at the
 * fork point.
 *
 * A refused fork leaves nothing behind: `content` is checked before anything is written, and
 * if sending it in the branch fails anyway (a reply in progress, a quota, a store outage),
 * the branch is deleted again before the error reaches the caller.
 */
export async function forkChat(
  deps: ChatDeps & { engine: ReplyWriter },
  em: EntityManager,
  user: User,
  input: { messageId: string; content?: string | null },
): Promise<ChatSession> {
  const content = input.content === null || input.content === undefined ? null : messageContent(input.content);
  // A refused message must not leave a branch behind: checked before the fork is written.
  if (content !== null) await screenUserMessage(deps.llm, content);
  const at = await findOwnChatMessage(em, user.id, input.messageId);
  if (!at.active || ![ChatMessageStatus.SENT, ChatMessageStatus.COMPLETE, ChatMessageStatus.INTERRUPTED].includes(at.status)) {
    throw new ValidationError('messageId', 'A chat can be forked at a message of the conversation (not a withdrawn, failed or unfinished reply)');
  }
  const parent = at.session.getEntity();
  const rows = await deps.chatStore.messages.latestSpoken(parent.id, MAX_FORK_MESSAGES, at.seq);
  rows.reverse();
  const texts = new Map((await findTexts(deps, parent.id, rows.map((r) => r.id))).map((m) => [m.dedupeKey, m]));

  const forkId = randomUUID();
  const copies = rows.map((r, i) => ({ row: r, id: randomUUID(), seq: i + 1 }));
  const oldToNew = new Map(copies.map((c) => [c.row.id, c.id]));
  const transcript: NewTranscriptMessage[] = copies.flatMap((c) => {
    const original = texts.get(c.row.id);
    if (!original) return [];
    return [{ ...pick(original), conversationId: forkId, batchId: forkId, dedupeKey: c.id, metadata: { chatMessageId: c.id, copiedFrom: c.row.id } }];
  });
  await deps.transcripts.append(transcript);
  try {
    await deps.chatStore.sessions.createFork(
      {
        id: forkId,
        ownerId: user.id,
        personaId: parent.persona.id,
        scenarioId: parent.scenarioId,
        title: parent.title ? `${parent.title} (branch)`.slice(0, 120) : null,
        policy: parent.policy,
        parentId: parent.id,
        forkedFromMessageId: at.id,
        messageSeq: rows.length,
        messageCount: rows.length,
        memorySeq: rows.length,
        at: deps.clock.now(),
      },
      copies.map((c) => ({
        id: c.id,
        seq: c.seq,
        role: c.row.role,
        status: c.row.status,
        replyTo: c.row.replyTo ? (oldToNew.get(c.row.replyTo) ?? null) : null,
        tokenCount: c.row.tokenCount,
        degraded: c.row.degraded,
        createdAt: c.row.createdAt,
        completedAt: c.row.completedAt,
      })),
    );
  } catch (err) {
    await deps.transcripts.deleteConversation(forkId);
    throw err;
  }
  const fork = await em.findOneOrFail(ChatSession, forkId, { populate: ['persona'] });
  if (content !== null) {
    try {
      await sendChatMessage(deps, em, user, { sessionId: fork.id, content, clientMessageId: `fork-${fork.id}` });
    } catch (err) {
      await deleteChat(deps, em, user.id, fork.id).catch((cleanup: unknown) => deps.logger.error({ err: cleanup, chatId: fork.id }, 'could not remove a refused fork'));
      throw err;
    }
  }
  return fork;
}

async function findTexts(deps: ChatDeps, sessionId: string, ids: string[]) {
  const out = [];
  // The store looks up at most 1,000 keys at a time.
  for (let i = 0; i < ids.length; i += 1000) out.push(...(await deps.transcripts.findByDedupeKeys(sessionId, ids.slice(i, i + 1000))));
  return out;
}

function pick(m: NewTranscriptMessage): Omit<NewTranscriptMessage, 'conversationId' | 'batchId' | 'dedupeKey' | 'metadata'> {
  return { ownerId: m.ownerId, kind: m.kind, sender: m.sender, role: m.role, text: m.text, sentAt: m.sentAt };
}
