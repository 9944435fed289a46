import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../stores/postgres/sql-executor';
import type { User } from '../accounts/user.entity';
import type { ChatDeps } from './chat-deps';
import type { ChatEngine } from './chat-engine';
import { systemEvent } from './chat-event-payloads';
import { SessionEvents } from './session-events';
import { rememberTurn } from './chat-history';
import { clientMessageId as validClientMessageId, messageContent } from './chat-input';
import { MESSAGE_COLUMNS, toMessageView, withTexts, type ChatMessageRow, type ChatMessageView } from './chat-message-view';
import { ChatPolicy } from './chat-policy';
import type { ChatSession } from './chat-session.entity';
import { findOwnChat } from './find-own-chat';
import { ReplyInProgressError } from './reply-in-progress.error';
import { screenUserMessage } from './screen-user-message';

/** Lost the race to store the same clientMessageId: the other request's message stands. */
class AlreadySent extends Error {}

export interface SentMessage {
  message: ChatMessageView;
  /** The reply that will answer it (follow it on chatEvents). */
  replyId: string | null;
}

/**
 * Stores the user's message (once moderation allows it) and queues the partner's reply, applying the session's policy
 * to a reply still being written. Idempotent by clientMessageId: a resend returns the stored
 * message and never queues a second reply. The text goes to the transcript store first; if
 * the rows cannot be written it is removed again, so nothing is half-written.
 */
export async function sendChatMessage(
  deps: ChatDeps & { engine: ChatEngine },
  em: EntityManager,
  user: User,
  input: { sessionId: string; content: string; clientMessageId: string },
): Promise<SentMessage> {
  const content = messageContent(input.content);
  const clientId = validClientMessageId(input.clientMessageId);
  const db = em.getConnection();
  // The resend check runs beside the ownership check; its answer is used only once the chat proved to be the caller's.
  const earlier = sqlRows<ChatMessageRow>(db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and client_message_id = ?`, [input.sessionId, clientId]).then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error }),
  );
  const session = await findOwnChat(em, user.id, input.sessionId);
  const checked = await earlier;
  if ('error' in checked) throw checked.error;
  if (checked.rows[0]) return resentMessage(deps, db, session.id, checked.rows);
  if (session.policy === ChatPolicy.REJECT) {
    const busy = await sqlRows<{ id: string }>(db, `select id from chat_messages where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') limit 1`, [session.id]);
    if (busy[0]) throw new ReplyInProgressError(busy[0].id);
  }

  await screenUserMessage(deps.llm, content);

  const messageId = randomUUID();
  const replyId = randomUUID();
  const now = new Date();
  // The text first: the rows never commit without it. (Not in parallel with the transaction:
  // an open transaction waiting for a pool connection of its own can starve the pool.)
  await deps.transcripts.append([
    {
      ownerId: user.id,
      conversationId: session.id,
      kind: 'CHAT',
      batchId: messageId,
      dedupeKey: messageId,
      sender: user.displayName,
      role: 'user',
      text: content,
      sentAt: now,
      metadata: { chatMessageId: messageId },
    },
  ]);
  let stored: { row: ChatMessageRow; withdrawn: { id: string; status: string }[] };
  try {
    stored = await em.transactional((tx) => storeRows(tx, session, { messageId, replyId, clientId, now }));
  } catch (err) {
    await deps.transcripts.deleteBatch(session.id, messageId);
    if (err instanceof AlreadySent) {
      const winner = await resent(deps, db, session.id, clientId);
      if (winner) return winner;
    }
    throw err;
  }

  const streaming = stored.withdrawn.filter((w) => w.status !== 'DISCARDED_QUEUED').map((w) => w.id);
  await deps.engine.withdraw(streaming);
  await (await SessionEvents.open(deps.chatEvents, session.id, session.eventSeq)).append([
    ...stored.withdrawn.filter((w) => w.status === 'DISCARDED_QUEUED').map((w) => systemEvent('REPLY_DISCARDED', { replyId: w.id })),
    systemEvent('USER_MESSAGE', { messageId, clientMessageId: clientId, seq: Number(stored.row.seq), replyId }),
  ]);
  await rememberTurn(deps, user.id, session.persona.id, { role: 'user', text: content, at: now.toISOString(), messageId });
  deps.engine.kick(session.id, { replyId, seq: Number(stored.row.seq) + 1, ownerId: user.id, personaId: session.persona.id });
  // The text was just stored: no need to read it back from the transcript store.
  return { message: toMessageView(stored.row, content), replyId };
}

