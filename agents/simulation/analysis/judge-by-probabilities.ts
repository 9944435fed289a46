import { DIMENSION_KEYS, type DimensionKey } from '../../../src/kernel/simulation/dimensions';
import type { AnswerDistribution, CallTag, ChatRequest, ModelProvider, TokenUsage } from '../../../src/ports/model-provider.port';
import type { CleanDimensionScore } from './clean-scores';
import { BALANCED_QUESTIONS, CONTENT_FREE, judgeQuestionPrompt } from './prompts';

/** What the questions are asked about. */
/** What a caller of the judge controls about its model calls. */
export type JudgeCall = Pick<ChatRequest, 'signal' | 'onSending'>;

export interface QuestionContext {
  self: string;
  partner: string;
  scene: string;
  goals: string;
  transcript: string;
}

/**
 * A question whose answer put no probability at all on "yes" or "no" among the model's 20
 * likeliest first tokens gets no score. Any mass above that is normalised, as G-Eval and
 * contextual calibration define it (no threshold of our own); the mass is shown with the score.
 */
export const MIN_ANSWER_MASS = 0;

/** Guards the calibration's division when the content-free answer puts (almost) nothing on one option. */
const FLOOR = 1e-6;

/**
 * P(yes) after contextual calibration (Zhao et al. 2021, "Calibrate Before Use"): each
 * option's probability divided by the probability the model gives it for the same question
 * with a content-free transcript, renormalised. What remains is what the transcript moved.
 */
export function calibratedYes(answer: Pick<AnswerDistribution, 'probabilities'>, contentFree: Pick<AnswerDistribution, 'probabilities'>): number {
  const yes = answer.probabilities[0]! / Math.max(FLOOR, contentFree.probabilities[0]!);
  const no = answer.probabilities[1]! / Math.max(FLOOR, contentFree.probabilities[1]!);
  return yes + no > 0 ? yes / (yes + no) : 0.5;
}

/**
 * A dimension's 0–10 score from its two calibrated answers: the mean agreement over the
 * balanced pair (P(yes) to the positive question, P(no) to the reverse-keyed one), times 10.
 */
export function balancedScore(agree: number, disagree: number): number {
  return Math.round(((agree + 1 - disagree) / 2) * 100) / 10;
}

const fill = (question: string, ctx: QuestionContext) => question.replaceAll('{{self}}', ctx.self).replaceAll('{{partner}}', ctx.partner);
const percent = (p: number) => p.toFixed(2);

/**
 * The small-model judge: every dimension scored from the model's answer probabilities rather
 * than from text it writes (G-Eval's probability-weighted scoring, Liu et al. 2023, on a
 * yes/no scale, which a 1B model answers where it does not use a 1–5 one: measured on
 * TinyLlama, a "Rating:" prefix put 90% of its mass on digits but rated a warm and a hostile
 * chat alike). Per dimension a balanced pair of yes/no questions (BALANCED_QUESTIONS), each
 * asked about the transcript and about a content-free one for calibration (calibratedYes).
 *
 * The transcript questions come first and the content-free ones after, so the local model's
 * evaluated prompt is reused across each run of calls (only the question differs). A
 * dimension whose answers put nothing on yes or no (MIN_ANSWER_MASS) is left out, never
 * invented; one failing call fails the judge, as any judge call does.
 */
export async function judgeByProbabilities(
  llm: ModelProvider,
  ctx: QuestionContext,
  tag: Omit<CallTag, 'prompt'>,
  /** `signal` aborts the questions (the one in flight fails, none is asked after it); `onSending` as ChatRequest's. */
  call: JudgeCall = {},
): Promise<{ dimensions: CleanDimensionScore[]; model: string; usage: TokenUsage }> {
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  let model = '';
  const ask = async (question: string, transcript: string) => {
    call.signal?.throwIfAborted();
    const answer = await llm.distribution({
      tier: 'deep',
      options: ['yes', 'no'],
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.onSending ? { onSending: call.onSending } : {}),
      messages: [{ role: 'user', content: judgeQuestionPrompt.render({ ...ctx, transcript, question }) }],
      tag: { ...tag, prompt: { name: judgeQuestionPrompt.name, version: judgeQuestionPrompt.version } },
    });
    model = answer.model;
    usage.promptTokens += answer.usage.promptTokens;
    usage.completionTokens += answer.usage.completionTokens;
    return answer;
  };
  const questions = DIMENSION_KEYS.flatMap((key) => [fill(BALANCED_QUESTIONS[key].agree, ctx), fill(BALANCED_QUESTIONS[key].disagree, ctx)]);
  const answers: AnswerDistribution[] = [];
  for (const question of questions) answers.push(await ask(question, ctx.transcript));
  const baselines: AnswerDistribution[] = [];
  for (const question of questions) baselines.push(await ask(question, CONTENT_FREE));

  const dimensions = DIMENSION_KEYS.flatMap((dimension: DimensionKey, i): CleanDimensionScore[] => {
    const [a, d] = [2 * i, 2 * i + 1];
    if (answers[a]!.mass <= MIN_ANSWER_MASS || answers[d]!.mass <= MIN_ANSWER_MASS) return [];
    const agree = calibratedYes(answers[a]!, baselines[a]!);
    const disagree = calibratedYes(answers[d]!, baselines[d]!);
    const mass = Math.min(answers[a]!.mass, answers[d]!.mass);
    const reasoning = `Read off the model's answer probabilities: P(yes) ${percent(agree)} to "${questions[a]}" and ${percent(disagree)} to "${questions[d]}", each calibrated against the same question without the transcript (at least ${Math.round(mass * 100)}% of its answer was yes or no).`;
    return [{ dimension, score: balancedScore(agree, disagree), reasoning, citedIds: [] }];
  });
  return { dimensions, model, usage };
}
