import type { StoredChatMessage } from '../../ports/chat-store.port';
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

/** Statuses that belong to the conversation (what prompts, memory and readers see). */
export const SPOKEN_STATUSES: readonly ChatMessageStatus[] = [ChatMessageStatus.SENT, ChatMessageStatus.COMPLETE, ChatMessageStatus.INTERRUPTED];

/** Stored messages plus their texts, fetched from the transcript store in one lookup. */
export async function withTexts(transcripts: TranscriptStore, sessionId: string, messages: StoredChatMessage[]): Promise<ChatMessageView[]> {
  const keyed = messages.filter((m) => (SPOKEN_STATUSES as readonly string[]).includes(m.status));
  const stored = keyed.length > 0 ? await transcripts.findByDedupeKeys(sessionId, keyed.map((m) => m.id)) : [];
  const texts = new Map(stored.map((m) => [m.dedupeKey, m.text]));
  return messages.map((m) => messageView(m, texts.get(m.id) ?? ''));
}

/** One stored message as clients see it, with its text (when the caller already has it). */
export function messageView(m: StoredChatMessage, text: string): ChatMessageView {
  return { ...m, role: m.role as ChatRole, status: m.status as ChatMessageStatus, text };
}
