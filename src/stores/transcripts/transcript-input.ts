import { z } from 'zod';
import type { ConversationKind, NewTranscriptMessage, TranscriptRole } from '../../ports/transcript-store.port';

/**
 * Input rules shared by every TranscriptStore adapter, so that each accepts and refuses
 * exactly the same things (the contract suite checks it) and no query is unbounded.
 */
export const TRANSCRIPT_LIMITS = {
  /** `list` without a limit returns this many. */
  defaultListLimit: 100,
  /** `list` never returns more than this; a larger limit is clamped to it. */
  maxListLimit: 1000,
  /** Messages per `append` call; a larger import appends page by page. */
  maxAppendMessages: 10_000,
  /** Ids per `getByIds` call. */
  maxGetByIds: 1000,
  /** conversationId, batchId and dedupeKey (they are index keys). */
  maxKeyChars: 256,
  maxSenderChars: 256,
  maxTextChars: 100_000,
  /** Metadata, serialised as JSON, in UTF-8 bytes. */
  maxMetadataBytes: 16 * 1024,
} as const;

/** Rows per insert statement / insertMany call, and the rough payload budget per chunk. */
export const APPEND_CHUNK_ROWS = 500;
export const APPEND_CHUNK_CHARS = 4_000_000;

export const CONVERSATION_KINDS = ['IMPORT', 'CHAT', 'SIMULATION'] as const satisfies readonly ConversationKind[];
export const TRANSCRIPT_ROLES = ['persona', 'user', 'other', 'system', 'agent'] as const satisfies readonly TranscriptRole[];

/** A caller passed something no adapter stores (bad field, over a limit). Nothing was written. */
export class TranscriptInputError extends Error {
  override readonly name = 'TranscriptInputError';
}

/** Canonical textual UUID, as PostgreSQL's uuid type prints it (any version). */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

// PostgreSQL text and jsonb cannot hold U+0000; refusing it everywhere keeps adapters equal.
const noNul = (s: string) => !s.includes('\u0000');
const keyText = z
  .string()
  .min(1)
  .max(TRANSCRIPT_LIMITS.maxKeyChars)
  .refine(noNul, 'must not contain U+0000');

const messageSchema = z.object({
  id: z.string().regex(UUID_RE, 'must be a UUID').optional(),
  ownerId: z.string().regex(UUID_RE, 'must be a UUID'),
  conversationId: keyText,
  kind: z.enum(CONVERSATION_KINDS),
  batchId: keyText,
  dedupeKey: keyText,
  sender: z.string().max(TRANSCRIPT_LIMITS.maxSenderChars).refine(noNul, 'must not contain U+0000'),
  role: z.enum(TRANSCRIPT_ROLES),
  text: z.string().max(TRANSCRIPT_LIMITS.maxTextChars).refine(noNul, 'must not contain U+0000'),
  sentAt: z.date(),
  metadata: z.unknown().optional(),
});

/** A checked message: ownerId lower-cased, metadata reduced to plain JSON (or absent). */
export interface ValidMessage extends NewTranscriptMessage {
  /** Rough payload size, for chunking. */
  readonly size: number;
}

function normaliseMetadata(value: unknown, where: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TranscriptInputError(`${where}.metadata: must be a JSON object`);
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new TranscriptInputError(`${where}.metadata: not serialisable as JSON (${(err as Error).message})`);
  }
  if (Buffer.byteLength(json, 'utf8') > TRANSCRIPT_LIMITS.maxMetadataBytes) {
    throw new TranscriptInputError(`${where}.metadata: larger than ${TRANSCRIPT_LIMITS.maxMetadataBytes} bytes as JSON`);
  }
  if (json.includes('\\u0000')) throw new TranscriptInputError(`${where}.metadata: must not contain U+0000`);
  // Stored as JSON by every adapter: Dates become ISO strings, undefined members vanish.
  return JSON.parse(json) as Record<string, unknown>;
}

export function validateMessages(messages: readonly NewTranscriptMessage[]): ValidMessage[] {
  if (!Array.isArray(messages)) throw new TranscriptInputError('messages: must be an array');
  if (messages.length > TRANSCRIPT_LIMITS.maxAppendMessages) {
    throw new TranscriptInputError(
      `messages: ${messages.length} in one append, at most ${TRANSCRIPT_LIMITS.maxAppendMessages}`,
    );
  }
  return messages.map((message, i) => {
    const where = `messages[${i}]`;
    const parsed = messageSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new TranscriptInputError(`${[where, ...issue.path.map(String)].join('.')}: ${issue.message}`);
    }
    const m = parsed.data;
    const metadata = normaliseMetadata(m.metadata, where);
    const valid: ValidMessage = {
      ...(m.id ? { id: m.id.toLowerCase() } : {}),
      ownerId: m.ownerId.toLowerCase(),
      conversationId: m.conversationId,
      kind: m.kind,
      batchId: m.batchId,
      dedupeKey: m.dedupeKey,
      sender: m.sender,
      role: m.role,
      text: m.text,
      sentAt: new Date(m.sentAt.getTime()),
      ...(metadata ? { metadata } : {}),
      size: 256 + m.text.length + m.sender.length + m.dedupeKey.length + (metadata ? JSON.stringify(metadata).length : 0),
    };
    return valid;
  });
}

