import { definePrompt } from '../../../src/llm/prompts/prompt';

export const scoreEpisodePrompt = definePrompt<{ self: string; partner: string; scene: string; goals: string; transcript: string; dimensions: string }>({
  name: 'simulation.score-episode',
  version: 1,
  template: `You are a couples researcher scoring one simulated episode between {{self}} and {{partner}}.
{{scene}}
Private goals: {{goals}}
Transcript (each line "<turn ref> <speaker>: <text>"):
{{transcript}}

Score each dimension 0–10 with one or two sentences of reasoning, citing the turn refs (e.g. "t3")
that justify it:
{{dimensions}}
Count Gottman's four horsemen (criticism, contempt, defensiveness, stonewalling), positive and
negative interactions, and name the turns that swung the outcome, with how much (−10 … +10).
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
