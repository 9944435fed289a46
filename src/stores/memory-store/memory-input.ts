import { z } from 'zod';
import {
  MEMORY_KINDS,
  MEMORY_VIEWS,
  type MemoryKind,
  type MemoryStore,
  type MemoryView,
  type NewMemory,
  type RecallQuery,
} from '../../ports/memory-store.port';

/**
 * Input rules shared by every MemoryStore adapter, so that each accepts and refuses exactly
 * the same things and no query is unbounded.
 */
export const MEMORY_LIMITS = {
  /** userId, personaId and factKey: index keys. */
  maxKeyChars: 256,
  maxTextChars: 8_000,
  maxSourceMessageIds: 1_000,
  maxVectorDimensions: 8_192,
  defaultRecallLimit: 8,
  maxRecallLimit: 50,
  defaultHalfLifeDays: 30,
  defaultListLimit: 50,
  maxListLimit: 500,
  /** Default weight of the vector half of the fused similarity (the keyword half gets the rest). */
  defaultAlpha: 0.7,
} as const;

export const DEFAULT_RECALL_WEIGHTS = { similarity: 0.6, recency: 0.2, importance: 0.2 } as const;

/** A caller passed something no adapter stores (bad field, over a limit). Nothing was written. */
export class MemoryInputError extends Error {
  override readonly name = 'MemoryInputError';
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Memory ids are UUIDs on every engine; anything else names no memory. */
export function isMemoryId(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

const key = z.string().trim().min(1, 'must not be empty').max(MEMORY_LIMITS.maxKeyChars);
const text = z.string().trim().min(1, 'must not be empty').max(MEMORY_LIMITS.maxTextChars);
const vector = z
  .array(z.number().finite())
  .min(1, 'must not be empty')
  .max(MEMORY_LIMITS.maxVectorDimensions)
  .refine((v) => v.some((x) => x !== 0), 'must not be all zeros');
/**
 * Dates a memory may hold. The upper end leaves room for Weaviate's open-ended validTo
 * (weaviate-memory-store.ts) and its int64-nanosecond date index.
 */
export const LATEST_MEMORY_DATE = new Date('2200-01-01T00:00:00.000Z');

const date = z
  .date()
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
  .refine((d) => Number.isNaN(d.getTime()) || d.getTime() < LATEST_MEMORY_DATE.getTime(), 'must be before the year 2200');
const view = z.enum(MEMORY_VIEWS as [MemoryView, ...MemoryView[]]);
const kind = z.enum(MEMORY_KINDS as [MemoryKind, ...MemoryKind[]]);

const newMemorySchema = z.object({
  userId: key,
  personaId: key,
  view,
  kind,
  text,
  importance: z.number().int('must be an integer').min(1).max(10),
  validFrom: date,
  sourceMessageIds: z.array(z.string().min(1).max(MEMORY_LIMITS.maxKeyChars)).max(MEMORY_LIMITS.maxSourceMessageIds),
  vector,
  factKey: key.optional(),
});

const weight = z.number().finite().min(0);
const recallSchema = z.object({
  userId: key,
  personaId: key,
  view,
  text: z.string().max(MEMORY_LIMITS.maxTextChars),
  vector,
  limit: z.number().int().min(1).optional(),
  kinds: z.array(kind).optional(),
  includeInvalid: z.boolean().optional(),
  now: date.optional(),
  halfLifeDays: z.number().finite().positive().optional(),
  weights: z
    .object({ similarity: weight, recency: weight, importance: weight })
    .refine((w) => w.similarity + w.recency + w.importance > 0, 'must not all be zero')
    .optional(),
});

const listSchema = z.object({
  userId: key,
  personaId: key.optional(),
  view: view.optional(),
  includeInvalid: z.boolean().optional(),
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new MemoryInputError(`${issue.path.join('.') || 'input'}: ${issue.message}`);
}

/** A NewMemory as stored: trimmed keys and text, factKey only when given. */
export function validateNewMemory(memory: NewMemory): NewMemory {
  const m = parse(newMemorySchema, memory);
  return {
    userId: m.userId,
    personaId: m.personaId,
    view: m.view,
    kind: m.kind,
    text: m.text,
    importance: m.importance,
    validFrom: new Date(m.validFrom.getTime()),
    sourceMessageIds: [...m.sourceMessageIds],
    vector: [...m.vector],
    ...(m.factKey !== undefined ? { factKey: m.factKey } : {}),
  };
}

/** Whether a new memory takes part in supersession (a FACT with a key). */
export function supersedes(memory: Pick<NewMemory, 'kind' | 'factKey'>): boolean {
  return memory.kind === 'FACT' && memory.factKey !== undefined;
}

export interface ValidRecallQuery {
  userId: string;
  personaId: string;
  view: MemoryView;
  text: string;
  vector: number[];
  limit: number;
  kinds: MemoryKind[] | undefined;
  includeInvalid: boolean;
  now: Date;
  halfLifeDays: number;
  weights: { similarity: number; recency: number; importance: number };
}

export function validateRecallQuery(query: RecallQuery, clock: () => Date): ValidRecallQuery {
  const q = parse(recallSchema, query);
  const w = q.weights ?? DEFAULT_RECALL_WEIGHTS;
  const total = w.similarity + w.recency + w.importance;
  return {
    userId: q.userId,
    personaId: q.personaId,
    view: q.view,
    text: q.text,
    vector: q.vector,
    limit: Math.min(q.limit ?? MEMORY_LIMITS.defaultRecallLimit, MEMORY_LIMITS.maxRecallLimit),
    kinds: q.kinds ? [...new Set(q.kinds)] : undefined,
    includeInvalid: q.includeInvalid ?? false,
    now: q.now ?? clock(),
    halfLifeDays: q.halfLifeDays ?? MEMORY_LIMITS.defaultHalfLifeDays,
    weights: { similarity: w.similarity / total, recency: w.recency / total, importance: w.importance / total },
  };
}

export interface ValidListFilter {
  userId: string;
  personaId: string | undefined;
  view: MemoryView | undefined;
  includeInvalid: boolean;
  limit: number;
  offset: number;
}

export type MemoryListFilter = Parameters<MemoryStore['list']>[0];

export function validateListFilter(filter: MemoryListFilter): ValidListFilter {
  const f = parse(listSchema, filter);
  return {
    userId: f.userId,
    personaId: f.personaId,
    view: f.view,
    includeInvalid: f.includeInvalid ?? false,
    limit: Math.min(f.limit ?? MEMORY_LIMITS.defaultListLimit, MEMORY_LIMITS.maxListLimit),
    offset: f.offset ?? 0,
  };
}

/** The user id of get/correct/forget/deleteByUser. */
export function validateUserId(userId: string): string {
  return parse(key, userId);
}

const correctionSchema = z.object({ text, vector });

export function validateCorrection(newText: string, newVector: number[]): { text: string; vector: number[] } {
  const c = parse(correctionSchema, { text: newText, vector: newVector });
  return { text: c.text, vector: [...c.vector] };
}

/** Whether a memory holds at `now`: not yet invalidated, or invalidated only later. */
export function isValidAt(validTo: Date | null, now: Date): boolean {
  return validTo === null || validTo.getTime() > now.getTime();
}
