import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScoreDetail } from '../../../agents/simulation/analysis/episode-score.schema';
import { judgeTranscript } from '../../../agents/simulation/analysis/judge-transcript';
import { measureTranscript } from '../../../agents/simulation/analysis/measure-transcript';
import type { ConversationMeasures } from '../../kernel/measures';
import type { ModelProvider } from '../../ports/model-provider.port';
import type { ChatStore } from '../../ports/chat-store.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { User } from '../accounts/user.entity';
import { ValidationError } from '../errors';
import type { DimensionKey, Horseman } from '../../kernel/simulation/dimensions';
import { ChatRole } from './chat-message.entity';
import { withTexts } from './chat-message-view';
import { findOwnChat } from './find-own-chat';

/** The latest messages scored (a model's context is finite). */
const SCORED_MESSAGES = 80;

export interface ChatScore {
  sessionId: string;
  /** Mean of the dimension scores, 0–10; null when the judge scored none. */
  overall: number | null;
  /** The dimensions the judge scored; one it left out is absent, never filled in. */
  dimensions: { dimension: DimensionKey; score: number; reasoning: string; citedMessageIds: string[] }[];
  horsemen: Record<Horseman, number>;
  positiveToNegativeRatio: number | null;
  criticalMoments: { messageId: string; quote: string; dimension: DimensionKey; impact: number; note: string }[];
  messagesScored: number;
  model: string;
  /** Conversation measures of the same messages (no model): speakers = [user, partner], citing message ids. */
  measures: ConversationMeasures;
}

/**
 * The analysis agent scores a chat (typically a branch, to compare "what if I had said
 * this") on the same dimensions as simulation episodes, citing message ids; the same
 * messages are measured by the conversation-measures kernel.
 */
export async function scoreChat(
  deps: { llm: ModelProvider; transcripts: TranscriptStore; chatStore: ChatStore },
  em: EntityManager,
  ownerId: string,
  sessionId: string,
  detail: ScoreDetail,
): Promise<ChatScore> {
  const session = await findOwnChat(em, ownerId, sessionId);
  const rows = await deps.chatStore.messages.latestSpoken(session.id, SCORED_MESSAGES);
  if (rows.length < 2) throw new ValidationError('sessionId', 'A chat needs at least one exchange to be scored');
  const messages = await withTexts(deps.transcripts, session.id, rows.reverse());
  const user = await em.findOneOrFail(User, ownerId);
  const partner = session.persona.getEntity().name;
  // A reply is "sent" when it finished streaming; its row is created when it was queued.
  const measures = measureTranscript(
    messages.map((m) => ({ id: m.id, side: m.role === ChatRole.USER ? 'self' : 'partner', text: m.text, sentAt: m.role === ChatRole.USER ? m.createdAt : (m.completedAt ?? m.createdAt) })),
    { self: user.displayName, partner },
  );
  const { verdict, model } = await judgeTranscript(
    deps.llm,
    {
      self: user.displayName,
      partner,
      scene: 'A live chat between the user and the simulated partner.',
      goals: 'none set',
      lines: messages.map((m) => ({ ...m, name: m.role === ChatRole.USER ? user.displayName : partner })),
      detail,
    },
    { userId: ownerId, agent: 'analysis', node: 'score-chat', purpose: 'analysis' },
  );
  const dimensions = verdict.dimensions.map(({ citedIds, ...d }) => ({ ...d, citedMessageIds: citedIds }));
  const overall = dimensions.length > 0 ? Math.round((dimensions.reduce((s, d) => s + d.score, 0) / dimensions.length) * 100) / 100 : null;
  return {
    sessionId: session.id,
    overall,
    dimensions,
    horsemen: verdict.horsemen,
    positiveToNegativeRatio: verdict.positiveToNegativeRatio,
    criticalMoments: verdict.criticalMoments.map(({ line, ...m }) => ({ messageId: line.id, quote: line.text.slice(0, 300), ...m })),
    messagesScored: messages.length,
    model,
    measures,
  };
}
