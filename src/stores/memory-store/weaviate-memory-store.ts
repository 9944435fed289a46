import { createHash, randomUUID } from 'node:crypto';
import weaviate, { Filters, type Collection, type FilterValue, type WeaviateClient } from 'weaviate-client';
import {
  isMemoryId,
  isValidAt,
  LATEST_MEMORY_DATE,
  MEMORY_LIMITS,
  supersedes,
  validateCorrection,
  validateListFilter,
  validateNewMemory,
  validateRecallQuery,
  validateUserId,
  type MemoryListFilter,
} from './memory-input';
import { keywordString, rankMemories } from './memory-ranking';
import type { Memory, MemoryKind, MemoryStore, MemoryView, NewMemory, RecalledMemory, RecallQuery } from '../../ports/memory-store.port';

/** One memory as a Weaviate object (the vector travels beside it, as the named vector `default`). */
export type MemoryProperties = {
  userId: string;
  personaId: string;
  view: string;
  kind: string;
  text: string;
  /** keywordTokens(text), space-separated: the BM25 half of the hybrid search reads this, so CJK works without gse. */
  keywords: string;
  importance: number;
  validFrom: Date;
  /** OPEN_VALID_TO while the memory holds; a range filter (`validTo > now`) then selects the valid ones. */
  validTo: Date;
  sourceMessageIds: string[];
  /** Absent for memories without a key. */
  factKey?: string;
  createdAt: Date;
};

/**
 * validTo of a memory that still holds. A date rather than null keeps "valid at t" one
 * range filter and needs no null-state index. Weaviate indexes dates as int64 nanoseconds
 * (good until 2262); the shared validation keeps every memory date before this.
 */
export const OPEN_VALID_TO = LATEST_MEMORY_DATE;

const VECTOR_NAME = 'default';
/** Namespace for the deterministic id of a correction (one correction per memory). */
const CORRECTION_NAMESPACE = 'soullink.memory.correction';

export interface WeaviateMemoryStoreOptions {
  /** Collection name; Weaviate capitalises the first letter. Default `Memory`. */
  collectionName?: string;
  /** The clock for createdAt, corrections and the default recall moment. */
  clock?: () => Date;
  /** Weight of the vector half of the hybrid search and of the fused similarity. Default 0.7. */
  alpha?: number;
  /**
   * Recall asks Weaviate's hybrid search for max(limit × candidateFactor, minCandidates)
   * candidates (at most maxCandidates), then re-ranks them with time decay and importance.
   * Defaults 4, 40, 200.
   */
  candidateFactor?: number;
  minCandidates?: number;
  maxCandidates?: number;
  /** Called by close(), e.g. to close a client the store was given to own. */
  onClose?: () => Promise<void>;
}

export interface WeaviateConnectOptions {
  /** gRPC host and port, when not the HTTP host on 50051. */
  grpcHost?: string;
  grpcPort?: number;
  apiKey?: string;
  /** Seconds. Default: init 5, query 30, insert 30. */
  timeout?: { init?: number; query?: number; insert?: number };
}

/** A weaviate-client v3 connection from a URL such as WEAVIATE_URL (`http://weaviate:8080`). */
export async function connectWeaviate(url: string, options: WeaviateConnectOptions = {}): Promise<WeaviateClient> {
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  const path = u.pathname.replace(/\/+$/, '');
  return weaviate.connectToCustom({
    httpHost: u.hostname,
    httpPort: u.port ? Number(u.port) : secure ? 443 : 80,
    httpSecure: secure,
    ...(path ? { httpPath: path } : {}),
    grpcHost: options.grpcHost ?? u.hostname,
    grpcPort: options.grpcPort ?? 50051,
    grpcSecure: secure,
    ...(options.apiKey ? { authCredentials: new weaviate.ApiKey(options.apiKey) } : {}),
    timeout: { init: 5, query: 30, insert: 30, ...options.timeout },
  });
}

type MemoryCollection = Collection<MemoryProperties, string, undefined>;

interface MemoryObject {
  uuid: string;
  properties: Partial<Record<keyof MemoryProperties, unknown>>;
  vectors: Record<string, unknown> | undefined;
}

