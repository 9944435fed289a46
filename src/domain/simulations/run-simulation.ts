import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createSimulationGraph } from '../../../agents/simulation/graph';
import type { SimPersona } from '../../../agents/simulation/configuration';
import type { LlmSettings } from '../../llm/llm-settings';
import type { ModelProvider } from '../../ports/model-provider.port';
import { costUsd } from '../../llm/usage/cost';
import type { Logger } from '../../observability/logger';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { EventBus } from '../../ports/event-bus.port';
import { JobBusyError } from '../../ports/job-runner.port';
import type { RunLock } from '../../ports/run-lock.port';
import type { Clock } from '../../ports/clock.port';
import type { SimulationRunStore } from '../../ports/simulation-run-store.port';
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
import { appendSimulationEvent, endSimulation, type SimulationOutcome } from './simulation-events';
import { isConnectionLoss } from '../../kernel/connection-loss';
import { FencedTranscriptStore } from './fenced-transcripts';
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
  /** The run's event log, status and episode scores. */
  simulationRuns: SimulationRunStore;
  /** When events and the run's end are stamped. */
  clock: Clock;
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
  const key = `simulation:${simulationId}`;
  // Aborted once this live holder has lost the run: its lock's session broke (PostgreSQL
  // terminated it) and another worker took the lock before this one could take it back. From
  // then on it writes nothing and hands the job back.
  const lockLost = new AbortController();
  let release: (() => Promise<void>) | null = null;
  let done = false;
  // Each lease (the first lock, then each taken back) reports its loss once; later reports of
  // a lease already replaced are ignored, or the holder would compete with itself.
  let lease = 0;
  let lostWhileAcquiring: Error | undefined;
  const takeBack = (err: Error) => {
    const next = lease;
    deps.runLock.tryAcquire(key, watch(next)).then(
      async (again) => {
        if (again && !done && !lockLost.signal.aborted) {
          release = again;
          return;
        }
        await again?.(); // the job ended meanwhile: no lock may outlive it
        if (!done) lockLost.abort(err);
      },
      () => lockLost.abort(err),
    );
  };
  const watch = (id: number) => (err: Error) => {
    if (done || id !== lease || lockLost.signal.aborted) return;
    lease += 1;
    if (release) takeBack(err);
    else lostWhileAcquiring = err;
  };
  release = await deps.runLock.tryAcquire(key, watch(0));
  if (!release) {
    done = true;
    // A duplicate delivery (the queue's lock lapsed under load). Completing it here would leave
    // the run with no job if its holder then died: have it delivered again, and the next
    // delivery either finds the run finished (and ends) or takes it over.
    deps.logger.info({ simulationId }, 'simulation already running elsewhere; delivering the job again later');
    throw new JobBusyError(RUN_BUSY_RETRY_MS);
  }
  if (lostWhileAcquiring) takeBack(lostWhileAcquiring);
  try {
    await runLocked(deps, simulationId, lockLost.signal);
  } catch (err) {
    if (!lockLost.signal.aborted || err instanceof JobBusyError) throw err;
    // Neither done nor failed: whoever holds the run now ends it; if nobody does, the next
    // delivery takes it over.
    deps.logger.warn({ simulationId }, 'simulation lost its run lock; delivering the job again later');
    throw new JobBusyError(RUN_BUSY_RETRY_MS);
  } finally {
    done = true;
    await release?.();
  }
}

async function runLocked(deps: SimulationJobDeps, simulationId: string, lockLost: AbortSignal): Promise<void> {
  const em = deps.orm.em.fork();
  // Set when a turn's line was found stored by another holder (this one's lock had broken).
  let writtenTwice = false;
  const transcripts = new FencedTranscriptStore(deps.transcripts, lockLost, () => (writtenTwice = true));
  const simulation = await em.findOne(Simulation, { id: simulationId }, { populate: ['selfPersona', 'partnerPersona'] });
  if (!simulation || ![SimulationStatus.QUEUED, SimulationStatus.RUNNING].includes(simulation.status)) return;
  const emit = async (type: SimulationEventType, payload: Record<string, unknown>, key?: string) => {
    lockLost.throwIfAborted();
    if (type === 'EPISODE_SCORED') {
      const score = payload.score as unknown as EpisodeScore;
      await deps.simulationRuns.recordEpisodeScore(simulationId, score);
    }
    await appendSimulationEvent(deps, simulationId, type, payload, key);
  };
  const finish = async (status: SimulationStatus, outcome: SimulationOutcome, event: SimulationEventType, payload: Record<string, unknown>) => {
    // Status and terminal event together, and only if the run is still open (see endSimulation).
    lockLost.throwIfAborted();
    if (!(await endSimulation(deps, simulationId, status, outcome, event, { status, ...payload }))) return;
    // A finished run is never resumed, and its checkpoints hold every turn in plain text (the
    // transcript store encrypts them): drop them. A failure here costs storage, not the run.
    await deps.checkpointer.deleteThread(simulationId).catch((err: unknown) => deps.logger.warn({ err, simulationId }, 'could not delete a finished run’s checkpoints'));
  };

  if (simulation.cancelRequestedAt) return finish(SimulationStatus.CANCELLED, {}, 'CANCELLED', {});
  if (simulation.status === SimulationStatus.QUEUED) {
    // Only a run still queued starts (a stale copy of the row must not reopen an ended run).
    await deps.simulationRuns.markRunning(simulationId);
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
        transcripts,
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
        isCancelled: () => deps.simulationRuns.cancelRequested(simulationId),
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
    const fields: SimulationOutcome = {
      report: report as unknown as Record<string, unknown>,
      tokensUsed: result.tokens,
      costUsd: result.costUsd.toFixed(8),
    };
    if (result.stopReason === 'cancelled') return await finish(SimulationStatus.CANCELLED, fields, 'CANCELLED', { partial: true });
    const status = result.stopReason === 'budget' ? SimulationStatus.PARTIAL : SimulationStatus.COMPLETED;
    await finish(status, fields, 'REPORT_READY', { partial: status === SimulationStatus.PARTIAL, episodes: result.scores.length });
  } catch (err) {
    // This holder lost the run (see runSimulation), or wrote it alongside one that had: not the
    // run's failure. Tried again, it resumes from the checkpoint and keeps the stored lines.
    if (lockLost.aborted || writtenTwice) throw err;
    if (!(err instanceof DomainError) && isConnectionLoss(err)) {
      // PostgreSQL or Redis went away mid-run: an outage, not the run's fault. The job fails
      // this attempt and is tried again (the queue's retries, then the stuck-run sweep), and
      // resumes from its checkpoint; failing the run would throw away what it played.
      // Name and code only: a driver's message can quote the statement, and a statement can carry a line of the chat.
      deps.logger.warn({ err: { type: (err as Error).name, code: (err as { code?: unknown }).code }, simulationId }, 'simulation interrupted by a lost connection; it will be tried again');
      throw err;
    }
    const reason = err instanceof DomainError ? err.message : 'The simulation failed; try again later';
    deps.logger.error({ err, simulationId }, 'simulation failed');
    await finish(SimulationStatus.FAILED, { failureReason: reason }, 'FAILED', { message: reason });
  }
}
