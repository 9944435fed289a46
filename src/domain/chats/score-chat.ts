import type { EntityManager } from '@mikro-orm/postgresql';
import { episodeScoreSchema, type RawEpisodeScore, type ScoreDetail } from '../../../agents/simulation/analysis/episode-score.schema';
import { scoreEpisodePrompt } from '../../../agents/simulation/analysis/prompts';
import type { ModelProvider } from '../../llm/model-provider.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { User } from '../accounts/user.entity';
import { ValidationError } from '../errors';
import { DIMENSIONS, type DimensionKey } from '../simulations/dimensions';
import { cleanDimensionScores, isDimension } from '../../../agents/simulation/analysis/clean-scores';
import { MESSAGE_COLUMNS, SPOKEN_SQL, withTexts, type ChatMessageRow } from './chat-message-view';
import { findOwnChat } from './find-own-chat';

/** The latest messages scored (a model's context is finite). */
const SCORED_MESSAGES = 80;

export interface ChatScore {
  sessionId: string;
  /** Mean of the dimension scores, 0–10. */
  overall: number;
  dimensions: { dimension: DimensionKey; score: number; reasoning: string; citedMessageIds: string[] }[];
  horsemen: RawEpisodeScore['horsemen'];
  positiveToNegativeRatio: number | null;
  criticalMoments: { messageId: string; quote: string; dimension: DimensionKey; impact: number; note: string }[];
  messagesScored: number;
  model: string;
}

/**
 * The analysis agent scores a chat (typically a branch, to compare "what if I had said
 * this") on the same dimensions as simulation episodes, citing message ids.
 */
export async function scoreChat(
  deps: { llm: ModelProvider; transcripts: TranscriptStore },
  em: EntityManager,
  ownerId: string,
  sessionId: string,
  detail: ScoreDetail,
): Promise<ChatScore> {
  const session = await findOwnChat(em, ownerId, sessionId);
  const rows = await em.getConnection().execute<ChatMessageRow[]>(
    `select ${MESSAGE_COLUMNS} from chat_messages where session_id = ? and active and ${SPOKEN_SQL} order by seq desc limit ?`,
    [session.id, SCORED_MESSAGES],
  );
  if (rows.length < 2) throw new ValidationError('sessionId', 'A chat needs at least one exchange to be scored');
  const messages = await withTexts(deps.transcripts, session.id, rows.reverse());
  const user = await em.findOneOrFail(User, ownerId);
  const partner = session.persona.getEntity().name;
  const ref = (i: number) => `t${i + 1}`;
  const byRef = new Map(messages.map((m, i) => [ref(i), m]));
  const transcript = messages.map((m, i) => `${ref(i)} ${m.role === 'USER' ? user.displayName : partner}: ${m.text.replace(/\n/g, ' ')}`).join('\n');
  const { value, model } = await deps.llm.structured<RawEpisodeScore>({
    tier: 'deep',
    temperature: 0,
    maxTokens: detail === 'full' ? 1800 : 1000,
    schema: episodeScoreSchema(detail),
    schemaName: 'episode_score',
    messages: [
      {
        role: 'user',
        content: scoreEpisodePrompt.render({
          self: user.displayName,
          partner,
          scene: 'A live chat between the user and the simulated partner.',
          goals: 'none set',
          transcript,
          dimensions: DIMENSIONS.map((d) => `- ${d.key}: ${d.description}`).join('\n'),
        }),
      },
    ],
    tag: { userId: ownerId, agent: 'analysis', node: 'score-chat', purpose: 'analysis', prompt: { name: scoreEpisodePrompt.name, version: scoreEpisodePrompt.version } },
  });
  const dimensions = cleanDimensionScores(value, (ref) => byRef.get(ref)?.id).map(({ citedIds, ...d }) => ({ ...d, citedMessageIds: citedIds }));
  const criticalMoments = (value.criticalMoments ?? []).flatMap((m) => {
    const message = byRef.get(m.turn);
    if (!message || !isDimension(m.dimension)) return [];
    return [{ messageId: message.id, quote: message.text.slice(0, 300), dimension: m.dimension, impact: m.impact, note: m.note }];
  });
  const overall = dimensions.length > 0 ? Math.round((dimensions.reduce((s, d) => s + d.score, 0) / dimensions.length) * 100) / 100 : 0;
  return {
    sessionId: session.id,
    overall,
    dimensions,
    horsemen: value.horsemen,
    positiveToNegativeRatio: value.negativeInteractions > 0 ? Math.round((value.positiveInteractions / value.negativeInteractions) * 100) / 100 : null,
    criticalMoments,
    messagesScored: messages.length,
    model,
  };
}
