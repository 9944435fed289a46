import type { CharacterCardV2 } from './character-card-v2';
import { SOULLINK_EXTENSION_KEY, SOULLINK_EXTENSION_VERSION, type SoulLinkExtension } from './card-schema';
import { renderCardDescription, renderScenario } from './card-text';
import { renderMesExample } from './mes-example';
import type { PersonaCardFields } from './persona-card-fields';

const CREATOR_NOTES =
  'Exported from SoulLink. The standard fields hold a readable version of the persona; ' +
  'extensions.soullink holds the exact SoulLink fields so the persona can be imported back unchanged.';

/**
 * A persona as a Character Card V2. Other tools read the standard fields (description with a
 * facts block, personality, scenario, greeting, example dialogues from speaking samples);
 * SoulLink reads `extensions.soullink` back, so export → import is lossless.
 */
export function toCharacterCardV2(persona: PersonaCardFields, options: { creator?: string } = {}): CharacterCardV2 {
  const soullink: SoulLinkExtension = {
    version: SOULLINK_EXTENSION_VERSION,
    age: persona.age,
    gender: persona.gender,
    relationshipContext: persona.relationshipContext,
    description: persona.description,
    interests: [...persona.interests],
    values: [...persona.values],
    goals: [...persona.goals],
    dealbreakers: [...persona.dealbreakers],
    personalitySummary: persona.personalitySummary,
    speakingSamples: [...persona.speakingSamples],
    greeting: persona.greeting,
  };
  return {
    spec: 'chara_card_v2',
    spec_version: '2.0',
    data: {
      name: persona.name,
      description: renderCardDescription(persona),
      personality: persona.personalitySummary ?? '',
      scenario: renderScenario(persona),
      first_mes: persona.greeting ?? '',
      mes_example: renderMesExample(persona.speakingSamples),
      creator_notes: CREATOR_NOTES,
      system_prompt: '',
      post_history_instructions: '',
      alternate_greetings: [],
      tags: ['SoulLink'],
      creator: options.creator ?? '',
      character_version: '1',
      extensions: { [SOULLINK_EXTENSION_KEY]: soullink },
    },
  };
}
