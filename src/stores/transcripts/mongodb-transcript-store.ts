import { randomUUID } from 'node:crypto';
import { MongoBulkWriteError, MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import {
  chunkMessages,
  inRequestedOrder,
  isUuid,
  normaliseIds,
  normaliseListOptions,
  planAppend,
  requireKey,
  TranscriptInputError,
  type ValidMessage,
  normaliseDedupeKeys,
  ownerPage,
} from './transcript-input';
import type {
  ConversationKind,
  NewTranscriptMessage,
  TranscriptMessage,
  TranscriptRole,
  TranscriptStore,
} from '../../ports/transcript-store.port';

/** One message as stored. `_id` is a UUID string, like the PostgreSQL adapter's ids. */
export interface TranscriptDocument {
  _id: string;
  ownerId: string;
  conversationId: string;
  kind: ConversationKind;
  batchId: string;
  dedupeKey: string;
  seq: number;
  sender: string;
  role: TranscriptRole;
  text: string;
  sentAt: Date;
  metadata?: Record<string, unknown>;
  createdAt: Date;
}

/** The last seq handed out for a conversation; `_id` is the conversation id. */
export interface TranscriptCounterDocument {
  _id: string;
  lastSeq: number;
}

export interface MongodbTranscriptStoreOptions {
  /** With a MongoClient: the database. Default: the one named in the connection string. */
  dbName?: string;
  /** Default `transcript_messages`. */
  collection?: string;
  /** Default `transcript_counters`. */
  countersCollection?: string;
  /** Server-side time limit for reads and deletes. Default 15 s. */
  maxTimeMS?: number;
  /**
   * Create the indexes (ensureIndexes) before the first operation, once per instance.
   * Default true, so a store is safe even if startup never called ensureIndexes().
   */
  ensureIndexesOnFirstUse?: boolean;
  /** Called by close(), e.g. to close a MongoClient the store was given to own. */
  onClose?: () => Promise<void>;
}

export const TRANSCRIPT_INDEXES = {
  dedupe: 'transcript_conversation_dedupe_unique',
  seq: 'transcript_conversation_seq_unique',
  owner: 'transcript_owner',
} as const;

const DUPLICATE_KEY = 11000;
/** Attempts to place rows whose seq collided (only after the counters were lost or reset). */
const MAX_SEQ_REPAIRS = 5;

/**
 * Production transcript store: one document per message in `transcript_messages`, seqs from
 * a per-conversation counter document reserved a block at a time. Call ensureIndexes() once
 * at startup (idempotent): uniqueness of (conversationId, dedupeKey) and (conversationId,
 * seq) is what makes append idempotent and safe under concurrency. By default the first
 * operation also ensures them. close() leaves a client it was given open (its owner, the
 * composition root, closes it) unless options.onClose says otherwise.
 */
export class MongodbTranscriptStore implements TranscriptStore {
  private readonly messages: Collection<TranscriptDocument>;
  private readonly counters: Collection<TranscriptCounterDocument>;
  private readonly maxTimeMS: number;
  private indexes: Promise<void> | undefined;

  constructor(
    mongo: MongoClient | Db,
    private readonly options: MongodbTranscriptStoreOptions = {},
  ) {
    const db = mongo instanceof MongoClient ? mongo.db(options.dbName) : mongo;
    this.messages = db.collection<TranscriptDocument>(options.collection ?? 'transcript_messages');
    this.counters = db.collection<TranscriptCounterDocument>(options.countersCollection ?? 'transcript_counters');
    this.maxTimeMS = options.maxTimeMS ?? 15_000;
  }

  /** Creates the indexes the store relies on; a no-op when they exist. */
  async ensureIndexes(): Promise<void> {
    await this.createIndexes();
    this.indexes = Promise.resolve();
  }

  /** Once per instance; a failure is not remembered, so the next call tries again. */
  private ready(): Promise<void> {
    if (this.options.ensureIndexesOnFirstUse === false) return Promise.resolve();
    this.indexes ??= this.createIndexes().catch((err: unknown) => {
      this.indexes = undefined;
      throw err;
    });
    return this.indexes;
  }

  private async createIndexes(): Promise<void> {
    await this.messages.createIndexes([
      { key: { conversationId: 1, dedupeKey: 1 }, name: TRANSCRIPT_INDEXES.dedupe, unique: true },
      // Also serves list, count, deleteConversation and deleteBatch (conversationId prefix).
      { key: { conversationId: 1, seq: 1 }, name: TRANSCRIPT_INDEXES.seq, unique: true },
      { key: { ownerId: 1 }, name: TRANSCRIPT_INDEXES.owner },
    ]);
  }

  async append(messages: NewTranscriptMessage[]): Promise<{ inserted: number; duplicates: number }> {
    const { groups, repeatedInCall } = planAppend(messages);
    if (groups.length > 0) await this.ready();
    let inserted = 0;
    let offered = 0;
    // Conversations one after another and chunks in order, so seq follows input order.
    // After a failure, re-appending the same messages is safe (stored keys count as
    // duplicates), and deleteBatch removes a partial batch.
    for (const group of groups) {
      for (const chunk of chunkMessages(group.messages)) {
        offered += chunk.length;
        inserted += await this.appendChunk(group.conversationId, chunk);
      }
    }
    return { inserted, duplicates: offered - inserted + repeatedInCall };
  }

  private async appendChunk(conversationId: string, chunk: ValidMessage[]): Promise<number> {
    // Skip keys already stored, so a retried or repeated append reserves no seqs.
    const stored = await this.storedKeys(conversationId, chunk.map((m) => m.dedupeKey));
    const fresh = chunk.filter((m) => !stored.has(m.dedupeKey));
    if (fresh.length === 0) return 0;

    const lastSeq = await this.reserve(conversationId, fresh.length);
    const createdAt = new Date();
    let pending: TranscriptDocument[] = fresh.map((m, i) => toDocument(m, lastSeq - fresh.length + 1 + i, createdAt));
    let inserted = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.insert(pending);
      inserted += outcome.inserted;
      if (outcome.collided.length === 0) return inserted;
      // A racing append stored some of these keys first: those are duplicates. The rest
      // collided on seq, which only happens when a counter is behind the stored messages
      // (counters dropped or restored from an older backup): catch it up and retry them.
      const racedKeys = await this.storedKeys(conversationId, outcome.collided.map((d) => d.dedupeKey));
      const retry = outcome.collided.filter((d) => !racedKeys.has(d.dedupeKey));
      if (retry.length === 0) return inserted;
      if (attempt >= MAX_SEQ_REPAIRS) {
        throw new Error(`transcript append: seq collisions persist in conversation ${JSON.stringify(conversationId)}`);
      }
      await this.catchUpCounter(conversationId);
      const last = await this.reserve(conversationId, retry.length);
      pending = retry.map((d, i) => ({ ...d, seq: last - retry.length + 1 + i }));
    }
  }

  /** insertMany, unordered: everything that can go in goes in; duplicate keys are reported back. */
  private async insert(docs: TranscriptDocument[]): Promise<{ inserted: number; collided: TranscriptDocument[] }> {
    try {
      const result = await this.messages.insertMany(docs, { ordered: false });
      return { inserted: result.insertedCount, collided: [] };
    } catch (err) {
      if (!(err instanceof MongoBulkWriteError) || err.err) throw err; // network, write concern...
      const writeErrors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw err;
      const collided = writeErrors.map((e) => docs[e.index]!);
      return { inserted: docs.length - collided.length, collided };
    }
  }

  private async storedKeys(conversationId: string, keys: string[]): Promise<Set<string>> {
    const found = await this.messages
      .find({ conversationId, dedupeKey: { $in: keys } }, { projection: { _id: 0, dedupeKey: 1 }, maxTimeMS: this.maxTimeMS })
      .limit(keys.length)
      .toArray();
    return new Set(found.map((d) => d.dedupeKey));
  }

  /** Reserves `count` consecutive seqs; resolves to the last of them. */
  private async reserve(conversationId: string, count: number): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.counters.findOneAndUpdate(
          { _id: conversationId },
          { $inc: { lastSeq: count } },
          { upsert: true, returnDocument: 'after' },
        );
        if (!counter) throw new Error('transcript counter upsert returned nothing');
        return counter.lastSeq;
      } catch (err) {
        // Two first appends racing to create the counter: the loser retries and increments.
        if (attempt < 2 && err instanceof MongoServerError && err.code === DUPLICATE_KEY) continue;
        throw err;
      }
    }
  }

  private async catchUpCounter(conversationId: string): Promise<void> {
    const [highest] = await this.messages
      .find({ conversationId }, { projection: { _id: 0, seq: 1 }, maxTimeMS: this.maxTimeMS })
      .sort({ seq: -1 })
      .limit(1)
      .toArray();
    if (highest) await this.counters.updateOne({ _id: conversationId }, { $max: { lastSeq: highest.seq } }, { upsert: true });
  }

  async list(
    conversationId: string,
    options?: { afterSeq?: number; beforeSeq?: number; limit?: number; order?: 'asc' | 'desc' },
  ): Promise<TranscriptMessage[]> {
    requireKey('conversationId', conversationId);
    const query = normaliseListOptions(options);
    await this.ready();
    const seq: { $gt?: number; $lt?: number } = {};
    if (query.afterSeq !== undefined) seq.$gt = query.afterSeq;
    if (query.beforeSeq !== undefined) seq.$lt = query.beforeSeq;
    const docs = await this.messages
      .find(
        { conversationId, ...(Object.keys(seq).length > 0 ? { seq } : {}) },
        { maxTimeMS: this.maxTimeMS },
      )
      .sort({ seq: query.order === 'desc' ? -1 : 1 })
      .limit(query.limit)
      .toArray();
    return docs.map(toMessage);
  }

  async getByIds(ownerId: string, ids: string[]): Promise<TranscriptMessage[]> {
    const owner = requireOwner(ownerId);
    const wanted = normaliseIds(ids);
    if (wanted.length === 0) return [];
    await this.ready();
    const docs = await this.messages
      .find({ _id: { $in: wanted }, ownerId: owner }, { maxTimeMS: this.maxTimeMS })
      .limit(wanted.length)
      .toArray();
    return inRequestedOrder(wanted, docs.map(toMessage));
  }

  /** Served by the unique (conversationId, dedupeKey) index. */
  async findByDedupeKey(conversationId: string, dedupeKey: string): Promise<TranscriptMessage | null> {
    requireKey('conversationId', conversationId);
    requireKey('dedupeKey', dedupeKey);
    await this.ready();
    const doc = await this.messages.findOne({ conversationId, dedupeKey }, { maxTimeMS: this.maxTimeMS });
    return doc ? toMessage(doc) : null;
  }

  async findByDedupeKeys(conversationId: string, dedupeKeys: string[]): Promise<TranscriptMessage[]> {
    requireKey('conversationId', conversationId);
    const wanted = normaliseDedupeKeys(dedupeKeys);
    if (wanted.length === 0) return [];
    await this.ready();
    const docs = await this.messages
      .find({ conversationId, dedupeKey: { $in: wanted } }, { maxTimeMS: this.maxTimeMS })
      .sort({ seq: 1 })
      .limit(wanted.length)
      .toArray();
    return docs.map(toMessage);
  }

  async listByOwner(ownerId: string, options: { afterId?: string; limit?: number } = {}): Promise<TranscriptMessage[]> {
    const owner = requireOwner(ownerId);
    const { afterId, limit } = ownerPage(options);
    await this.ready();
    const docs = await this.messages
      .find({ ownerId: owner, _id: { $gt: afterId } }, { maxTimeMS: this.maxTimeMS })
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map(toMessage);
  }

  async count(conversationId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    await this.ready();
    return this.messages.countDocuments({ conversationId }, { maxTimeMS: this.maxTimeMS });
  }

  async deleteBatch(conversationId: string, batchId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    requireKey('batchId', batchId);
    await this.ready();
    const result = await this.messages.deleteMany({ conversationId, batchId });
    return result.deletedCount;
  }

  /** The counter stays, so seq never goes back for a conversation id (see the Postgres adapter). */
  async deleteConversation(conversationId: string): Promise<number> {
    requireKey('conversationId', conversationId);
    await this.ready();
    const result = await this.messages.deleteMany({ conversationId });
    return result.deletedCount;
  }

  async deleteByOwner(ownerId: string): Promise<number> {
    const owner = requireOwner(ownerId);
    await this.ready();
    const result = await this.messages.deleteMany({ ownerId: owner });
    return result.deletedCount;
  }

  async close(): Promise<void> {
    await this.options.onClose?.();
  }
}

function requireOwner(ownerId: string): string {
  if (!isUuid(ownerId)) throw new TranscriptInputError('ownerId: must be a UUID');
  return ownerId.toLowerCase();
}

function toDocument(m: ValidMessage, seq: number, createdAt: Date): TranscriptDocument {
  return {
    _id: m.id ?? randomUUID(),
    ownerId: m.ownerId,
    conversationId: m.conversationId,
    kind: m.kind,
    batchId: m.batchId,
    dedupeKey: m.dedupeKey,
    seq,
    sender: m.sender,
    role: m.role,
    text: m.text,
    sentAt: m.sentAt,
    ...(m.metadata ? { metadata: m.metadata } : {}),
    createdAt,
  };
}

function toMessage(doc: TranscriptDocument): TranscriptMessage {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    conversationId: doc.conversationId,
    kind: doc.kind,
    batchId: doc.batchId,
    dedupeKey: doc.dedupeKey,
    seq: doc.seq,
    sender: doc.sender,
    role: doc.role,
    text: doc.text,
    sentAt: doc.sentAt,
    ...(doc.metadata ? { metadata: doc.metadata } : {}),
    createdAt: doc.createdAt,
  };
}