/**
 * Production long-term memory: one Weaviate collection (`Memory`), vectorizer none (the
 * app sends its own embeddings), every query filtered by userId, personaId and view
 * properties before anything is searched or ranked. Recall runs Weaviate's hybrid search
 * (vector + BM25 over `keywords`, fused with alpha) for a candidate set a few times larger
 * than the limit, then ranks those candidates exactly as the embedded store does
 * (memory-ranking.ts): fused similarity, time decay, importance.
 *
 * Weaviate has no transactions. Fact supersession is therefore written so that it
 * converges: add() inserts first, then settles the key (of all current facts with that key,
 * the newest by validFrom stays current, the rest get validTo = its validFrom), the same
 * outcome the PostgreSQL store reaches in one statement, and one any later add() of the
 * key repairs after a crash. A correction gets an id derived from the corrected memory's
 * id, so two concurrent corrections of one memory cannot both be stored.
 */
export class WeaviateMemoryStore implements MemoryStore {
  readonly collectionName: string;
  private readonly collection: MemoryCollection;
  private readonly clock: () => Date;
  private readonly alpha: number;
  private readonly candidateFactor: number;
  private readonly minCandidates: number;
  private readonly maxCandidates: number;

  constructor(
    private readonly client: WeaviateClient,
    private readonly options: WeaviateMemoryStoreOptions = {},
  ) {
    const name = options.collectionName ?? 'Memory';
    this.collectionName = name.charAt(0).toUpperCase() + name.slice(1);
    this.collection = client.collections.use<string, MemoryProperties>(this.collectionName);
    this.clock = options.clock ?? (() => new Date());
    this.alpha = options.alpha ?? MEMORY_LIMITS.defaultAlpha;
    this.candidateFactor = options.candidateFactor ?? 4;
    this.minCandidates = options.minCandidates ?? 40;
    this.maxCandidates = options.maxCandidates ?? 200;
  }

  /** Creates the collection when absent (idempotent; safe when several instances start at once). */
  async ensureCollection(): Promise<void> {
    if (await this.client.collections.exists(this.collectionName)) return;
    const key = (name: 'userId' | 'personaId' | 'view' | 'kind' | 'factKey') =>
      ({ name, dataType: 'text', tokenization: 'field', indexFilterable: true, indexSearchable: false }) as const;
    try {
      await this.client.collections.create<MemoryProperties>({
        name: this.collectionName,
        description: 'SoulLink long-term memory: summaries, events and facts per user, persona and agent view',
        vectorizers: weaviate.configure.vectorizer.none({
          name: VECTOR_NAME,
          vectorIndexConfig: weaviate.configure.vectorIndex.hnsw({ distanceMetric: 'cosine' }),
        }),
        // Our own tokens go into `keywords`; no stopword list of Weaviate's removes them.
        invertedIndex: weaviate.configure.invertedIndex({ stopwordsPreset: 'none' }),
        properties: [
          key('userId'),
          key('personaId'),
          key('view'),
          key('kind'),
          key('factKey'),
          { name: 'text', dataType: 'text', indexFilterable: false, indexSearchable: false },
          { name: 'keywords', dataType: 'text', tokenization: 'whitespace', indexFilterable: false, indexSearchable: true },
          { name: 'importance', dataType: 'int', indexFilterable: true },
          { name: 'validFrom', dataType: 'date', indexFilterable: true },
          { name: 'validTo', dataType: 'date', indexFilterable: true },
          { name: 'sourceMessageIds', dataType: 'text[]', indexFilterable: false, indexSearchable: false },
          { name: 'createdAt', dataType: 'date', indexFilterable: true },
        ],
      });
    } catch (err) {
      // Another instance created it meanwhile.
      if (!(await this.client.collections.exists(this.collectionName))) throw err;
    }
  }

  async add(memory: NewMemory): Promise<Memory> {
    const m = validateNewMemory(memory);
    const stored: Memory = { ...m, id: randomUUID(), validTo: null, createdAt: this.clock() };
    await this.insert(stored);
    if (supersedes(m)) {
      const closedAt = await this.settleFactKey(m.userId, m.personaId, m.view, m.factKey!);
      const own = closedAt.get(stored.id);
      if (own) stored.validTo = own;
    }
    return stored;
  }

