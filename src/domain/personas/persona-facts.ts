import type { Persona } from './persona.entity';
import { styleSamples } from './style-samples';

/**
 * What a user said about a persona, plus its speaking samples: the part every agent prompt,
 * card and snapshot shares. `style` is the opened fingerprint (openStyleFingerprint): the
 * stored one keeps its samples sealed.
 */
export function personaFacts(persona: Persona, style: Record<string, unknown> | null = persona.styleFingerprint) {
  return {
    name: persona.name,
    age: persona.age,
    gender: persona.gender,
    relationshipContext: persona.relationshipContext,
    description: persona.description,
    interests: persona.interests,
    values: persona.values,
    goals: persona.goals,
    dealbreakers: persona.dealbreakers,
    samples: styleSamples(style),
  };
}
