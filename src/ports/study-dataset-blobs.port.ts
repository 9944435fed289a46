/** What a completed dataset stores beside its sealed bytes. */
export interface ReadyDatasetFields {
  bytes: Uint8Array;
  hash: string;
  stats: Record<string, number>;
}

/**
 * The sealed columns of study datasets (encrypted at rest with the owner's data key: pair
 * conversations are private messages). Every method scopes by owner; a READY dataset is never
 * without its data because completing one is a single write.
 */
export interface StudyDatasetBlobStore {
  /** Inserts a complete (READY) dataset at once: the GraphQL upload path. */
  insertReady(row: { id: string; ownerId: string; name: string; format: string; schema: unknown }, ready: ReadyDatasetFields): Promise<void>;
  /** Keeps the raw people table of an UPLOADING dataset until its pairs arrive; false when it is not UPLOADING. */
  stagePeople(ownerId: string, datasetId: string, raw: Uint8Array): Promise<boolean>;
  stagedPeople(ownerId: string, datasetId: string): Promise<Buffer | null>;
  /** UPLOADING → READY with its data, dropping the staged table; false when it was not UPLOADING. */
  completeUpload(ownerId: string, datasetId: string, ready: ReadyDatasetFields): Promise<boolean>;
  /** The serialized dataset of a READY dataset, or null. */
  readData(ownerId: string, datasetId: string): Promise<Buffer | null>;
  /** A failed upload leaves nothing: deletes the UPLOADING row and what it staged. */
  discardUpload(ownerId: string, datasetId: string): Promise<void>;
}
