import type { AppServices } from '../app-services';
import { PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob } from './purge-expired-sessions.job';

const HOUR_MS = 3_600_000;

/** Registers every job handler and schedule, then starts consuming. */
export async function startWorker(services: AppServices): Promise<{ close(): Promise<void> }> {
  const { jobs, orm, logger } = services;
  jobs.register(PURGE_EXPIRED_SESSIONS, purgeExpiredSessionsJob(orm));
  await jobs.schedule(PURGE_EXPIRED_SESSIONS, HOUR_MS);
  await jobs.startConsuming();
  logger.info({ mode: jobs.mode }, 'worker consuming jobs');
  return { close: () => jobs.close() };
}
