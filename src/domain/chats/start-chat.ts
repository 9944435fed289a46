import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity';
import { ValidationError } from '../errors';
import { PersonaKind } from '../personas/persona.entity';
import { findOwnPersona } from '../personas/find-own-persona';
import { scenarioCatalog } from '../simulations/scenario-catalog';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';
import { ChatPolicy } from './chat-policy';
import { ChatSession } from './chat-session.entity';

/** Opens a chat with the partner agent of one of the user's PARTNER personas, optionally framed by a scenario. */
export async function startChat(
  em: EntityManager,
  user: User,
  library: ScenarioTemplate[],
  input: { partnerPersonaId: string; scenarioId?: string | null; policy?: ChatPolicy | null },
): Promise<ChatSession> {
  const persona = await findOwnPersona(em, user.id, input.partnerPersonaId);
  if (persona.kind !== PersonaKind.PARTNER) throw new ValidationError('partnerPersonaId', 'Chats are with PARTNER personas; this one is your SELF persona');
  if (input.scenarioId) {
    const catalog = await scenarioCatalog(em, user.id, library);
    if (!catalog.some((s) => s.id === input.scenarioId)) throw new ValidationError('scenarioId', 'Unknown scenario', { scenarioId: input.scenarioId });
  }
  const session = em.create(ChatSession, { owner: user, persona, scenarioId: input.scenarioId ?? null, policy: input.policy ?? ChatPolicy.ENQUEUE });
  await em.flush();
  return session;
}
