import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createSimulationGraph } from '../../../agents/simulation/graph';
import type { SimPersona } from '../../../agents/simulation/configuration';
import type { LlmSettings } from '../../llm/llm-settings';
import type { ModelProvider } from '../../llm/model-provider.port';
import { costUsd } from '../../llm/usage/cost';
import type { Logger } from '../../observability/logger';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { EventBus } from '../../ports/event-bus.port';
import { JobBusyError } from '../../ports/job-runner.port';
import type { RunLock } from '../../ports/run-lock.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { DomainError } from '../errors';
import { PersonaProfile, ProfileStatus } from '../personas/persona-profile.entity';
import type { Persona } from '../personas/persona.entity';
import { personaFacts } from '../personas/persona-facts';
import { openStyleFingerprint } from '../personas/style-samples';
import { describeStyle } from '../personas/style/describe-style';
import type { EpisodeScore } from '../../kernel/simulation/dimensions';
import type { ScenarioTemplate } from '../../kernel/simulation/scenarios/scenario-template.schema';
import { scenarioCatalog } from './scenario-catalog';
import type { SimulationEventType } from './simulation-event.entity';
import { appendSimulationEvent } from './simulation-events';
import { episodeSlots } from '../../../agents/simulation/episode-slots';
import { writeReport } from './report/write-report';
import { reportValidity } from './report/report-validity';
import { ownerValidityCards } from '../studies/owner-validity-cards';
import { Simulation, SimulationStatus } from './simulation.entity';

/** How soon a duplicate delivery of a run held elsewhere looks again (whether it finished, or its holder died). */
const RUN_BUSY_RETRY_MS = 15_000;

export interface SimulationJobDeps {
  orm: MikroORM;
  llm: ModelProvider;
  llmSettings: LlmSettings;
  transcripts: TranscriptStore;
  events: EventBus;
  checkpointer: BaseCheckpointSaver;
  library: ScenarioTemplate[];
  runLock: RunLock;
  /** Episodes of one run played at the same time. */
  episodeConcurrency: number;
  /** Opens the personas' sealed speaking samples for the agents' prompts. */
  dataKeys: DataKeyRing;
  logger: Logger;
}

async function snapshot(orm: MikroORM, dataKeys: DataKeyRing, persona: Persona): Promise<{ persona: SimPersona; profile: PersonaProfile | null }> {
  const profile = await orm.em.fork().findOne(PersonaProfile, { persona: persona.id, status: ProfileStatus.COMPLETED }, { orderBy: { version: 'desc' } });
  const style = await openStyleFingerprint(dataKeys, persona);
  return {
    profile,
    persona: {
      ...personaFacts(persona, style),
      // The measured writing style, for both agents (it used to be dropped: the partner's
      // prompt said "(no messages imported)" with 45 imported).
      styleSummary: describeStyle(style),
      id: persona.id,
      profileSummary: typeof profile?.profile?.summary === 'string' ? profile.profile.summary : null,
    },
  };
}

/** What a reader of the report must keep in mind about how it was produced. */
function caveatsFor(partner: { persona: SimPersona; profile: PersonaProfile | null }, settings: LlmSettings): string[] {
  const caveats: string[] = [];
  const fidelity = partner.profile?.fidelity;
  caveats.push(
    fidelity
      ? `Partner persona fidelity ${fidelity.score} against a generic baseline of ${fidelity.baseline} (${fidelity.sampleSize} held-out exchanges).`
      : `${partner.persona.name}'s persona has no fidelity score: the simulation may not behave like the real person.`,
  );
  if (settings.mode === 'offline') caveats.push('Produced by the small offline model: role-play and scoring are rough; configure a stronger model for real use.');
  caveats.push('Simulated episodes explore tendencies; they are not predictions about a real relationship.');
  return caveats;
}

/**
 * The simulation job: runs (or resumes, from the Postgres checkpoint) the run's graph, then
 * builds the report from what it played and stores it. Any worker may pick the job up again
 * after a crash: finished episodes are kept, an unfinished one continues from its last
 * checkpointed turn, and transcript lines and events are keyed so none is written twice.
 */
export async function runSimulation(deps: SimulationJobDeps, simulationId: string): Promise<void> {
  const release = await deps.runLock.tryAcquire(`simulation:${simulationId}`);
  if (!release) {
    // A duplicate delivery (the queue's lock lapsed under load). Completing it here would leave
    // the run with no job if its holder then died: have it delivered again, and the next
    // delivery either finds the run finished (and ends) or takes it over.
    deps.logger.info({ simulationId }, 'simulation already running elsewhere; delivering the job again later');
    throw new JobBusyError(RUN_BUSY_RETRY_MS);
  }
  try {
    await runLocked(deps, simulationId);
  } finally {
    await release();
  }
}