async function resent(deps: ChatDeps, db: ReturnType<EntityManager['getConnection']>, sessionId: string, clientId: string): Promise<SentMessage | undefined> {
  const rows = await sqlRows<ChatMessageRow>(db, `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and client_message_id = ?`, [sessionId, clientId]);
  return rows[0] ? resentMessage(deps, db, sessionId, rows) : undefined;
}

/** The stored message a resend returns, and the reply that answers it. */
async function resentMessage(deps: ChatDeps, db: ReturnType<EntityManager['getConnection']>, sessionId: string, rows: ChatMessageRow[]): Promise<SentMessage> {
  const [message] = await withTexts(deps.transcripts, sessionId, rows);
  const reply = await sqlRows<{ id: string }>(db, `select id from chat_messages where session_id = ? and reply_to = ? order by version desc limit 1`, [sessionId, rows[0]!.id]);
  return { message: message!, replyId: reply[0]?.id ?? null };
}

/**
 * In one transaction: two positions (the message, its reply), the message row (unique per
 * clientMessageId) and the queued reply, in one statement (one round trip); then the
 * policy's effect on replies still pending.
 */
async function storeRows(
  tx: EntityManager,
  session: ChatSession,
  ids: { messageId: string; replyId: string; clientId: string; now: Date },
): Promise<{ row: ChatMessageRow; withdrawn: { id: string; status: string }[] }> {
  const db = tx.getConnection();
  const ctx = tx.getTransactionContext();
  const run = <T>(sql: string, params: unknown[]) => db.execute<T[]>(sql, params, 'all', ctx);
  // A resend that lost the race inserts no message, hence no reply; the transaction is rolled back (AlreadySent).
  const inserted = await run<ChatMessageRow>(
    `with positions as (
       update chat_sessions set message_seq = message_seq + 2, message_count = message_count + 1, last_activity_at = ? where id = ? returning message_seq
     ), message as (
       insert into chat_messages (id, session_id, seq, version, role, status, active, client_message_id, token_count, degraded, created_at)
       select ?, ?, message_seq - 1, 1, 'USER', 'SENT', true, ?, 0, false, ? from positions
       on conflict (session_id, client_message_id) do nothing returning ${MESSAGE_COLUMNS}
     ), reply as (
       insert into chat_messages (id, session_id, seq, version, role, status, active, reply_to, token_count, degraded, created_at)
       select ?, ?, seq + 1, 1, 'PARTNER', 'QUEUED', true, id, 0, false, ? from message
     )
     select * from message`,
    [ids.now, session.id, ids.messageId, session.id, ids.clientId, ids.now, ids.replyId, session.id, ids.now],
  );
  if (inserted.length === 0) throw new AlreadySent();

  let withdrawn: { id: string; status: string }[] = [];
  if (session.policy === ChatPolicy.INTERRUPT) {
    // The reply being written stops where it is and stays; replies not started yet are dropped.
    withdrawn = await run<{ id: string; status: string }>(
      `update chat_messages set status = (case when status = 'STREAMING' then 'INTERRUPTED' else 'DISCARDED' end)::chat_message_status,
         active = (status = 'STREAMING')
       where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') and id <> ?
       returning id, (case when active then 'INTERRUPTED' else 'DISCARDED_QUEUED' end) as status`,
      [session.id, ids.replyId],
    );
  } else if (session.policy === ChatPolicy.ROLLBACK) {
    // Every pending reply is withdrawn; the new reply answers all the messages since the last one.
    withdrawn = await run<{ id: string; status: string }>(
      `with pending as (select id, status from chat_messages where session_id = ? and role = 'PARTNER' and status in ('QUEUED', 'STREAMING') and id <> ? for update)
       update chat_messages m set status = 'DISCARDED', active = false from pending where m.id = pending.id
       returning m.id, (case when pending.status = 'QUEUED' then 'DISCARDED_QUEUED' else 'DISCARDED' end) as status`,
      [session.id, ids.replyId],
    );
  }
  return { row: inserted[0]!, withdrawn };
}