  async recall(query: RecallQuery): Promise<RecalledMemory[]> {
    const q = validateRecallQuery(query, this.clock);
    if (q.kinds?.length === 0) return [];
    const f = this.collection.filter;
    const filters = [...this.scope(q.userId, q.personaId, q.view)];
    if (!q.includeInvalid) filters.push(f.byProperty('validTo').greaterThan(q.now));
    if (q.kinds) filters.push(f.byProperty('kind').containsAny(q.kinds));
    const limit = Math.min(this.maxCandidates, Math.max(this.minCandidates, q.limit * this.candidateFactor));
    const keywords = keywordString(q.text);
    const common = { filters: allOf(...filters), limit, includeVector: true, targetVector: VECTOR_NAME } as const;
    const result = keywords
      ? await this.collection.query.hybrid(keywords, {
          ...common,
          vector: q.vector,
          alpha: this.alpha,
          fusionType: 'RelativeScore',
          queryProperties: ['keywords'],
        })
      : await this.collection.query.nearVector(q.vector, common);
    return rankMemories(result.objects.map((o) => toMemory(o as MemoryObject)), q, { alpha: this.alpha });
  }

  async list(filter: MemoryListFilter): Promise<Memory[]> {
    const l = validateListFilter(filter);
    const f = this.collection.filter;
    const filters: FilterValue[] = [f.byProperty('userId').equal(l.userId)];
    if (l.personaId !== undefined) filters.push(f.byProperty('personaId').equal(l.personaId));
    if (l.view !== undefined) filters.push(f.byProperty('view').equal(l.view));
    if (!l.includeInvalid) filters.push(f.byProperty('validTo').greaterThan(this.clock()));
    const result = await this.collection.query.fetchObjects({
      filters: allOf(...filters),
      limit: l.limit,
      offset: l.offset,
      sort: this.collection.sort.byProperty('validFrom', false).byProperty('createdAt', false),
      includeVector: true,
    });
    return result.objects.map((o) => toMemory(o as MemoryObject));
  }

  async get(userId: string, id: string): Promise<Memory | null> {
    const user = validateUserId(userId);
    if (!isMemoryId(id)) return null;
    const f = this.collection.filter;
    const result = await this.collection.query.fetchObjects({
      filters: allOf(f.byId().equal(id.toLowerCase()), f.byProperty('userId').equal(user)),
      limit: 1,
      includeVector: true,
    });
    const [object] = result.objects;
    return object ? toMemory(object as MemoryObject) : null;
  }

  async correct(userId: string, id: string, text: string, vector: number[]): Promise<Memory | null> {
    const user = validateUserId(userId);
    const c = validateCorrection(text, vector);
    const old = await this.get(user, id);
    const now = this.clock();
    if (!old || !isValidAt(old.validTo, now)) return null;

    const closeOld = () =>
      this.collection.data.update({
        id: old.id,
        properties: { validTo: new Date(Math.max(old.validFrom.getTime(), now.getTime())) },
      });
    const { id: _oldId, validTo: _oldValidTo, createdAt: _oldCreatedAt, ...kept } = old;
    const corrected: Memory = {
      ...kept,
      text: c.text,
      vector: c.vector,
      validFrom: now,
      id: uuidFrom(CORRECTION_NAMESPACE, old.id),
      validTo: null,
      createdAt: now,
    };
    try {
      await this.insert(corrected);
    } catch (err) {
      // The correction's id is taken: another correction of this memory won. Make sure
      // the old memory is closed (that writer may have died before closing it).
      if (!(await this.collection.data.exists(corrected.id))) throw err;
      await closeOld();
      return null;
    }
    await closeOld();
    if (supersedes(corrected)) {
      const closedAt = await this.settleFactKey(corrected.userId, corrected.personaId, corrected.view, corrected.factKey!);
      const own = closedAt.get(corrected.id);
      if (own) corrected.validTo = own;
    }
    return corrected;
  }

  async forget(userId: string, id: string): Promise<boolean> {
    const user = validateUserId(userId);
    if (!isMemoryId(id)) return false;
    const f = this.collection.filter;
    const result = await this.collection.data.deleteMany(allOf(f.byId().equal(id.toLowerCase()), f.byProperty('userId').equal(user)));
    return result.successful > 0;
  }

  /** Deletes in rounds: one batch delete is capped by the server's QUERY_MAXIMUM_RESULTS. */
  async deleteByUser(userId: string): Promise<number> {
    const user = validateUserId(userId);
    const where = this.collection.filter.byProperty('userId').equal(user);
    let deleted = 0;
    for (;;) {
      const result = await this.collection.data.deleteMany(where);
      deleted += result.successful;
      if (result.matches === 0 || result.successful === 0) return deleted;
    }
  }

