import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Clock } from '../../../ports/clock.port';
import type { VoiceSettings } from '../../../ports/speech.port';
import { findOwnPersona } from '../../personas/find-own-persona';
import { validateInput } from '../../validate-input';
import { DEFAULT_VOICE, PersonaVoiceSettings } from './persona-voice.entity';

const voiceInput = z.object({
  personaId: z.string(),
  voice: z.string().trim().regex(/^[\w.-]{1,40}$/, 'is a voice name: letters, digits, "_", "-" or "."'),
  speed: z.number().min(0.25).max(4).default(1),
});

/** A persona's voice, or the default one. */
export async function personaVoice(em: EntityManager, personaId: string): Promise<VoiceSettings> {
  const row = await em.findOne(PersonaVoiceSettings, { persona: personaId });
  return row ? { voice: row.voice, speed: row.speed } : { ...DEFAULT_VOICE };
}

/** Sets how an own persona's replies are spoken. */
export async function setPersonaVoice(deps: { clock: Clock }, em: EntityManager, ownerId: string, input: unknown): Promise<VoiceSettings & { personaId: string }> {
  const data = validateInput(voiceInput, input);
  const persona = await findOwnPersona(em, ownerId, data.personaId);
  await em.upsert(PersonaVoiceSettings, { persona: persona.id, voice: data.voice, speed: data.speed, updatedAt: deps.clock.now() });
  return { personaId: persona.id, voice: data.voice, speed: data.speed };
}
