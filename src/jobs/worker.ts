import type { AppServices } from '../app-services';
import { PERSONA_ANALYSIS_JOB } from '../domain/personas/analysis/analysis-events';
import { runPersonaAnalysis } from '../domain/personas/analysis/run-persona-analysis';
import { PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob } from './purge-expired-sessions.job';

const HOUR_MS = 3_600_000;

/**
 * Registers every job handler. Every process registers them: the in-process runner (no
 * Redis) executes jobs in the process that enqueued them; with BullMQ only workers consume.
 */
export function registerJobs(services: AppServices): void {
  const { jobs, orm, llm, transcripts, events, logger } = services;
  jobs.register(PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob(orm));
  jobs.register(PERSONA_ANALYSIS_JOB, (payload) =>
    runPersonaAnalysis({ orm, llm, transcripts, events, logger }, String(payload.profileId)),
  );
}

/** Starts consuming jobs and the schedules (worker processes, and the quick start). */
export async function startWorker(services: AppServices): Promise<{ close(): Promise<void> }> {
  const { jobs, logger } = services;
  await jobs.schedule(PURGE_EXPIRED_SESSIONS, HOUR_MS);
  await jobs.startConsuming();
  logger.info({ mode: jobs.mode }, 'worker consuming jobs');
  return { close: () => jobs.close() };
}
