import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../stores/postgres/sql-executor';
import { ValidationError } from '../errors';
import type { ChatDeps } from './chat-deps';
import type { ChatEngine } from './chat-engine';
import { systemEvent } from './chat-event-payloads';
import { SessionEvents } from './session-events';
import { MESSAGE_COLUMNS, withTexts, type ChatMessageRow, type ChatMessageView } from './chat-message-view';
import { ChatMessageStatus, ChatRole } from './chat-message.entity';
import { findOwnChatMessage } from './find-own-chat';
import { ReplyInProgressError } from './reply-in-progress.error';

const REGENERABLE: readonly ChatMessageStatus[] = [ChatMessageStatus.COMPLETE, ChatMessageStatus.INTERRUPTED, ChatMessageStatus.FAILED];

/**
 * Writes the latest reply again. The current version stays as an alternative (listed under
 * `alternatives`); the new version takes its place and streams on chatEvents. Only the
 * latest reply: to change an earlier turn, fork the chat there.
 */
export async function regenerateReply(deps: ChatDeps & { engine: ChatEngine }, em: EntityManager, ownerId: string, messageId: string): Promise<ChatMessageView> {
  const message = await findOwnChatMessage(em, ownerId, messageId);
  if (message.role !== ChatRole.PARTNER || !message.active || !REGENERABLE.includes(message.status)) {
    throw new ValidationError('messageId', 'Only a finished reply of the partner can be regenerated');
  }
  const sessionId = message.session.id;
  const db = em.getConnection();
  const pending = await sqlRows<{ id: string }>(db, `select id from chat_messages where session_id = ? and status in ('QUEUED', 'STREAMING') limit 1`, [sessionId]);
  if (pending[0]) throw new ReplyInProgressError(pending[0].id);
  const later = await sqlRows<{ id: string }>(db, `select id from chat_messages where session_id = ? and active and status <> 'DISCARDED' and seq > ? limit 1`, [sessionId, message.seq]);
  if (later[0]) throw new ValidationError('messageId', 'Only the latest reply can be regenerated; fork the chat to change an earlier turn');

  const replyId = randomUUID();
  const row = await em.transactional(async (tx) => {
    const ctx = tx.getTransactionContext();
    const conn = tx.getConnection();
    const retired = await conn.execute<{ status: string }[]>(
      `update chat_messages set active = false where id = ? and active returning status`,
      [message.id],
      'all',
      ctx,
    );
    if (retired.length === 0) throw new ValidationError('messageId', 'This reply was already regenerated');
    // The old version no longer counts as a visible message; the new one counts when it finishes.
    if (retired[0]!.status !== 'FAILED') await conn.execute('update chat_sessions set message_count = message_count - 1 where id = ?', [sessionId], 'all', ctx);
    const inserted = await conn.execute<ChatMessageRow[]>(
      `insert into chat_messages (id, session_id, seq, version, role, status, active, reply_to, token_count, degraded, created_at)
       select ?, ?, ?, max(version) + 1, 'PARTNER', 'QUEUED', true, ?, 0, false, now() from chat_messages where session_id = ? and seq = ?
       returning ${MESSAGE_COLUMNS}`,
      [replyId, sessionId, message.seq, message.replyTo, sessionId, message.seq],
      'all',
      ctx,
    );
    return inserted[0]!;
  });
  await (await SessionEvents.open(deps.chatEvents, sessionId, message.session.getEntity().eventSeq)).append([systemEvent('REPLY_QUEUED', { replyId, regenerates: message.id, seq: message.seq })]);
  deps.engine.kick(sessionId);
  const [view] = await withTexts(deps.transcripts, sessionId, [row]);
  return view!;
}
