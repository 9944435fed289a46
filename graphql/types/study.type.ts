import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { StudyProgressEvent } from '../../src/domain/studies/study-events';
import { StudyOrdinalModel, StudyStatus, type Study } from '../../src/domain/studies/study.entity';

registerEnumType(StudyOrdinalModel, {
  name: 'StudyOrdinalModel',
  description: 'How an ordinal outcome is modelled: CUMULATIVE fits one L2 logistic model per cut P(outcome ≥ k) (Frank & Hall 2001) and scores the expected level; THRESHOLD fits one model of outcome ≥ positiveFrom.',
  valuesConfig: {
    CUMULATIVE: { description: 'One model per cut, P(outcome ≥ k) (Frank & Hall), scored by the expected level.' },
    THRESHOLD: { description: 'One binary model of outcome ≥ positiveFrom.' },
  },
});
registerEnumType(StudyStatus, {
  name: 'StudyStatus',
  description: 'QUEUED → RUNNING → SUCCEEDED, or FAILED with an error code and message.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Fitting and cross-validating; studyProgress reports the stage.' },
    SUCCEEDED: { description: 'Finished; its result and report are ready.' },
    FAILED: { description: 'Stopped with an error code and message.' },
  },
});

export enum StudyReportFormat {
  JSON = 'JSON',
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
}
registerEnumType(StudyReportFormat, {
  name: 'StudyReportFormat',
  description: 'JSON (the report data), Markdown, or self-contained HTML with inline SVG ROC and calibration plots.',
  valuesConfig: {
    JSON: { description: 'The study result as JSON text.' },
    MARKDOWN: { description: 'Markdown text.' },
    HTML: { description: 'One self-contained HTML page with inline SVG plots.' },
  },
});

@ObjectType('Study', { description: 'A validation study of a dataset: how well the features declared in its schema predict its outcome, measured by nested group-aware cross-validation. Runs as a background job.' })
export class StudyType {
  @Field(() => ID, { description: 'The study’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The dataset studied.' })
  datasetId!: string;

  @Field(() => StudyStatus, { description: 'Where the job stands.' })
  status!: StudyStatus;

  @Field({ description: 'The current stage (features, cross-validation, bootstrap, report, done, failed…).' })
  stage!: string;

  @Field(() => Float, { description: 'Share of the work done, 0–1.' })
  progress!: number;

  @Field(() => Int, { description: 'The seed of folds and bootstrap: the same seed on the same dataset gives the same figures.' })
  seed!: number;

  @Field(() => String, { nullable: true, description: 'The categorical attribute fairness was measured across, when one was chosen here (else the schema’s).' })
  fairnessAttribute!: string | null;

  @Field(() => Int, { nullable: true, description: 'Ordinal outcomes: the level from which a pair counts as positive, when chosen (else the most balanced cut).' })
  ordinalPositiveFrom!: number | null;

  @Field(() => StudyOrdinalModel, { nullable: true, description: 'Ordinal outcomes: the model asked for (null: the default, CUMULATIVE; studies queued before the choice existed ran THRESHOLD). The result’s outcome.ordinalModel says which ran.' })
  ordinalModel!: StudyOrdinalModel | null;

  @Field({ description: 'Whether measures of the pairs’ conversations were features.' })
  conversationMeasures!: boolean;

  @Field(() => Int, { nullable: true, description: 'Outer cross-validation folds asked for (null: the kernel’s default).' })
  outerFolds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Inner folds that choose the regularisation (null: the kernel’s default).' })
  innerFolds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Bootstrap resamples of the intervals (null: the kernel’s default, 1,000).' })
  resamples!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, as a stable code (STUDY_DATASET_INVALID, STUDY_FAILED, DATASET_UNAVAILABLE).' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, in words you can act on.' })
  errorMessage!: string | null;

  @Field({ description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its job began.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it succeeded or failed.' })
  finishedAt!: Date | null;

  static from(s: Study): StudyType {
    return Object.assign(new StudyType(), {
      id: s.id,
      datasetId: s.dataset.id,
      status: s.status,
      stage: s.stage,
      progress: s.progress,
      seed: s.seed,
      ...s.settings,
      ordinalModel: s.settings.ordinalModel ?? null,
      errorCode: s.errorCode,
      errorMessage: s.errorMessage,
      createdAt: s.createdAt,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
    });
  }
}

@ObjectType('StudyProgressEvent', { description: 'Progress of a study. The first event is where it stands when you subscribe; the stream ends after SUCCEEDED or FAILED.' })
export class StudyProgressEventType {
  @Field(() => ID, { description: 'The study this event is about.' })
  studyId!: string;

  @Field(() => StudyStatus, { description: 'RUNNING while it works; SUCCEEDED or FAILED last.' })
  status!: StudyStatus;

  @Field({ description: 'The stage the study is in.' })
  stage!: string;

  @Field(() => Float, { description: 'Share of the work done, 0–1.' })
  fraction!: number;

  @Field(() => String, { nullable: true, description: 'On FAILED: the stable code.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'On FAILED: why.' })
  errorMessage!: string | null;

  @Field({ description: 'When this state was reached.' })
  at!: Date;

  static from(e: StudyProgressEvent): StudyProgressEventType {
    return Object.assign(new StudyProgressEventType(), { ...e, at: new Date(e.at) });
  }
}

@ObjectType('StudyReportDocument', { description: 'A study report rendered as a document.' })
export class StudyReportDocumentType {
  @Field({ description: 'The media type of body (application/json, text/markdown, text/html).' })
  contentType!: string;

  @Field({ description: 'The document. HTML is self-contained: inline SVG plots, no scripts, no external URLs.' })
  body!: string;
}
