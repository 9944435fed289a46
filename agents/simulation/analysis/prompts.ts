import { DIMENSIONS, type DimensionKey } from '../../../src/domain/simulations/dimensions';
import { definePrompt } from '../../../src/llm/prompts/prompt';

/**
 * What the ends of each dimension's 0–10 scale mean: an anchored scale, so that a 7 means
 * the same thing across episodes and models rather than each model's own sense of "good".
 * In words, not "0 = …, 10 = …": a small model copies the anchor into its reasoning, and a
 * copied "0 =" pulls its score to 0 (measured on the offline model: every dimension 0).
 */
export const SCORE_ANCHORS: Record<DimensionKey, string> = {
  goalCompletion: 'low if neither got closer to their goal, high if both fully reached it',
  believability: 'low if robotic or out of character, high if natural, like real people',
  relationshipChange: 'low if they grew apart, middle if unchanged, high if they grew closer',
  socialNorms: 'low if insults or boundaries crossed, high if respectful throughout',
  communicationQuality: 'low if vague and not listening, high if clear, listening and saying what matters',
  conflictRepair: 'low if tension was left to escalate, high if repair was offered and accepted, or it stayed calm',
  emotionalResponsiveness: 'low if bids were ignored or attacked, high if every bid was answered warmly',
  valuesAlignment: 'low if their values clash, high if they fit',
  humorAndWarmth: 'low if cold, high if playful and affectionate',
  longTermGoalAlignment: 'low if their plans for the future conflict, high if they fit',
};

/**
 * The dimension list of the judge's prompt: each key with what its scale's ends mean. Full
 * adds the description; brief (the small offline model, 2048 tokens of context for prompt and
 * answer) leaves it out, the anchors say enough.
 */
export function dimensionGuide(detail: 'full' | 'brief'): string {
  const anchor = (key: DimensionKey) => (detail === 'full' ? SCORE_ANCHORS[key].replace(/^l/, 'L') : SCORE_ANCHORS[key]);
  return DIMENSIONS.map((d) => `- ${d.key}: ${detail === 'full' ? `${d.description} ` : ''}${anchor(d.key)}.`).join('\n');
}

export const scoreEpisodePrompt = definePrompt<{ self: string; partner: string; scene: string; goals: string; transcript: string; dimensions: string }>({
  name: 'simulation.score-episode',
  // 2: one JSON property per dimension (was an array), reasoning before the score, whole-number
  // scores on anchored scales.
  version: 2,
  template: `You are a couples researcher scoring one simulated episode between {{self}} and {{partner}}.
{{scene}}
Private goals: {{goals}}
Transcript (turn ref, speaker, text):
{{transcript}}

Score every dimension below from 0 to 10 with a whole number, using the whole scale (each line
says what low and high mean). For each, first write one short sentence on what happened in the
transcript, then the score, then the turn refs (e.g. "t3") that show it:
{{dimensions}}
Count Gottman's four horsemen (criticism, contempt, defensiveness, stonewalling) and the positive
and negative interactions, and name the turns that swung the outcome, with how much (−10 … +10).
Return JSON.`,
});

export const reportNarrativePrompt = definePrompt<{ self: string; partner: string; summary: string }>({
  name: 'simulation.report-narrative',
  version: 1,
  template: `You are a couples researcher. From these episode results for {{self}} and {{partner}}, write the
strengths of the pair, the risks, and concrete recommendations (specific behaviours to try).
Base every point on the results; do not invent facts. Return JSON.

{{summary}}`,
});
