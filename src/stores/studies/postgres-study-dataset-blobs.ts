import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { ReadyDatasetFields, StudyDatasetBlobStore } from '../../ports/study-dataset-blobs.port';
import { open, seal } from '../encryption/field-cipher';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

/**
 * The sealed columns of `study_datasets`: the serialized dataset (`data`) and, during a
 * streamed upload, the people table's raw bytes (`staged_people`). Each is sealed with the
 * owner's data key (AES-256-GCM; the AAD names the owner, the dataset and the column, so a
 * blob moved to another row does not open); erasure forgets the key and every copy turns
 * unreadable. Writes that complete a dataset set the blob, its metadata and READY in one
 * statement, so a dataset is never READY without its data.
 */
export class PostgresStudyDatasetBlobs implements StudyDatasetBlobStore {
  constructor(
    private readonly db: SqlExecutor,
    private readonly keys: DataKeyRing,
  ) {}

  /** Inserts a complete (READY) dataset in one statement: the GraphQL upload path. */
  async insertReady(row: { id: string; ownerId: string; name: string; format: string; schema: unknown }, ready: ReadyDatasetFields): Promise<void> {
    const sealed = await this.seal(row.ownerId, row.id, 'data', ready.bytes);
    await this.db.execute(
      `insert into study_datasets (id, owner_id, name, format, status, schema, stats, hash, data, created_at, ready_at)
       values (?, ?, ?, ?, 'READY', ?, ?, ?, ?, now(), now())`,
      [row.id, row.ownerId, row.name, row.format, JSON.stringify(row.schema), JSON.stringify(ready.stats), ready.hash, sealed],
    );
  }

  /** Keeps the raw people table of an UPLOADING dataset until its pairs arrive. */
  async stagePeople(ownerId: string, datasetId: string, raw: Uint8Array): Promise<boolean> {
    const sealed = await this.seal(ownerId, datasetId, 'staged_people', raw);
    const rows = await sqlRows<{ id: string }>(
      this.db,
      `update study_datasets set staged_people = ? where id = ? and owner_id = ? and status = 'UPLOADING' returning id`,
      [sealed, datasetId, ownerId],
    );
    return rows.length === 1;
  }

  async stagedPeople(ownerId: string, datasetId: string): Promise<Buffer | null> {
    const rows = await sqlRows<{ staged_people: Buffer | null }>(this.db, 'select staged_people from study_datasets where id = ? and owner_id = ?', [datasetId, ownerId]);
    const sealed = rows[0]?.staged_people;
    return sealed ? this.open(ownerId, datasetId, 'staged_people', sealed) : null;
  }

  /** UPLOADING → READY with the dataset, dropping the staged people; false when it was not UPLOADING. */
  async completeUpload(ownerId: string, datasetId: string, ready: ReadyDatasetFields): Promise<boolean> {
    const sealed = await this.seal(ownerId, datasetId, 'data', ready.bytes);
    const rows = await sqlRows<{ id: string }>(
      this.db,
      `update study_datasets set status = 'READY', data = ?, staged_people = null, stats = ?, hash = ?, ready_at = now()
       where id = ? and owner_id = ? and status = 'UPLOADING' returning id`,
      [sealed, JSON.stringify(ready.stats), ready.hash, datasetId, ownerId],
    );
    return rows.length === 1;
  }

  /** The serialized dataset of a READY dataset, or null when it has none. */
  async readData(ownerId: string, datasetId: string): Promise<Buffer | null> {
    const rows = await sqlRows<{ data: Buffer | null }>(this.db, `select data from study_datasets where id = ? and owner_id = ? and status = 'READY'`, [datasetId, ownerId]);
    const sealed = rows[0]?.data;
    return sealed ? this.open(ownerId, datasetId, 'data', sealed) : null;
  }

  /** A failed upload leaves nothing: the UPLOADING row goes with whatever it staged. */
  async discardUpload(ownerId: string, datasetId: string): Promise<void> {
    await this.db.execute(`delete from study_datasets where id = ? and owner_id = ? and status = 'UPLOADING'`, [datasetId, ownerId]);
  }

  private async seal(ownerId: string, datasetId: string, column: string, plaintext: Uint8Array): Promise<Buffer> {
    const key = await this.keys.keyFor(ownerId);
    return seal(key, Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength), aad(ownerId, datasetId, column));
  }

  private async open(ownerId: string, datasetId: string, column: string, sealed: Buffer): Promise<Buffer> {
    const key = await this.keys.keyFor(ownerId);
    return open(key, Buffer.isBuffer(sealed) ? sealed : Buffer.from(sealed), aad(ownerId, datasetId, column));
  }
}

function aad(ownerId: string, datasetId: string, column: string): string {
  return JSON.stringify(['study-dataset', column, ownerId, datasetId]);
}
