import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../accounts/user.entity';

export enum StudyDatasetStatus {
  /** Created by the streamed upload path; its tables have not both arrived and parsed yet. */
  UPLOADING = 'UPLOADING',
  /** Both tables parsed; studies can run on it. */
  READY = 'READY',
}

export enum StudyDatasetFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}

/** Counts of a parsed dataset (from the kernel's assembleDataset). */
export interface StudyDatasetStats {
  people: number;
  pairs: number;
  groups: number;
  attributes: number;
  conversations: number;
}

/**
 * An analyst's study dataset: a people table and a pairs table under a declared schema. The
 * parsed dataset is kept as one sealed blob (AES-256-GCM with the owner's data key, like chat
 * transcripts): pair conversations are private messages. Only metadata is in the clear.
 */
@Entity({ tableName: 'study_datasets' })
@Index({ properties: ['owner', 'createdAt'] })
// Keyset pages (src/domain/pagination/find-page.ts): migrations/Migration20261205000000_keyset_indexes.ts.
@Index({ name: 'study_datasets_owner_id_created_at_id_index', expression: `create index "study_datasets_owner_id_created_at_id_index" on "study_datasets" ("owner_id", "created_at" desc, "id" asc)` })
export class StudyDataset {
  [OptionalProps]?: 'status' | 'stats' | 'hash' | 'data' | 'stagedPeople' | 'createdAt' | 'readyAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Enum({ items: () => StudyDatasetFormat, nativeEnumName: 'study_dataset_format' })
  format!: StudyDatasetFormat;

  @Enum({ items: () => StudyDatasetStatus, nativeEnumName: 'study_dataset_status' })
  status: StudyDatasetStatus = StudyDatasetStatus.UPLOADING;

  /** The declared schema as uploaded (column names and kinds, no data). */
  @Property({ type: 'json' })
  schema!: Record<string, unknown>;

  @Property({ type: 'json', nullable: true })
  stats: StudyDatasetStats | null = null;

  /** Content hash of the parsed dataset (the kernel's), quoted by validity cards. */
  @Property({ type: 'string', length: 128, nullable: true })
  hash: string | null = null;

  /** The serialized dataset, sealed (src/stores/studies/study-dataset-blobs.ts). Loaded only on demand. */
  @Property({ type: 'blob', lazy: true, nullable: true })
  data: Buffer | null = null;

  /** Streamed upload: the people table's raw bytes, sealed, until the pairs arrive. */
  @Property({ type: 'blob', lazy: true, nullable: true })
  stagedPeople: Buffer | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  readyAt: Date | null = null;
}
