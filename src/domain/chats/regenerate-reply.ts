import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors';
import type { ChatDeps } from './chat-deps';
import type { ReplyWriter } from '../../ports/reply-writer.port';
import { systemEvent } from './chat-event-payloads';
import { SessionEvents } from './session-events';
import { withTexts, type ChatMessageView } from './chat-message-view';
import { ChatMessageStatus, ChatRole } from './chat-message.entity';
import { findOwnChatMessage } from './find-own-chat';
import { ReplyInProgressError } from './reply-in-progress.error';

const REGENERABLE: readonly ChatMessageStatus[] = [ChatMessageStatus.COMPLETE, ChatMessageStatus.INTERRUPTED, ChatMessageStatus.FAILED];

/**
 * Writes the latest reply again. The current version stays as an alternative (listed under
 * `alternatives`); the new version takes its place and streams on chatEvents. Only the
 * latest reply: to change an earlier turn, fork the chat there.
 */
export async function regenerateReply(deps: ChatDeps & { engine: ReplyWriter }, em: EntityManager, ownerId: string, messageId: string): Promise<ChatMessageView> {
  const message = await findOwnChatMessage(em, ownerId, messageId);
  if (message.role !== ChatRole.PARTNER || !message.active || !REGENERABLE.includes(message.status)) {
    throw new ValidationError('messageId', 'Only a finished reply of the partner can be regenerated');
  }
  const sessionId = message.session.id;
  const messages = deps.chatStore.messages;
  const pending = await messages.pendingMessage(sessionId);
  if (pending) throw new ReplyInProgressError(pending);
  if (await messages.laterMessage(sessionId, message.seq)) throw new ValidationError('messageId', 'Only the latest reply can be regenerated; fork the chat to change an earlier turn');

  const replyId = randomUUID();
  // The old version stays as an alternative; the new one takes its place (one transaction).
  const row = await messages.queueRegeneration({ sessionId, messageId: message.id, seq: message.seq, replyTo: message.replyTo, replyId });
  if (!row) throw new ValidationError('messageId', 'This reply was already regenerated');
  await (await SessionEvents.open(deps.chatEvents, sessionId, message.session.getEntity().eventSeq)).append([systemEvent('REPLY_QUEUED', { replyId, regenerates: message.id, seq: message.seq })]);
  deps.engine.kick(sessionId);
  const [view] = await withTexts(deps.transcripts, sessionId, [row]);
  return view!;
}
