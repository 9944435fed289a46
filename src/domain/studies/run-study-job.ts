import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../observability/logger';
import type { Clock } from '../../ports/clock.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { StudyDatasetBlobStore } from '../../ports/study-dataset-blobs.port';
import { deserializeDataset, type StudySchema } from '../../kernel/study';
import type { StudyComputationInput, StudyComputationOutput, StudyProgress } from './compute-study';
import { simulationFeatures, type SimulationFeatures } from './simulation-features';
import { isTerminalStudyStatus, publishStudyProgress, type StudyProgressEvent } from './study-events';
import { Study, StudyStatus } from './study.entity';

export interface StudyJobDeps {
  orm: MikroORM;
  events: EventBus;
  blobs: StudyDatasetBlobStore;
  /** Runs the computation (a worker thread in the app). Rejects with `failure` set for a refusal that a retry would repeat. */
  compute: (input: StudyComputationInput, onProgress: (p: StudyProgress) => void) => Promise<StudyComputationOutput>;
  /** Whether an error of `compute` is the study's own (bad data, one outcome class): the study FAILS instead of the job retrying. */
  isStudyFailure: (err: unknown) => { code: string; message: string } | null;
  clock: Clock;
  logger: Logger;
}

/** Progress is written and published at most this often (plus every stage change). */
const PROGRESS_STEP = 0.02;

/**
 * The study job: idempotent (a finished study is left alone; a retried one starts over).
 * Progress goes to the row and the event bus as the computation reports it; the result and
 * report are kept on success. A study the data cannot support ends FAILED with a code and a
 * message an analyst can act on; an outage (database, thread) rethrows so the job retries.
 */
export async function runStudyJob(deps: StudyJobDeps, studyId: string): Promise<void> {
  const em = deps.orm.em.fork();
  const study = await em.findOne(Study, studyId, { populate: ['dataset'] });
  if (!study || isTerminalStudyStatus(study.status)) return;
  const ownerId = study.owner.id;
  const dataset = study.dataset.getEntity();

  const publish = (event: Omit<StudyProgressEvent, 'studyId' | 'at'>) => publishStudyProgress(deps.events, { studyId, at: deps.clock.now().toISOString(), ...event });
  await em.nativeUpdate(Study, { id: studyId }, { status: StudyStatus.RUNNING, stage: 'starting', progress: 0, startedAt: deps.clock.now() });
  await publish({ status: StudyStatus.RUNNING, stage: 'starting', fraction: 0, errorCode: null, errorMessage: null });

  const fail = async (code: string, message: string) => {
    await em.nativeUpdate(Study, { id: studyId }, { status: StudyStatus.FAILED, stage: 'failed', errorCode: code, errorMessage: message, finishedAt: deps.clock.now() });
    await publish({ status: StudyStatus.FAILED, stage: 'failed', fraction: 1, errorCode: code, errorMessage: message });
  };

  const data = await deps.blobs.readData(ownerId, dataset.id);
  if (!data) return fail('DATASET_UNAVAILABLE', 'The dataset has no readable data (it was deleted or its owner erased)');

  // Progress arrives as thread messages; writes are chained so they land in order, and the
  // last one is awaited before the terminal state is written.
  let chain: Promise<unknown> = Promise.resolve();
  let last = { stage: '', fraction: -1 };
  const onProgress = (p: StudyProgress) => {
    if (p.stage === last.stage && p.fraction - last.fraction < PROGRESS_STEP) return;
    last = p;
    chain = chain
      .then(async () => {
        await em.nativeUpdate(Study, { id: studyId, status: StudyStatus.RUNNING }, { stage: p.stage.slice(0, 64), progress: p.fraction });
        await publish({ status: StudyStatus.RUNNING, stage: p.stage, fraction: p.fraction, errorCode: null, errorMessage: null });
      })
      .catch((err: unknown) => deps.logger.warn({ err, studyId }, 'study progress not recorded'));
  };

  // Pairs linked to personas take the owner's simulation scores as features: read here (the
  // database), used in the computation (a thread without one).
  let simulation: SimulationFeatures | null = null;
  if ((dataset.schema as unknown as StudySchema).pairs?.personas) {
    try {
      const links = deserializeDataset(data).pairs.personas ?? [];
      simulation = await simulationFeatures(em, ownerId, links);
    } catch (err) {
      const failure = deps.isStudyFailure(err);
      if (!failure) throw err;
      return fail(failure.code, failure.message);
    }
  }

  let output: StudyComputationOutput;
  try {
    output = await deps.compute({ studyId, datasetName: dataset.name, data, seed: study.seed, settings: study.settings, at: deps.clock.now().toISOString(), simulationFeatures: simulation }, onProgress);
  } catch (err) {
    await chain;
    const failure = deps.isStudyFailure(err);
    if (!failure) throw err;
    return fail(failure.code, failure.message);
  }
  await chain;
  await em.nativeUpdate(
    Study,
    { id: studyId },
    {
      status: StudyStatus.SUCCEEDED,
      stage: 'done',
      progress: 1,
      result: output.result as unknown as Record<string, unknown>,
      report: output.report as unknown as Record<string, unknown>,
      card: output.card as unknown as Record<string, unknown>,
      finishedAt: deps.clock.now(),
    },
  );
  await publish({ status: StudyStatus.SUCCEEDED, stage: 'done', fraction: 1, errorCode: null, errorMessage: null });
}
