import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { User } from '../accounts/user.entity';
import { validateInput } from '../validate-input';
import { placeholderAvatar } from './card-avatar';
import { extractCardFromPng, embedCardInPng } from './character-card/card-png';
import { fromCharacterCard } from './character-card/from-character-card';
import { ValidationError } from '../errors';
import type { PersonaCardFields } from './character-card/persona-card-fields';
import { toCharacterCardV2 } from './character-card/to-character-card';
import type { CharacterCardV2 } from './character-card/character-card-v2';
import { createPersona } from './create-persona';
import { findOwnPersona } from './find-own-persona';
import { PersonaProfile, ProfileStatus } from './persona-profile.entity';
import { PersonaKind, type Persona } from './persona.entity';
import { personaFacts } from './persona-facts';
import { openStyleFingerprint, sealStyleFingerprint } from './style-samples';

/** Card-only fields kept with the persona (in its style record) so a round trip loses nothing. */
interface CardExtras {
  personalitySummary?: string | null;
  greeting?: string | null;
}

async function cardFieldsOf(em: EntityManager, keys: DataKeyRing, persona: Persona): Promise<PersonaCardFields> {
  const profile = await em.findOne(PersonaProfile, { persona: persona.id, status: ProfileStatus.COMPLETED }, { orderBy: { version: 'desc' } });
  const style = await openStyleFingerprint(keys, persona);
  const extras = (style ?? {}) as CardExtras;
  const summary = typeof profile?.profile?.summary === 'string' ? profile.profile.summary : (extras.personalitySummary ?? null);
  const { samples, ...facts } = personaFacts(persona, style);
  return {
    ...facts,
    personalitySummary: summary,
    speakingSamples: samples,
    greeting: extras.greeting ?? null,
  };
}

/** The persona as a Character Card V2 (SillyTavern and other role-play tools). */
export async function exportCharacterCard(em: EntityManager, ownerId: string, personaId: string, creator: string, keys: DataKeyRing): Promise<CharacterCardV2> {
  const persona = await findOwnPersona(em, ownerId, personaId);
  return toCharacterCardV2(await cardFieldsOf(em, keys, persona), { creator });
}

const importInput = z.object({
  card: z.string().min(2, 'is empty').max(2_000_000, 'is too large'),
  format: z.enum(['JSON', 'PNG_BASE64']).default('JSON'),
});

/** The card as a PNG (base64) with the card in its `chara` text chunk, as card tools share them. */
export async function exportCharacterCardPng(em: EntityManager, ownerId: string, personaId: string, creator: string, keys: DataKeyRing): Promise<string> {
  const card = await exportCharacterCard(em, ownerId, personaId, creator, keys);
  return embedCardInPng(placeholderAvatar(card.data.name), card).toString('base64');
}

/**
 * Creates a PARTNER persona from a Character Card (V1 or V2 JSON). Tier limits apply as for
 * any new partner; an invalid card fails with VALIDATION_FAILED naming the bad field.
 */
export async function importCharacterCard(em: EntityManager, owner: User, input: unknown, keys: DataKeyRing): Promise<Persona> {
  const { card, format } = validateInput(importInput, input);
  let json: unknown;
  if (format === 'PNG_BASE64') {
    json = extractCardFromPng(Buffer.from(card, 'base64'));
  } else {
    try {
      json = JSON.parse(card);
    } catch {
      throw new ValidationError('input.card', 'input.card: is not valid JSON');
    }
  }
  const fields = fromCharacterCard(json);
  const persona = await createPersona(em, owner, {
    kind: PersonaKind.PARTNER,
    name: fields.name,
    age: fields.age,
    gender: fields.gender,
    relationshipContext: fields.relationshipContext,
    // Cards may carry longer descriptions than a persona keeps; keep the beginning.
    description: fields.description.slice(0, 8000),
    interests: fields.interests,
    values: fields.values,
    goals: fields.goals,
    dealbreakers: fields.dealbreakers,
  });
  // The card's speaking samples are kept sealed like imported ones (style-samples.ts).
  persona.styleFingerprint = await sealStyleFingerprint(keys, owner.id, persona.id, {
    samples: fields.speakingSamples,
    personalitySummary: fields.personalitySummary,
    greeting: fields.greeting,
    source: 'character-card',
  });
  await em.flush();
  return persona;
}
