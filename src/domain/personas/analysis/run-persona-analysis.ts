import type { MikroORM } from '@mikro-orm/postgresql';
import { createPersonaAnalysisGraph } from '../../../../agents/persona-analysis/graph';
import { registeredPrompts } from '../../../llm/prompts/prompt';
import type { ModelProvider } from '../../../ports/model-provider.port';
import type { Logger } from '../../../observability/logger';
import type { Clock } from '../../../ports/clock.port';
import type { DataKeyRing } from '../../../ports/data-key-ring.port';
import type { EventBus } from '../../../ports/event-bus.port';
import type { TranscriptStore } from '../../../ports/transcript-store.port';
import { DomainError } from '../../errors';
import { PersonaProfile, ProfileStatus } from '../persona-profile.entity';
import { styleDistanceOfTexts } from '../style-distance-of-texts';
import { personaFacts } from '../persona-facts';
import { openStyleFingerprint } from '../style-samples';
import { personaAnalysisTopic, type PersonaAnalysisEvent } from './analysis-events';
import { assertConsent } from './request-persona-analysis';

export interface PersonaAnalysisJobDeps {
  orm: MikroORM;
  llm: ModelProvider;
  transcripts: TranscriptStore;
  events: EventBus;
  /** Opens the persona's sealed speaking samples. */
  dataKeys: DataKeyRing;
  clock: Clock;
  logger: Logger;
}

/**
 * The persona-analysis job: PENDING → PROCESSING → COMPLETED or FAILED (with a reason).
 * Idempotent: a finished profile is left alone if the job runs again.
 */
export async function runPersonaAnalysis(deps: PersonaAnalysisJobDeps, profileId: string): Promise<void> {
  const em = deps.orm.em.fork();
  const profile = await em.findOne(PersonaProfile, { id: profileId }, { populate: ['persona'] });
  if (!profile || profile.status === ProfileStatus.COMPLETED || profile.status === ProfileStatus.FAILED) return;
  const persona = profile.persona.getEntity();
  const topic = personaAnalysisTopic(persona.id);
  const publish = (event: Omit<PersonaAnalysisEvent, 'profileId' | 'version'>) =>
    deps.events.publish<PersonaAnalysisEvent>(topic, { profileId: profile.id, version: profile.version, ...event });

  profile.status = ProfileStatus.PROCESSING;
  profile.startedAt = deps.clock.now();
  await em.flush();
  await publish({ status: ProfileStatus.PROCESSING, stage: 'started', progress: 0 });
  try {
    assertConsent(persona);
    const graph = createPersonaAnalysisGraph({
      llm: deps.llm,
      transcripts: deps.transcripts,
      persona: { ...personaFacts(persona, await openStyleFingerprint(deps.dataKeys, persona)), id: persona.id, ownerId: persona.owner.id, styleSummary: null },
      styleDistance: styleDistanceOfTexts,
      progress: (stage, progress) => publish({ status: ProfileStatus.PROCESSING, stage, progress }),
    });
    const result = await graph.invoke({ profileId: profile.id }, { recursionLimit: 50 });
    profile.profile = result.profile;
    profile.fidelity = result.fidelity;
    profile.models = result.models;
    profile.prompts = registeredPrompts()
      .filter((p) => p.name.startsWith('persona-analysis.') || p.name.startsWith('partner-simulation.'))
      .map((p) => `${p.name}@${p.version}`);
    profile.status = ProfileStatus.COMPLETED;
    profile.completedAt = deps.clock.now();
    await em.flush();
    await publish({ status: ProfileStatus.COMPLETED, stage: 'done', progress: 1 });
  } catch (err) {
    // The reason shown to the user is the domain error's message or a generic one; the
    // details go to the log (never message content).
    const reason = err instanceof DomainError ? err.message : 'The analysis failed; try again later';
    deps.logger.error({ err, profileId }, 'persona analysis failed');
    profile.status = ProfileStatus.FAILED;
    profile.failureReason = reason;
    profile.completedAt = deps.clock.now();
    await em.flush();
    await publish({ status: ProfileStatus.FAILED, stage: 'done', progress: 1, message: reason });
  }
}
