import DataLoader from 'dataloader';
import type { ChatMessageView } from '../../src/domain/chats/chat-message-view';
import { listAlternativesOfMany } from '../../src/domain/chats/list-chat-messages';
import type { ChatStore } from '../../src/ports/chat-store.port';
import type { TranscriptStore } from '../../src/ports/transcript-store.port';

/** A message whose earlier versions are wanted. */
export interface AlternativesKey {
  id: string;
  sessionId: string;
  seq: number;
}

/** Most keys in one batch: bounds the statement's parameter list (a page holds at most a few hundred messages). */
const MAX_BATCH = 1000;

/**
 * `ChatMessage.alternatives` for every message of a page in one batch: a 200-message
 * `sharedChat` costs one query and one transcript lookup instead of two per message.
 */
export function chatMessageAlternativesLoader(deps: { transcripts: TranscriptStore; chatStore: ChatStore }): DataLoader<AlternativesKey, ChatMessageView[]> {
  // Batching only, no memo: a subscription's context lives as long as the stream, and a
  // cached answer would go stale there; within one list every key is a different message anyway.
  return new DataLoader((keys) => listAlternativesOfMany(deps, keys), { cache: false, maxBatchSize: MAX_BATCH });
}
