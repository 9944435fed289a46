import { partnerSystemPrompt } from './prompts';

export interface PartnerPromptSource {
  name: string;
  age: number | null;
  gender: string | null;
  relationshipContext: string | null;
  description: string;
  interests: string[];
  values: string[];
  profileSummary: string | null;
  styleSummary: string | null;
  samples: string[];
}

const line = (label: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '' : `- ${label}: ${value}\n`);

/** Renders the partner's system prompt; empty sections are said plainly rather than left blank. */
export function buildPartnerPrompt(source: PartnerPromptSource): string {
  const facts =
    line('age', source.age) +
    line('gender', source.gender) +
    line('relationship', source.relationshipContext) +
    line('description', source.description) +
    line('interests', source.interests.join(', ')) +
    line('values', source.values.join(', '));
  return partnerSystemPrompt.render({
    name: source.name,
    facts: facts || '- (nothing more is known)\n',
    profile: source.profileSummary ?? '(not analysed yet)',
    style: source.styleSummary ?? '(no messages imported)',
    samples: source.samples.length > 0 ? source.samples.slice(0, 8).map((s) => `- ${s}`).join('\n') : '(none)',
  });
}
