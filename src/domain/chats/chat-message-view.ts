import type { TranscriptStore } from '../../ports/transcript-store.port';
import { ChatMessageStatus, ChatRole } from './chat-message.entity';

/** A chat message as clients see it: the row's state plus its text from the transcript store. */
export interface ChatMessageView {
  id: string;
  sessionId: string;
  seq: number;
  version: number;
  role: ChatRole;
  status: ChatMessageStatus;
  active: boolean;
  /** '' while a reply is queued or streaming (the text arrives as AI_CHUNK events). */
  text: string;
  replyTo: string | null;
  clientMessageId: string | null;
  tokenCount: number;
  degraded: boolean;
  createdAt: Date;
  completedAt: Date | null;
}

/** A chat_messages row as raw SQL returns it. */
export interface ChatMessageRow {
  id: string;
  session_id: string;
  seq: number;
  version: number;
  role: ChatRole;
  status: ChatMessageStatus;
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
export const SPOKEN_STATUSES: readonly ChatMessageStatus[] = [ChatMessageStatus.SENT, ChatMessageStatus.COMPLETE, ChatMessageStatus.INTERRUPTED];
export const SPOKEN_SQL = `status in ('SENT', 'COMPLETE', 'INTERRUPTED')`;

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** Rows plus their texts, fetched from the transcript store in one lookup. */
export async function withTexts(transcripts: TranscriptStore, sessionId: string, rows: ChatMessageRow[]): Promise<ChatMessageView[]> {
  const keyed = rows.filter((r) => SPOKEN_STATUSES.includes(r.status));
  const stored = keyed.length > 0 ? await transcripts.findByDedupeKeys(sessionId, keyed.map((r) => r.id)) : [];
  const texts = new Map(stored.map((m) => [m.dedupeKey, m.text]));
  return rows.map((r) => toMessageView(r, texts.get(r.id) ?? ''));
}

/** One row as clients see it, with its text (when the caller already has it). */
export function toMessageView(r: ChatMessageRow, text: string): ChatMessageView {
  return {
    id: r.id,
    sessionId: r.session_id,
    seq: Number(r.seq),
    version: Number(r.version),
    role: r.role,
    status: r.status,
    active: r.active,
    text,
    replyTo: r.reply_to,
    clientMessageId: r.client_message_id,
    tokenCount: Number(r.token_count),
    degraded: r.degraded,
    createdAt: toDate(r.created_at),
    completedAt: r.completed_at === null ? null : toDate(r.completed_at),
  };
}
