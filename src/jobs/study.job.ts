import type { AppServices } from '../app-services';
import { runStudyJob } from '../domain/studies/run-study-job';
import { STUDY_JOB } from '../domain/studies/study-events';
import { Study, StudyStatus } from '../domain/studies/study.entity';
import { StudyComputationError, computeStudyInThread } from './study-thread';

/** Registers the validation-study job: the computation runs in a worker thread. */
export function registerStudyJobs(services: AppServices): void {
  const { jobs, orm, events, studyDatasets, clock, logger } = services;
  jobs.register(STUDY_JOB, (payload) =>
    runStudyJob(
      {
        orm,
        events,
        blobs: studyDatasets,
        compute: computeStudyInThread,
        isStudyFailure: (err) =>
          err instanceof StudyComputationError ? { code: err.kind === 'StudyDatasetError' ? 'STUDY_DATASET_INVALID' : 'STUDY_FAILED', message: err.message } : null,
        clock,
        logger,
      },
      String(payload.studyId),
    ),
  );
}

/** In-process jobs die with the process: studies it left unfinished start over (a study has no checkpoints). */
export async function resumeUnfinishedStudies(services: AppServices): Promise<void> {
  if (services.jobs.mode !== 'in-process') return;
  const unfinished = await services.orm.em.fork().find(Study, { status: { $in: [StudyStatus.QUEUED, StudyStatus.RUNNING] } }, { fields: ['id'] });
  for (const { id } of unfinished) await services.jobs.enqueue(STUDY_JOB, { studyId: id }, { jobId: `study-${id}-resume` });
}
