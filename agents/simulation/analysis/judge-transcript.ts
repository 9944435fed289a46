import type { DimensionKey, Horseman } from '../../../src/kernel/simulation/dimensions';
import type { CallTag, ModelProvider, TokenUsage } from '../../../src/llm/model-provider.port';
import { cleanCriticalMoments, cleanDimensionScores, cleanHorsemen, interactionRatio, type CleanDimensionScore } from './clean-scores';
import { episodeScoreSchema, type RawEpisodeScore, type ScoreDetail } from './episode-score.schema';
import { dimensionGuide, scoreEpisodePrompt } from './prompts';

/**
 * Brief mode (the small offline model) reads at most this much transcript, the latest lines:
 * its 2048-token context also holds the schema (~640 tokens, which the offline server puts in
 * the prompt), the instructions and scene (~420) and the answer (~460). A longer prompt is
 * not refused but cut by the model server wherever it fills up.
 */
const BRIEF_TRANSCRIPT_CHARS = 1800;
const BRIEF_LINE_CHARS = 400;

/** How many of the last lines fit in `budget` characters (at least one). */
function latestWithin(lines: readonly string[], budget: number): number {
  let used = 0;
  let count = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    used += lines[i]!.length + 1;
    if (used > budget && count > 0) break;
    count += 1;
  }
  return count;
}

/** One line of the transcript the judge reads (an episode turn or a chat message). */
export interface JudgedLine {
  id: string;
  name: string;
  text: string;
}

export interface JudgeInput {
  self: string;
  partner: string;
  scene: string;
  goals: string;
  lines: readonly JudgedLine[];
  detail: ScoreDetail;
}

export interface Verdict<L extends JudgedLine> {
  /** Cleaned, in DIMENSIONS order; a dimension the model did not score is absent. */
  dimensions: CleanDimensionScore[];
  horsemen: Record<Horseman, number>;
  positiveToNegativeRatio: number | null;
  criticalMoments: { line: L; dimension: DimensionKey; impact: number; note: string }[];
}

/**
 * The analysis agent's verdict on a transcript (deep tier, JSON schema): every dimension
 * 0–10 with reasoning, horsemen, interactions and the turns that swung it. The model cites
 * short refs ("t3"); they come back as the lines' ids, and refs to lines that do not exist
 * are dropped. Simulation episodes and live chats are judged by this one call.
 */
export async function judgeTranscript<L extends JudgedLine>(
  llm: ModelProvider,
  input: Omit<JudgeInput, 'lines'> & { lines: readonly L[] },
  tag: Omit<CallTag, 'prompt'>,
): Promise<{ verdict: Verdict<L>; model: string; usage: TokenUsage }> {
  const ref = (i: number) => `t${i + 1}`;
  const brief = input.detail === 'brief';
  const rendered = input.lines.map((line, i) => {
    const text = line.text.replace(/\s*\n\s*/g, ' ');
    return `${ref(i)} ${line.name}: ${brief && text.length > BRIEF_LINE_CHARS ? `${text.slice(0, BRIEF_LINE_CHARS)}…` : text}`;
  });
  const first = brief ? rendered.length - latestWithin(rendered, BRIEF_TRANSCRIPT_CHARS) : 0;
  // Refs keep their numbering when earlier lines are left out; only shown lines can be cited.
  const byRef = new Map(input.lines.slice(first).map((line, i) => [ref(first + i), line]));
  const transcript = [...(first > 0 ? [`(${first} earlier lines left out)`] : []), ...rendered.slice(first)].join('\n');
  const { value, model, usage } = await llm.structured<RawEpisodeScore>({
    tier: 'deep',
    temperature: 0,
    maxTokens: input.detail === 'full' ? 1800 : 1000,
    schema: episodeScoreSchema(input.detail),
    schemaName: 'episode_score',
    messages: [
      {
        role: 'user',
        content: scoreEpisodePrompt.render({
          self: input.self,
          partner: input.partner,
          scene: input.scene,
          goals: input.goals,
          transcript: transcript || '(no turns)',
          dimensions: dimensionGuide(input.detail),
        }),
      },
    ],
    tag: { ...tag, prompt: { name: scoreEpisodePrompt.name, version: scoreEpisodePrompt.version } },
  });
  const verdict: Verdict<L> = {
    dimensions: cleanDimensionScores(value, (r) => byRef.get(r)?.id),
    horsemen: cleanHorsemen(value),
    positiveToNegativeRatio: interactionRatio(value),
    criticalMoments: cleanCriticalMoments(value, (r) => byRef.get(r)),
  };
  return { verdict, model, usage };
}
