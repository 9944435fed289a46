import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import { DecryptionError, open, seal } from './field-cipher';

export interface RewrapOptions {
  /** The current master key (MASTER_KEY) and its id (MASTER_KEY_ID): every data key ends up wrapped by it. */
  masterKey: Buffer;
  masterKeyId: string;
  /** Retired master keys by id (MASTER_KEY_RETIRED): they open the rows not yet re-wrapped. */
  retiredMasterKeys: Readonly<Record<string, Buffer>>;
  /** Rows read per round trip. Default 500. */
  batchSize?: number;
}

export interface RewrapResult {
  /** Data keys now wrapped by the current master key that were not before. */
  rewrapped: number;
  /** Rows left as they were, by the key id no configured key opens (empty when all is done). */
  unopenable: Record<string, number>;
}

interface Row {
  user_id: string;
  key_id: string;
  wrapped_key: string;
}

/**
 * Master-key rotation, step two (`soullink rewrap-keys`): re-wraps every user's data key that
 * is wrapped by a retired master key under the current one. The data keys themselves do not
 * change, so no ciphertext is touched and running processes keep working throughout. Each
 * update is conditional on the row still holding what was read, so a concurrent erasure or a
 * second run is harmless, and an interrupted run is finished by running it again.
 */
export async function rewrapDataKeys(db: SqlExecutor, options: RewrapOptions): Promise<RewrapResult> {
  const batchSize = options.batchSize ?? 500;
  const result: RewrapResult = { rewrapped: 0, unopenable: {} };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await sqlRows<Row>(
      db,
      `select user_id::text as user_id, key_id, encode(wrapped_key, 'base64') as wrapped_key
         from user_data_keys where key_id <> ? and user_id > ?::uuid order by user_id limit ?`,
      [options.masterKeyId, after, batchSize],
    );
    if (rows.length === 0) return result;
    for (const row of rows) {
      const dataKey = unwrap(row, options.retiredMasterKeys);
      if (!dataKey) {
        result.unopenable[row.key_id] = (result.unopenable[row.key_id] ?? 0) + 1;
        continue;
      }
      const rewrapped = seal(options.masterKey, dataKey, row.user_id).toString('base64');
      const updated = await sqlRows<{ user_id: string }>(
        db,
        `update user_data_keys set key_id = ?, wrapped_key = decode(?, 'base64')
          where user_id = ?::uuid and key_id = ? and wrapped_key = decode(?, 'base64') returning user_id`,
        [options.masterKeyId, rewrapped, row.user_id, row.key_id, row.wrapped_key],
      );
      result.rewrapped += updated.length;
    }
    after = rows[rows.length - 1]!.user_id;
  }
}

/** The data key, or null when no retired key has the row's id or the key under that id does not open it. */
function unwrap(row: Row, retired: Readonly<Record<string, Buffer>>): Buffer | null {
  const masterKey = retired[row.key_id];
  if (!masterKey) return null;
  try {
    return open(masterKey, Buffer.from(row.wrapped_key, 'base64'), row.user_id);
  } catch (err) {
    if (err instanceof DecryptionError) return null;
    throw err;
  }
}