  /** The client belongs to whoever made it; only options.onClose releases anything. */
  async close(): Promise<void> {
    await this.options.onClose?.();
  }

  private scope(userId: string, personaId: string, view: MemoryView): FilterValue[] {
    const f = this.collection.filter;
    return [f.byProperty('userId').equal(userId), f.byProperty('personaId').equal(personaId), f.byProperty('view').equal(view)];
  }

  private async insert(memory: Memory): Promise<void> {
    const properties: MemoryProperties = {
      userId: memory.userId,
      personaId: memory.personaId,
      view: memory.view,
      kind: memory.kind,
      text: memory.text,
      keywords: keywordString(memory.text),
      importance: memory.importance,
      validFrom: memory.validFrom,
      validTo: memory.validTo ?? OPEN_VALID_TO,
      sourceMessageIds: memory.sourceMessageIds,
      createdAt: memory.createdAt,
      ...(memory.factKey !== undefined ? { factKey: memory.factKey } : {}),
    };
    await this.collection.data.insert({ id: memory.id, properties, vectors: { [VECTOR_NAME]: memory.vector } });
  }

  /**
   * Leaves one current fact for the key: the newest by validFrom (then createdAt, then id,
   * so that concurrent settlers agree); every other current one gets validTo = its
   * validFrom. Resolves to the validTo set per id.
   */
  private async settleFactKey(userId: string, personaId: string, view: MemoryView, factKey: string): Promise<Map<string, Date>> {
    const f = this.collection.filter;
    const result = await this.collection.query.fetchObjects({
      filters: allOf(
        ...this.scope(userId, personaId, view),
        f.byProperty('kind').equal('FACT'),
        f.byProperty('factKey').equal(factKey),
        f.byProperty('validTo').equal(OPEN_VALID_TO),
      ),
      limit: 1000,
      returnProperties: ['validFrom', 'createdAt'],
    });
    const current = result.objects
      .map((o) => ({ id: o.uuid, validFrom: toDate(o.properties.validFrom), createdAt: toDate(o.properties.createdAt) }))
      .sort(
        (a, b) =>
          b.validFrom.getTime() - a.validFrom.getTime() ||
          b.createdAt.getTime() - a.createdAt.getTime() ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
    const closed = new Map<string, Date>();
    const [keeper, ...stale] = current;
    if (!keeper) return closed;
    await Promise.all(
      stale.map(async (s) => {
        await this.collection.data.update({ id: s.id, properties: { validTo: keeper.validFrom } });
        closed.set(s.id, keeper.validFrom);
      }),
    );
    return closed;
  }
}

/** A name-based (v5-style) UUID: the same name always gives the same id. */
function uuidFrom(namespace: string, name: string): string {
  const h = createHash('sha1').update(`${namespace}:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** AND of the filters (a lone filter as itself). */
function allOf(...filters: FilterValue[]): FilterValue {
  return filters.length === 1 ? filters[0]! : Filters.and(...filters);
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new Error(`memory object: expected a date, got ${typeof value}`);
}

function toVector(vectors: Record<string, unknown> | undefined): number[] {
  const v = vectors?.[VECTOR_NAME] ?? (vectors ? Object.values(vectors)[0] : undefined);
  if (!Array.isArray(v)) throw new Error('memory object: no vector returned');
  return v.map(Number);
}

function toMemory(o: MemoryObject): Memory {
  const p = o.properties;
  const validTo = toDate(p.validTo);
  const factKey = typeof p.factKey === 'string' && p.factKey !== '' ? p.factKey : undefined;
  return {
    id: o.uuid,
    userId: String(p.userId),
    personaId: String(p.personaId),
    view: p.view as MemoryView,
    kind: p.kind as MemoryKind,
    text: String(p.text),
    importance: Number(p.importance),
    validFrom: toDate(p.validFrom),
    sourceMessageIds: Array.isArray(p.sourceMessageIds) ? p.sourceMessageIds.map(String) : [],
    vector: toVector(o.vectors),
    ...(factKey !== undefined ? { factKey } : {}),
    validTo: validTo.getTime() >= OPEN_VALID_TO.getTime() ? null : validTo,
    createdAt: toDate(p.createdAt),
  };
}
