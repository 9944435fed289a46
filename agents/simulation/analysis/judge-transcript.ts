import { DIMENSION_KEYS, type DimensionKey, type Horseman } from '../../../src/kernel/simulation/dimensions';
import type { CallTag, ModelProvider, TokenUsage } from '../../../src/ports/model-provider.port';
import { cleanCriticalMoments, cleanDimensionScores, cleanHorsemen, interactionRatio, type CleanDimensionScore } from './clean-scores';
import { judgeGroupSchema, type RawEpisodeScore, type ScoreDetail } from './episode-score.schema';
import { judgeByProbabilities, type JudgeCall } from './judge-by-probabilities';
import { COUNTS_TASK, countEpisodePrompt, dimensionGuide, scoreEpisodePrompt } from './prompts';

/**
 * Brief mode (the small offline model) reads at most this much transcript, the latest lines:
 * its 2048-token context also holds the instructions and scene (~420 tokens) and, on the
 * counts call, the answer's shape (~200) and the answer (~160). A longer prompt is not
 * refused but cut by the model server wherever it fills up.
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

/** An answer is asked for once more when it left a dimension or the counts unusable. */
const RETRY_TEMPERATURE = 0.3;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Dimensions of `keys` the answer gave a numeric score. */
function scoredIn(value: unknown, keys: readonly DimensionKey[]): DimensionKey[] {
  const dims = isRecord(value) && isRecord(value.dimensions) ? value.dimensions : {};
  return keys.filter((k) => {
    const v = dims[k];
    return isRecord(v) && typeof v.score === 'number' && Number.isFinite(v.score);
  });
}

/**
 * The analysis agent's verdict on a transcript (deep tier, JSON schema): every dimension
 * 0–10 with reasoning, horsemen, interactions and the turns that swung it. The model cites
 * short refs ("t3"); they come back as the lines' ids, and refs to lines that do not exist
 * are dropped. Simulation episodes and live chats are judged by this one judge.
 *
 * A large model (`full`) answers in one call under the schema. A small one (`brief`) writes
 * no usable scores (TinyLlama under a grammar gave every dimension 0, whatever the episode):
 * its dimension scores are read off its answer probabilities (judgeByProbabilities), and it is
 * asked for the counts alone. An answer without a usable score for some dimension or without
 * the counts (or a failed call) is asked once more for what is missing, with a little sampling
 * so the retry is not the same answer. A dimension still unscored after that is left out —
 * shown as missing, never invented.
 */
export async function judgeTranscript<L extends JudgedLine>(
  llm: ModelProvider,
  input: Omit<JudgeInput, 'lines'> & { lines: readonly L[] },
  tag: Omit<CallTag, 'prompt'>,
  /** `signal` aborts the judge's model calls (an aborted judge fails at once: no retry, no further call); `onSending` as ChatRequest's. */
  call: JudgeCall = {},
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
  const context = { self: input.self, partner: input.partner, scene: input.scene, goals: input.goals, transcript: transcript || '(no turns)' };
  const ask = (keys: readonly DimensionKey[], withCounts: boolean, retry: boolean) =>
    llm.structured<RawEpisodeScore>({
      tier: 'deep',
      temperature: retry ? RETRY_TEMPERATURE : 0,
      ...(retry ? { seed: keys.length * 7 + 1 } : {}),
      // A brief answer carries only the counts (~120 tokens).
      maxTokens: brief ? 160 : 1800,
      schema: judgeGroupSchema(keys, input.detail, withCounts),
      schemaName: 'episode_score',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.onSending ? { onSending: call.onSending } : {}),
      messages: [{ role: 'user', content: keys.length > 0 ? scoreEpisodePrompt.render({ ...context, dimensions: dimensionGuide(keys), counts: withCounts ? COUNTS_TASK : '' }) : countEpisodePrompt.render({ ...context, counts: COUNTS_TASK }) }],
      tag: { ...tag, prompt: keys.length > 0 ? { name: scoreEpisodePrompt.name, version: scoreEpisodePrompt.version } : { name: countEpisodePrompt.name, version: countEpisodePrompt.version } },
    });

  const value: RawEpisodeScore = { dimensions: {}, horsemen: { criticism: 0, contempt: 0, defensiveness: 0, stonewalling: 0 }, positiveInteractions: 0, negativeInteractions: 0, criticalMoments: [] };
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  let model = '';
  // A small model's dimension scores are read off its answer probabilities; it is asked for the counts alone.
  const probed = brief ? await judgeByProbabilities(llm, context, tag, call) : null;
  if (probed) {
    model = probed.model;
    usage.promptTokens += probed.usage.promptTokens;
    usage.completionTokens += probed.usage.completionTokens;
  }
  let missing: readonly DimensionKey[] = brief ? [] : DIMENSION_KEYS;
  let countsMissing = true;
  for (let attempt = 0; attempt < 2 && (missing.length > 0 || countsMissing); attempt++) {
    const retry = attempt > 0;
    let answer: Awaited<ReturnType<typeof ask>>;
    try {
      call.signal?.throwIfAborted();
      answer = await ask(missing, countsMissing, retry);
    } catch (error) {
      // The model failed outright: once more, then the error stands (no score is invented).
      // An aborted judge is not asked again.
      if (retry || call.signal?.aborted) throw error;
      continue;
    }
    model = answer.model;
    usage.promptTokens += answer.usage.promptTokens;
    usage.completionTokens += answer.usage.completionTokens;
    const scored = scoredIn(answer.value, missing);
    const dims = isRecord(answer.value?.dimensions) ? answer.value.dimensions : {};
    for (const key of scored) value.dimensions[key] = dims[key] as RawEpisodeScore['dimensions'][DimensionKey];
    missing = missing.filter((k) => !scored.includes(k));
    if (countsMissing && isRecord(answer.value?.horsemen)) {
      Object.assign(value, {
        horsemen: answer.value.horsemen,
        positiveInteractions: answer.value.positiveInteractions,
        negativeInteractions: answer.value.negativeInteractions,
        criticalMoments: answer.value.criticalMoments,
      });
      countsMissing = false;
    }
  }
  const verdict: Verdict<L> = {
    dimensions: probed ? probed.dimensions : cleanDimensionScores(value, (r) => byRef.get(r)?.id),
    horsemen: cleanHorsemen(value),
    positiveToNegativeRatio: interactionRatio(value),
    criticalMoments: cleanCriticalMoments(value, (r) => byRef.get(r)),
  };
  return { verdict, model, usage };
}