async function runLocked(deps: SimulationJobDeps, simulationId: string): Promise<void> {
  const em = deps.orm.em.fork();
  const simulation = await em.findOne(Simulation, { id: simulationId }, { populate: ['selfPersona', 'partnerPersona'] });
  if (!simulation || ![SimulationStatus.QUEUED, SimulationStatus.RUNNING].includes(simulation.status)) return;
  const emit = async (type: SimulationEventType, payload: Record<string, unknown>, key?: string) => {
    if (type === 'EPISODE_SCORED') {
      const score = payload.score as unknown as EpisodeScore;
      await deps.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into simulation_episodes (id, simulation_id, scenario_id, episode_index, score, created_at)
           values (gen_random_uuid(), ?, ?, ?, ?, now()) on conflict do nothing`,
          [simulationId, score.scenarioId, score.episodeIndex, JSON.stringify(score)],
        );
    }
    await appendSimulationEvent(deps, simulationId, type, payload, key);
  };
  const finish = async (status: SimulationStatus, fields: Partial<Simulation>, event: SimulationEventType, payload: Record<string, unknown>) => {
    em.assign(simulation, { ...fields, status, finishedAt: new Date() });
    await em.flush();
    await emit(event, { status, ...payload });
    // A finished run is never resumed, and its checkpoints hold every turn in plain text (the
    // transcript store encrypts them): drop them. A failure here costs storage, not the run.
    await deps.checkpointer.deleteThread(simulationId).catch((err: unknown) => deps.logger.warn({ err, simulationId }, 'could not delete a finished run’s checkpoints'));
  };

  if (simulation.cancelRequestedAt) return finish(SimulationStatus.CANCELLED, {}, 'CANCELLED', {});
  if (simulation.status === SimulationStatus.QUEUED) {
    simulation.status = SimulationStatus.RUNNING;
    simulation.startedAt = new Date();
    await em.flush();
  }
  try {
    const self = await snapshot(deps.orm, deps.dataKeys, simulation.selfPersona.getEntity());
    const partner = await snapshot(deps.orm, deps.dataKeys, simulation.partnerPersona.getEntity());
    const config = {
      configurable: { thread_id: simulation.id },
      // Never 1: LangGraph.js drops Send tasks at maxConcurrency 1 (langgraphjs#2656); the
      // episode slots enforce the configured bound, 1 included.
      maxConcurrency: Math.max(2, deps.episodeConcurrency),
    };
    // A checkpoint means an earlier attempt got part of the way: resume rather than restart.
    const resuming = Boolean(await deps.checkpointer.getTuple(config));
    const graph = createSimulationGraph(
      {
        llm: deps.llm,
        transcripts: deps.transcripts,
        run: {
          id: simulation.id,
          ownerId: simulation.owner.id,
          seed: simulation.seed,
          self: self.persona,
          partner: partner.persona,
          library: await scenarioCatalog(em, simulation.owner.id, deps.library),
          scenarioIds: simulation.scenarioIds,
          scenarioCount: simulation.scenarioCount,
          episodesPerScenario: simulation.episodesPerScenario,
          maxTurns: simulation.maxTurns,
          tokenBudget: simulation.tokenBudget,
        },
        emit: (type, payload, key) => emit(type as SimulationEventType, payload, key),
        isCancelled: async () => {
          const rows = await deps.orm.em.getConnection().execute<{ c: Date | null }[]>('select cancel_requested_at as c from simulations where id = ?', [simulationId]);
          return Boolean(rows[0]?.c);
        },
        smallModel: deps.llmSettings.mode === 'offline',
        costOf: (model, usage) => costUsd(deps.llmSettings.prices, model, usage.promptTokens, usage.completionTokens),
        episodeSlot: episodeSlots(deps.episodeConcurrency),
        resumed: resuming,
        warn: (fields, message) => deps.logger.warn({ ...fields, simulationId }, message),
      },
      { checkpointer: deps.checkpointer },
    );
    const result = await graph.invoke(resuming ? null : {}, config);
    // The graph plays and scores; the report (statistics, citations, caveats) is built here.
    const validity = reportValidity(await ownerValidityCards(em, simulation.owner.id));
    const report = await writeReport(
      { transcripts: deps.transcripts },
      { simulationId: simulation.id, seed: simulation.seed, selfName: self.persona.name, partnerName: partner.persona.name, caveats: caveatsFor(partner, deps.llmSettings), validity },
      { planned: result.plan.length, scores: result.scores, narrative: result.narrative, tokens: result.tokens, costUsd: result.costUsd, models: result.models, stopReason: result.stopReason },
    );
    const fields = {
      report: report as unknown as Record<string, unknown>,
      tokensUsed: result.tokens,
      costUsd: result.costUsd.toFixed(8),
    };
    if (result.stopReason === 'cancelled') return await finish(SimulationStatus.CANCELLED, fields, 'CANCELLED', { partial: true });
    const status = result.stopReason === 'budget' ? SimulationStatus.PARTIAL : SimulationStatus.COMPLETED;
    await finish(status, fields, 'REPORT_READY', { partial: status === SimulationStatus.PARTIAL, episodes: result.scores.length });
  } catch (err) {
    const reason = err instanceof DomainError ? err.message : 'The simulation failed; try again later';
    deps.logger.error({ err, simulationId }, 'simulation failed');
    await finish(SimulationStatus.FAILED, { failureReason: reason }, 'FAILED', { message: reason });
  }
}
