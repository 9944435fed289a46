import { randomBytes } from 'node:crypto';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';
import { DecryptionError, decryptText, encryptText, open, seal } from './field-cipher';

export interface PostgresDataKeyRingOptions {
  /** Wraps new data keys (AES-256-GCM, AAD = the user id). */
  masterKey: Buffer;
  /** Stored with every key it wraps, so a later rotation knows which master key opens which row. */
  masterKeyId: string;
  /** Master keys rotated out, by id: data keys they wrapped still open. */
  retiredMasterKeys?: Readonly<Record<string, Buffer>>;
  /** Unwrapped keys kept in this process (least recently used go first). Default 10,000. */
  cacheSize?: number;
  /** How long an unwrapped key stays cached, ms: also how long another process may use a key after `forget`. Default 10 minutes. */
  cacheTtlMs?: number;
  clock?: () => number;
}

/** The data key of a user cannot be had: not a user id, no such user, or the master key does not open it. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
}

interface KeyRow {
  key_id: string;
  wrapped_key: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOREIGN_KEY_VIOLATION = '23503';
const DATA_KEY_BYTES = 32;

/**
 * Data keys in `user_data_keys` (migration Migration20261123140000_user_data_keys), one row
 * per user, deleted with the user (foreign key, on delete cascade) or by `forget`. Wrapped
 * keys travel as base64 so any SqlExecutor carries them. Creation is race-free across
 * processes: insert … on conflict do nothing, then read whichever key won. Unwrapped keys are
 * cached (bounded LRU with expiry) so the hot path — every message written or read — does
 * not query the database; concurrent first uses in this process share one lookup.
 */
export class PostgresDataKeyRing implements DataKeyRing {
  private readonly masterKeys: Map<string, Buffer>;
  private readonly cache = new Map<string, { key: Buffer; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<Buffer | null>>();
  private readonly cacheSize: number;
  private readonly cacheTtlMs: number;
  private readonly clock: () => number;
  /** Bumped by every forget: a lookup that overlapped one does not cache what it read. */
  private forgets = 0;

  constructor(
    private readonly db: SqlExecutor,
    private readonly options: PostgresDataKeyRingOptions,
  ) {
    if (options.masterKey.length !== 32) throw new TypeError('the master key has 32 bytes');
    this.masterKeys = new Map([...Object.entries(options.retiredMasterKeys ?? {}), [options.masterKeyId, options.masterKey]]);
    this.cacheSize = options.cacheSize ?? 10_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 10 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  async keyFor(userId: string): Promise<Buffer> {
    const id = canonicalUserId(userId);
    if (!id) throw new DataKeyError('a data key belongs to a user id (a UUID)');
    const key = await this.lookup(id, true);
    if (!key) throw new DataKeyError(`the data key of user ${id} was not found right after it was stored`);
    return key;
  }

  async existingKeyFor(userId: string): Promise<Buffer | null> {
    const id = canonicalUserId(userId);
    return id ? this.lookup(id, false) : null;
  }

  async forget(userId: string): Promise<void> {
    const id = canonicalUserId(userId);
    if (!id) return;
    // Lookups running across the delete must not cache what they read: count before and after.
    this.forgets += 1;
    this.cache.delete(id);
    await this.db.execute('delete from user_data_keys where user_id = ?::uuid', [id]);
    this.forgets += 1;
    this.cache.delete(id);
  }

  async sealText(userId: string, text: string, place: string): Promise<string> {
    return encryptText(await this.keyFor(userId), text, place);
  }

  async openText(userId: string, value: string, place: string): Promise<string | null> {
    const key = await this.existingKeyFor(userId);
    return key ? decryptText(key, value, place) : null;
  }

  private async lookup(id: string, create: boolean): Promise<Buffer | null> {
    const cached = this.cached(id);
    if (cached) return cached;
    const flight = `${create ? 'create' : 'read'}:${id}`;
    let pending = this.loading.get(flight);
    if (!pending) {
      pending = this.load(id, create).finally(() => this.loading.delete(flight));
      this.loading.set(flight, pending);
    }
    return pending;
  }

  private async load(id: string, create: boolean): Promise<Buffer | null> {
    const forgetsBefore = this.forgets;
    let key = await this.read(id);
    if (!key && create) {
      try {
        await this.db.execute(
          `insert into user_data_keys (user_id, key_id, wrapped_key, created_at)
           values (?::uuid, ?, decode(?, 'base64'), now()) on conflict (user_id) do nothing`,
          [id, this.options.masterKeyId, this.wrap(id, randomBytes(DATA_KEY_BYTES)).toString('base64')],
        );
      } catch (err) {
        if ((err as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) throw new DataKeyError(`no user ${id}: data keys belong to existing users`);
        throw err;
      }
      // Another writer may have won the insert: its key is the one.
      key = await this.read(id);
    }
    if (key && this.forgets === forgetsBefore) this.remember(id, key);
    return key;
  }

  private async read(id: string): Promise<Buffer | null> {
    const [row] = await sqlRows<KeyRow>(
      this.db,
      `select key_id, encode(wrapped_key, 'base64') as wrapped_key from user_data_keys where user_id = ?::uuid`,
      [id],
    );
    return row ? this.unwrap(id, row) : null;
  }

  private wrap(id: string, dataKey: Buffer): Buffer {
    return seal(this.options.masterKey, dataKey, id);
  }

  private unwrap(id: string, row: KeyRow): Buffer {
    const masterKey = this.masterKeys.get(row.key_id);
    if (!masterKey) {
      throw new DataKeyError(`the data key of user ${id} is wrapped by master key "${row.key_id}", which is not configured (MASTER_KEY_ID is "${this.options.masterKeyId}")`);
    }
    try {
      return open(masterKey, Buffer.from(row.wrapped_key, 'base64'), id);
    } catch (err) {
      if (!(err instanceof DecryptionError)) throw err;
      throw new DataKeyError(`the data key of user ${id} does not unwrap with master key "${row.key_id}": MASTER_KEY is not the key this id names`);
    }
  }

  private cached(id: string): Buffer | undefined {
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    this.cache.delete(id);
    if (entry.expiresAt <= this.clock()) return undefined;
    this.cache.set(id, entry); // most recently used goes last
    return entry.key;
  }

  private remember(id: string, key: Buffer): void {
    this.cache.delete(id);
    this.cache.set(id, { key, expiresAt: this.clock() + this.cacheTtlMs });
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** The lower-case UUID, or null when `userId` is not one. */
function canonicalUserId(userId: string): string | null {
  return typeof userId === 'string' && UUID_RE.test(userId) ? userId.toLowerCase() : null;
}
