import { definePrompt } from '../../src/llm/prompts/prompt';

export const extractObservationsPrompt = definePrompt<{ name: string; chunk: string }>({
  name: 'persona-analysis.extract-observations',
  version: 1,
  template: `You are a relationship psychologist reading part of a chat log to understand {{name}}.
Each line is "<ref> [<speaker>]: <text>"; {{name}}'s own lines are marked [{{name}}].
Note what these lines show about {{name}}: Big Five traits, attachment style, love languages,
communication style, conflict habits (criticism, contempt, defensiveness, stonewalling) and repair
attempts, values, interests, green flags and red flags. Only note what the lines support, and cite
the refs (e.g. "m12") of the lines that show it. Return JSON.

{{chunk}}`,
});

export const aggregateProfilePrompt = definePrompt<{ name: string; facts: string; observations: string }>({
  name: 'persona-analysis.aggregate-profile',
  version: 1,
  template: `You are a relationship psychologist. Combine the observations below into one profile of {{name}}.
Scores and confidences are 0 to 1; confidence is low when evidence is thin. Every trait cites the
message refs that support it, taken from the observations; never invent refs. Return JSON.

What the user wrote about {{name}}:
{{facts}}

Observations (kind: note [refs]):
{{observations}}`,
});
