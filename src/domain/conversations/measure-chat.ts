import type { EntityManager } from '@mikro-orm/postgresql';
import { measureConversation, type ConversationMeasures, type ConversationMessage } from '../../kernel/measures';
import type { ChatStore } from '../../ports/chat-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { User } from '../accounts/user.entity';
import { withTexts } from '../chats/chat-message-view';
import { ChatRole } from '../chats/chat-message.entity';
import { findOwnChat } from '../chats/find-own-chat';

/** The transcript store answers at most 1,000 keys per lookup (TRANSCRIPT_LIMITS.maxGetByIds). */
const TEXT_BATCH = 1000;

/**
 * The conversation measures of a live chat: the user (side 0) and the simulated partner
 * (side 1), over the current branch's spoken messages (what the chat shows: active versions,
 * sent, complete or interrupted; queued and discarded replies left out). Owner-only
 * (CHAT_NOT_FOUND otherwise). Deterministic and free: no model is called, unlike scoreChat.
 * A reply's time is when it finished streaming (its row is created when it is queued, which
 * can be long before), the same rule scoreChat's measures use, so both read the same numbers.
 */
export async function measureChat(deps: { em: EntityManager; transcripts: TranscriptStore; chatStore: ChatStore }, ownerId: string, sessionId: string): Promise<ConversationMeasures> {
  const session = await findOwnChat(deps.em, ownerId, sessionId);
  const rows = await deps.chatStore.messages.allSpoken(session.id);
  const user = await deps.em.findOneOrFail(User, ownerId);
  const partnerName = session.persona.getEntity().name;
  // Two sides must have two names, or the kernel would read one speaker.
  const userName = user.displayName === partnerName ? `${user.displayName} (you)` : user.displayName;
  const messages: ConversationMessage[] = [];
  for (let i = 0; i < rows.length; i += TEXT_BATCH) {
    for (const m of await withTexts(deps.transcripts, session.id, rows.slice(i, i + TEXT_BATCH))) {
      messages.push({ id: m.id, speaker: m.role === ChatRole.USER ? userName : partnerName, text: m.text, sentAt: m.role === ChatRole.USER ? m.createdAt : (m.completedAt ?? m.createdAt) });
    }
  }
  return measureConversation(messages, { speakers: [userName, partnerName] });
}