export interface ConversationAppend {
  conversationId: string;
  /** In append order, first occurrence of each dedupeKey only. */
  messages: ValidMessage[];
}

/**
 * Validates a whole append before anything is written, then groups it by conversation
 * (in order of first appearance, keeping each conversation's message order) and drops
 * repeats of a dedupeKey within the call: the first occurrence wins, later ones count as
 * duplicates like any other.
 */
export function planAppend(messages: readonly NewTranscriptMessage[]): { groups: ConversationAppend[]; repeatedInCall: number } {
  const valid = validateMessages(messages);
  const groups = new Map<string, { messages: ValidMessage[]; keys: Set<string> }>();
  let repeatedInCall = 0;
  for (const m of valid) {
    let group = groups.get(m.conversationId);
    if (!group) {
      group = { messages: [], keys: new Set() };
      groups.set(m.conversationId, group);
    }
    if (group.keys.has(m.dedupeKey)) {
      repeatedInCall += 1;
      continue;
    }
    group.keys.add(m.dedupeKey);
    group.messages.push(m);
  }
  return {
    groups: [...groups].map(([conversationId, g]) => ({ conversationId, messages: g.messages })),
    repeatedInCall,
  };
}

/** Consecutive chunks of at most `maxRows` rows and (unless one row alone exceeds it) `maxChars`. */
export function chunkMessages<T extends { size: number }>(
  rows: readonly T[],
  maxRows = APPEND_CHUNK_ROWS,
  maxChars = APPEND_CHUNK_CHARS,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const row of rows) {
    if (current.length > 0 && (current.length >= maxRows || chars + row.size > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += row.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface ListQuery {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
  order: 'asc' | 'desc';
}

export function normaliseListOptions(options: {
  afterSeq?: number;
  beforeSeq?: number;
  limit?: number;
  order?: 'asc' | 'desc';
} = {}): ListQuery {
  const { afterSeq, beforeSeq, limit, order = 'asc' } = options;
  for (const [field, value] of [
    ['afterSeq', afterSeq],
    ['beforeSeq', beforeSeq],
  ] as const) {
    if (value !== undefined && !Number.isSafeInteger(value)) {
      throw new TranscriptInputError(`${field}: must be an integer`);
    }
  }
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new TranscriptInputError('limit: must be a positive integer');
  }
  if (order !== 'asc' && order !== 'desc') throw new TranscriptInputError("order: must be 'asc' or 'desc'");
  return {
    ...(afterSeq !== undefined ? { afterSeq } : {}),
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    limit: Math.min(limit ?? TRANSCRIPT_LIMITS.defaultListLimit, TRANSCRIPT_LIMITS.maxListLimit),
    order,
  };
}

/** The distinct ids worth asking for (any other cannot exist), in first-seen order. */
export function normaliseIds(ids: readonly string[]): string[] {
  if (!Array.isArray(ids)) throw new TranscriptInputError('ids: must be an array');
  if (ids.length > TRANSCRIPT_LIMITS.maxGetByIds) {
    throw new TranscriptInputError(`ids: ${ids.length} requested, at most ${TRANSCRIPT_LIMITS.maxGetByIds}`);
  }
  return [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
}

/** Puts found rows in the order of the requested ids. */
export function inRequestedOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

export function requireKey(field: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > TRANSCRIPT_LIMITS.maxKeyChars || !noNul(value)) {
    throw new TranscriptInputError(`${field}: must be a non-empty string of at most ${TRANSCRIPT_LIMITS.maxKeyChars} characters`);
  }
}

/**
 * The distinct keys to look up; refuses what no append could have stored, and more keys than
 * getByIds takes ids, so the lookup stays bounded.
 */
export function normaliseDedupeKeys(dedupeKeys: readonly string[]): string[] {
  if (!Array.isArray(dedupeKeys)) throw new TranscriptInputError('dedupeKeys: must be an array');
  if (dedupeKeys.length > TRANSCRIPT_LIMITS.maxGetByIds) {
    throw new TranscriptInputError(`dedupeKeys: ${dedupeKeys.length} requested, at most ${TRANSCRIPT_LIMITS.maxGetByIds}`);
  }
  dedupeKeys.forEach((key, i) => requireKey(`dedupeKeys[${i}]`, key));
  return [...new Set(dedupeKeys)];
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** A page of one owner's messages by id: `afterId` a UUID (default: from the start), limit 1–1,000 (default 500). */
export function ownerPage(options: { afterId?: string; limit?: number }): { afterId: string; limit: number } {
  const afterId = options.afterId ?? NIL_UUID;
  if (!isUuid(afterId)) throw new TranscriptInputError('afterId: must be a UUID');
  const limit = options.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new TranscriptInputError('limit: must be an integer 1–1000');
  return { afterId, limit };
}
