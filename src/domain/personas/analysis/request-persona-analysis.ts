import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../../ports/event-bus.port';
import type { JobRunner } from '../../../ports/job-runner.port';
import { DomainError } from '../../errors';
import { findOwnPersona } from '../find-own-persona';
import { PersonaProfile, ProfileStatus } from '../persona-profile.entity';
import { PersonaKind, type Persona } from '../persona.entity';
import { PERSONA_ANALYSIS_JOB, personaAnalysisTopic, type PersonaAnalysisEvent } from './analysis-events';

/** A PARTNER persona built from a real person's messages needs the user's consent first. */
export function assertConsent(persona: Persona): void {
  if (persona.kind === PersonaKind.PARTNER && persona.importedMessageCount > 0 && !persona.consentGiven) {
    throw new DomainError('CONSENT_REQUIRED', 'Confirm you may use this person’s messages (setPersonaConsent) before analysing or simulating them');
  }
}

/**
 * Starts a new profile version (PENDING) and queues the analysis job. Earlier versions
 * stay. The version number comes from the latest one under the persona's row lock.
 */
export async function requestPersonaAnalysis(
  deps: { em: EntityManager; jobs: JobRunner; events: EventBus },
  ownerId: string,
  personaId: string,
): Promise<PersonaProfile> {
  const persona = await findOwnPersona(deps.em, ownerId, personaId);
  assertConsent(persona);
  const profile = await deps.em.transactional(async (tx) => {
    await tx.getConnection().execute('select id from personas where id = ? for update', [persona.id], 'all', tx.getTransactionContext());
    const latest = await tx.findOne(PersonaProfile, { persona: persona.id }, { orderBy: { version: 'desc' } });
    const created = tx.create(PersonaProfile, { persona: persona.id, version: (latest?.version ?? 0) + 1 });
    await tx.flush();
    return created;
  });
  try {
    await deps.jobs.enqueue(PERSONA_ANALYSIS_JOB, { profileId: profile.id }, { jobId: `persona-analysis-${profile.id}` });
  } catch (err) {
    // A profile whose job never ran would stay PENDING forever: take it back.
    await deps.em.remove(profile).flush();
    throw err;
  }
  const event: PersonaAnalysisEvent = { profileId: profile.id, version: profile.version, status: ProfileStatus.PENDING, stage: 'queued', progress: 0 };
  await deps.events.publish(personaAnalysisTopic(persona.id), event);
  return profile;
}
