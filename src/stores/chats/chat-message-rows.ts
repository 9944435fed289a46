import type { SpokenTurnRef, StoredChatMessage, StoredChatRole, StoredChatStatus } from '../../ports/chat-store.port';

/** A chat_messages row as raw SQL returns it. */
export interface ChatMessageRow {
  id: string;
  session_id: string;
  seq: number;
  version: number;
  role: StoredChatRole;
  status: StoredChatStatus;
  active: boolean;
  reply_to: string | null;
  client_message_id: string | null;
  token_count: number;
  degraded: boolean;
  created_at: Date | string;
  completed_at: Date | string | null;
}

export const MESSAGE_COLUMNS = 'id, session_id, seq, version, role, status, active, reply_to, client_message_id, token_count, degraded, created_at, completed_at';

/** Statuses that belong to the conversation (what prompts, memory and readers see). */
export const SPOKEN_SQL = `status in ('SENT', 'COMPLETE', 'INTERRUPTED')`;

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export function toStoredMessage(r: ChatMessageRow): StoredChatMessage {
  return {
    id: r.id,
    sessionId: r.session_id,
    seq: Number(r.seq),
    version: Number(r.version),
    role: r.role,
    status: r.status,
    active: r.active,
    replyTo: r.reply_to,
    clientMessageId: r.client_message_id,
    tokenCount: Number(r.token_count),
    degraded: r.degraded,
    createdAt: toDate(r.created_at),
    completedAt: r.completed_at === null ? null : toDate(r.completed_at),
  };
}

export function toSpokenTurn(r: { id: string; role: StoredChatRole; created_at: Date | string }): SpokenTurnRef {
  return { id: r.id, role: r.role, createdAt: toDate(r.created_at) };
}
