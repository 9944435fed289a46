import { DIMENSIONS, type DimensionKey } from '../../../src/kernel/simulation/dimensions';
import { definePrompt } from '../../../src/llm/prompts/prompt';

/**
 * What the ends of each dimension's 0–10 scale mean: an anchored scale, so that a 7 means
 * the same thing across episodes and models rather than each model's own sense of "good".
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

/** The dimension list of the judge's prompt (a large model's): each key with its description and anchors. */
export function dimensionGuide(keys: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key)): string {
  return DIMENSIONS.filter((d) => keys.includes(d.key))
    .map((d) => `- ${d.key}: ${d.description} ${SCORE_ANCHORS[d.key].replace(/^l/, 'L')}.`)
    .join('\n');
}

/** The counting part of the judge's task, asked once per episode (on the last group's call). */
export const COUNTS_TASK = `Also count Gottman's four horsemen (criticism, contempt, defensiveness, stonewalling) and the
positive and negative interactions, and name the turns that swung the outcome, with how much (−10 … +10).`;

export const scoreEpisodePrompt = definePrompt<{ self: string; partner: string; scene: string; goals: string; transcript: string; dimensions: string; counts: string }>({
  name: 'simulation.score-episode',
  // 2: one JSON property per dimension (was an array), reasoning before the score, whole-number
  // scores on anchored scales. 3: asked for in groups of dimensions (a small model fills three
  // or four under a grammar, not ten); the transcript comes first, so the groups' calls share it.
  version: 3,
  template: `You are a couples researcher scoring one simulated episode between {{self}} and {{partner}}.
{{scene}}
Private goals: {{goals}}
Transcript (turn ref, speaker, text):
{{transcript}}

Score each dimension below from 0 to 10 with a whole number (10 best), using the whole scale.
For each, first write one short sentence on what happened in the transcript, then the score,
then the turn refs (e.g. "t3") that show it:
{{dimensions}}
{{counts}}
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

/**
 * The small-model judge's questions, two per dimension: one keyed so that "yes" is good and a
 * reverse-keyed one, so that "yes" is bad. A small model says "yes" to nearly anything
 * (TinyLlama: P(yes) 0.95–0.99 whatever the transcript); balanced keying, as psychometric
 * scales do against acquiescence, lets that bias cancel out of the score.
 */
export const BALANCED_QUESTIONS: Record<DimensionKey, { agree: string; disagree: string }> = {
  goalCompletion: { agree: 'Did {{self}} and {{partner}} each get what they wanted from this conversation?', disagree: 'Did this conversation leave {{self}} or {{partner}} without what they wanted?' },
  believability: { agree: 'Do {{self}} and {{partner}} sound like real people texting each other?', disagree: 'Do {{self}} or {{partner}} sound robotic or out of character?' },
  relationshipChange: { agree: 'Did {{self}} and {{partner}} grow closer in this conversation?', disagree: 'Did {{self}} and {{partner}} grow apart in this conversation?' },
  socialNorms: { agree: 'Are {{self}} and {{partner}} respectful to each other?', disagree: 'Does {{self}} or {{partner}} insult, belittle or cross a boundary?' },
  communicationQuality: { agree: 'Do {{self}} and {{partner}} listen and answer what the other said?', disagree: 'Does {{self}} or {{partner}} ignore or talk past what the other said?' },
  conflictRepair: { agree: 'When there is tension, do {{self}} and {{partner}} calm it down or make up?', disagree: 'Does tension between {{self}} and {{partner}} grow without anyone making up?' },
  emotionalResponsiveness: { agree: "Do {{self}} and {{partner}} respond warmly to each other's feelings?", disagree: "Does {{self}} or {{partner}} ignore or dismiss the other's feelings?" },
  valuesAlignment: { agree: 'Do {{self}} and {{partner}} share the same values?', disagree: 'Do {{self}} and {{partner}} have clashing values?' },
  humorAndWarmth: { agree: 'Are {{self}} and {{partner}} warm and affectionate with each other?', disagree: 'Are {{self}} and {{partner}} cold or distant with each other?' },
  longTermGoalAlignment: { agree: 'Do {{self}} and {{partner}} want the same things for their future?', disagree: 'Do {{self}} and {{partner}} want different things for their future?' },
};

/** Stands in for the transcript when the model's answer bias is measured (contextual calibration's content-free input). */
export const CONTENT_FREE = 'N/A';

export const judgeQuestionPrompt = definePrompt<{ self: string; partner: string; scene: string; goals: string; transcript: string; question: string }>({
  name: 'simulation.judge-question',
  version: 1,
  template: `You are a couples researcher reading one simulated conversation between {{self}} and {{partner}}.
{{scene}}
Private goals: {{goals}}
Transcript:
{{transcript}}

Question: {{question}} Answer yes or no.`,
});

export const countEpisodePrompt = definePrompt<{ self: string; partner: string; scene: string; goals: string; transcript: string; counts: string }>({
  name: 'simulation.count-episode',
  version: 1,
  template: `You are a couples researcher reading one simulated episode between {{self}} and {{partner}}.
{{scene}}
Private goals: {{goals}}
Transcript (turn ref, speaker, text):
{{transcript}}

{{counts}}
Return JSON.`,
});
