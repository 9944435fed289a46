import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';
import { StudyDataset } from './study-dataset.entity';

export enum StudyStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/** How an ordinal outcome is modelled (the kernel's OrdinalModelKind). */
export enum StudyOrdinalModel {
  /** One model per cut P(outcome ≥ k) (Frank & Hall), scored by the expected level. */
  CUMULATIVE = 'cumulative',
  /** One model of outcome ≥ positiveFrom. */
  THRESHOLD = 'threshold',
}

/** What the analyst chose for a study run (validated in study-input.ts). */
export interface StudyRunSettings {
  fairnessAttribute: string | null;
  ordinalPositiveFrom: number | null;
  /** Absent on studies queued before ordinal models could be chosen: they ran the threshold model. */
  ordinalModel?: StudyOrdinalModel | null;
  conversationMeasures: boolean;
  outerFolds: number | null;
  innerFolds: number | null;
  resamples: number | null;
}

/**
 * One validation study of a dataset: a background job (STUDY_JOB) that builds the features,
 * runs nested group-aware cross-validation and keeps the result and its rendered report.
 */
@Entity({ tableName: 'studies' })
@Index({ properties: ['owner', 'createdAt'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ name: 'studies_owner_id_created_at_id_index', expression: `create index "studies_owner_id_created_at_id_index" on "studies" ("owner_id", "created_at" desc, "id" asc)` })
export class Study {
  [OptionalProps]?: 'status' | 'stage' | 'progress' | 'errorCode' | 'errorMessage' | 'result' | 'report' | 'card' | 'createdAt' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => StudyDataset, { ref: true, deleteRule: 'cascade' })
  dataset!: Ref<StudyDataset>;

  @Property({ type: 'integer' })
  seed!: number;

  @Property({ type: 'json' })
  settings!: StudyRunSettings;

  @Enum({ items: () => StudyStatus, nativeEnumName: 'study_status' })
  status: StudyStatus = StudyStatus.QUEUED;

  /** The kernel's current stage name (features, cross-validation, bootstrap, …). */
  @Property({ type: 'string', length: 64 })
  stage = 'queued';

  /** 0–1. */
  @Property({ type: 'double' })
  progress = 0;

  @Property({ type: 'string', length: 64, nullable: true })
  errorCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  errorMessage: string | null = null;

  /** The kernel's StudyResult (without the per-row predictions) plus the feature descriptions. */
  @Property({ type: 'json', nullable: true, lazy: true })
  result: Record<string, unknown> | null = null;

  /** The kernel's StudyReport, rendered on request as JSON, Markdown or HTML. */
  @Property({ type: 'json', nullable: true, lazy: true })
  report: Record<string, unknown> | null = null;

  /** The validity card a match model made from this study carries (its id, name and date set then). */
  @Property({ type: 'json', nullable: true, lazy: true })
  card: Record<string, unknown> | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;
}
