import type { AppServices } from '../app-services';
import { PERSONA_ANALYSIS_JOB } from '../domain/personas/analysis/analysis-events';
import { runPersonaAnalysis } from '../domain/personas/analysis/run-persona-analysis';
import { runSimulation } from '../domain/simulations/run-simulation';
import { SIMULATION_JOB } from '../domain/simulations/start-simulation';
import { Simulation, SimulationStatus } from '../domain/simulations/simulation.entity';
import { PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob } from './purge-expired-sessions.job';
import { RESUME_STUCK_RUNS_JOB, resumeStuckRunsJob, stuckRunTimings } from './resume-stuck-runs.job';
import { registerStudyJobs, resumeUnfinishedStudies } from './study.job';
import { chatDepsFrom } from '../domain/chats/chat-services';
import { CHAT_MEMORY_JOB, CHAT_MEMORY_NIGHTLY_JOB, CHAT_MEMORY_SWEEP_JOB, consolidateChatMemory, enqueueChatMemoryRuns } from '../domain/memories/chat-memory-jobs';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Registers every job handler. Every process registers them: the in-process runner (no
 * Redis) executes jobs in the process that enqueued them; with BullMQ only workers consume.
 */
export function registerJobs(services: AppServices): void {
  const { jobs, orm, llm, llmSettings, transcripts, events, logger, checkpointer, scenarioLibrary, runLock, dataKeys } = services;
  jobs.register(PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob(orm));
  jobs.register(PERSONA_ANALYSIS_JOB, (payload) =>
    runPersonaAnalysis({ orm, llm, transcripts, events, dataKeys, clock: services.clock, logger }, String(payload.profileId)),
  );
  jobs.register(SIMULATION_JOB, (payload) =>
    runSimulation({ orm, llm, llmSettings, transcripts, events, simulationRuns: services.simulationRuns, clock: services.clock, checkpointer, library: scenarioLibrary, runLock, episodeConcurrency: services.config.jobs.episodeConcurrency, dataKeys, logger }, String(payload.simulationId)),
  );
  // A run quiet for two job locks with no lock holder has lost its job (see the sweep).
  jobs.register(RESUME_STUCK_RUNS_JOB, resumeStuckRunsJob({ orm, runLock, jobs, logger }, { staleMs: stuckRunTimings(services.config.jobs.lockMs).staleMs }));
  jobs.register(CHAT_MEMORY_JOB, (payload) => consolidateChatMemory(chatDepsFrom(services), String(payload.sessionId)));
  jobs.register(CHAT_MEMORY_SWEEP_JOB, async () => {
    await enqueueChatMemoryRuns(chatDepsFrom(services), services.config.chat.idleMs);
  });
  jobs.register(CHAT_MEMORY_NIGHTLY_JOB, async () => {
    await enqueueChatMemoryRuns(chatDepsFrom(services), null);
  });
  registerStudyJobs(services);
}

/** Starts consuming jobs and the schedules (worker processes, and the quick start). */
export async function startWorker(services: AppServices): Promise<{ close(): Promise<void> }> {
  const { jobs, logger } = services;
  await jobs.schedule(PURGE_EXPIRED_SESSIONS, HOUR_MS);
  await jobs.schedule(CHAT_MEMORY_SWEEP_JOB, MINUTE_MS);
  await jobs.schedule(CHAT_MEMORY_NIGHTLY_JOB, 24 * HOUR_MS);
  await jobs.schedule(RESUME_STUCK_RUNS_JOB, stuckRunTimings(services.config.jobs.lockMs).everyMs);
  await jobs.startConsuming();
  if (jobs.mode === 'in-process') {
    // In-process jobs die with the process; runs it left unfinished resume from their checkpoints.
    const unfinished = await services.orm.em.fork().find(Simulation, { status: { $in: [SimulationStatus.QUEUED, SimulationStatus.RUNNING] } }, { fields: ['id'] });
    for (const { id } of unfinished) await jobs.enqueue(SIMULATION_JOB, { simulationId: id }, { jobId: `simulation-${id}-resume` });
    if (unfinished.length > 0) logger.info({ runs: unfinished.length }, 'resuming unfinished simulations');
    await resumeUnfinishedStudies(services);
  }
  logger.info({ mode: jobs.mode }, 'worker consuming jobs');
  return { close: () => jobs.close() };
}
