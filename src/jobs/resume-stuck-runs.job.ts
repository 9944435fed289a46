import type { MikroORM } from '@mikro-orm/postgresql';
import { SIMULATION_JOB } from '../domain/simulations/start-simulation';
import type { Logger } from '../observability/logger';
import type { JobHandler, JobRunner } from '../ports/job-runner.port';
import type { RunLock } from '../ports/run-lock.port';

export const RESUME_STUCK_RUNS_JOB = 'resume-stuck-runs';

/**
 * How long a run with no lock holder must have been quiet before the sweep queues it again,
 * which is also how often the sweep runs (once across all workers): two job locks (a live job
 * renews its lock every half lock, and a dead worker's job is handed on after one), at most a
 * minute between sweeps. With the default 30 s lock: quiet for a minute, a sweep a minute.
 */
export function stuckRunTimings(lockMs: number): { staleMs: number; everyMs: number } {
  return { staleMs: 2 * lockMs, everyMs: Math.min(2 * lockMs, 60_000) };
}

/**
 * The sweep that makes sure no simulation stays RUNNING (or QUEUED) forever: a run whose job
 * is gone — failed after stalling more often than the queue allows, lost with a dead worker
 * or a flushed queue, completed by a duplicate delivery of older code — while nobody holds
 * its run lock (the lock dies with its holder's PostgreSQL session) is queued again and
 * resumes from its last checkpoint. Only runs quiet for `staleMs` are looked at, so a job just
 * enqueued and not yet picked up is not copied; a copy that does meet a live run is harmless
 * (it waits for the lock, or finds the run finished and ends).
 */
export function resumeStuckRunsJob(deps: { orm: MikroORM; runLock: RunLock; jobs: JobRunner; logger: Logger }, options: { staleMs: number }): JobHandler {
  return async () => {
    const db = deps.orm.em.fork().getConnection();
    const quiet = await db.execute<{ id: string }[]>(
      `select s.id from simulations s
        where s.status in ('QUEUED', 'RUNNING')
          and greatest(s.created_at, coalesce(s.started_at, s.created_at), coalesce((select max(e.created_at) from simulation_events e where e.simulation_id = s.id), s.created_at)) < ?
        order by s.created_at
        limit 500`,
      [new Date(Date.now() - options.staleMs)],
    );
    const resumed: string[] = [];
    for (const { id } of quiet) {
      const release = await deps.runLock.tryAcquire(`simulation:${id}`);
      if (!release) continue; // a live worker holds it
      await release();
      // One sweep copy per run: while it waits in a backlog, sweeps add no more; once it has
      // finished without ending the run (it failed for stalling again, or ran out of
      // attempts), the next sweep queues a new one. (A copy per ten-minute window left such a
      // run stuck for the rest of the window.)
      await deps.jobs.enqueue(SIMULATION_JOB, { simulationId: id }, { jobId: `simulation-${id}-sweep`, replaceFinished: true });
      resumed.push(id);
    }
    if (resumed.length > 0) deps.logger.warn({ runs: resumed }, 'queued stuck simulations again (no live job or lock holder)');
  };
}
