import type { PersonaCardFields } from './persona-card-fields';

/**
 * How persona fields read inside the standard card fields, for tools that never look at
 * `extensions`. Import renders the same text again to tell whether a card was edited
 * elsewhere, so these must stay deterministic.
 */

/** Facts only SoulLink has a field for, written out so other tools' prompts still see them. */
export function renderFactsBlock(persona: PersonaCardFields): string {
  const lines: string[] = [];
  if (persona.age !== null) lines.push(`Age: ${persona.age}`);
  if (persona.gender) lines.push(`Gender: ${persona.gender}`);
  if (persona.relationshipContext) lines.push(`Relationship with {{user}}: ${persona.relationshipContext}`);
  if (persona.interests.length > 0) lines.push(`Interests: ${persona.interests.join(', ')}`);
  if (persona.values.length > 0) lines.push(`Values: ${persona.values.join(', ')}`);
  if (persona.goals.length > 0) lines.push(`Goals: ${persona.goals.join(', ')}`);
  if (persona.dealbreakers.length > 0) lines.push(`Dealbreakers: ${persona.dealbreakers.join(', ')}`);
  return lines.join('\n');
}

export function renderCardDescription(persona: PersonaCardFields): string {
  const facts = renderFactsBlock(persona);
  if (facts === '') return persona.description;
  return persona.description === '' ? facts : `${persona.description}\n\n${facts}`;
}

export function renderScenario(persona: PersonaCardFields): string {
  return persona.relationshipContext
    ? `{{char}} and {{user}} are in a relationship: ${persona.relationshipContext}.`
    : '';
}

/** The description as SoulLink wrote it, when a card's description ends with our facts block. */
export function withoutFactsBlock(cardDescription: string, persona: PersonaCardFields): string {
  const facts = renderFactsBlock(persona);
  if (facts === '' || !cardDescription.endsWith(facts)) return cardDescription;
  return cardDescription.slice(0, cardDescription.length - facts.length).trimEnd();
}
