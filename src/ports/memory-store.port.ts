/**
 * The long-term memory port: summaries, key events and profile facts an agent remembers
 * about a user, per (user, persona) and per agent view. Weaviate in production, a table in
 * the app's PostgreSQL by default; one contract suite (memory-store.contract.ts) for both.
 */

export type MemoryKind = 'SUMMARY' | 'EVENT' | 'FACT';
export const MEMORY_KINDS: readonly MemoryKind[] = ['SUMMARY', 'EVENT', 'FACT'];

/** Each agent has its own view of memory: what the partner remembers is not the coach's notes. */
export type MemoryView = 'partner' | 'coach';
export const MEMORY_VIEWS: readonly MemoryView[] = ['partner', 'coach'];

export interface NewMemory {
  userId: string;
  personaId: string;
  view: MemoryView;
  kind: MemoryKind;
  text: string;
  /** 1–10, an integer. */
  importance: number;
  /** When the remembered thing became true (was said, happened). Recency decays from here. */
  validFrom: Date;
  /** Transcript message ids the memory was drawn from. */
  sourceMessageIds: string[];
  /** The embedding of `text`, from the app's embedding model. Every memory of one store shares its dimension. */
  vector: number[];
  /**
   * e.g. "sister.name": a FACT with the same (userId, personaId, view, factKey) supersedes
   * the previous one. Ignored for supersession on SUMMARY and EVENT.
   */
  factKey?: string;
}

export interface Memory extends NewMemory {
  id: string;
  /** Null while the memory holds; set when a newer fact or a correction replaced it. */
  validTo: Date | null;
  createdAt: Date;
}

export interface RecallQuery {
  userId: string;
  personaId: string;
  view: MemoryView;
  /** The text of the query, for the keyword half of the hybrid search. */
  text: string;
  /** The embedding of `text`, for the vector half. */
  vector: number[];
  /** Default 8, at most 50 (larger values are clamped). */
  limit?: number;
  /** Only these kinds; all when absent. */
  kinds?: MemoryKind[];
  /** Also memories no longer valid (superseded, corrected). */
  includeInvalid?: boolean;
  /** The moment to recall at: validity and time decay are measured from here. Default: now. */
  now?: Date;
  /** Time decay: a memory's recency halves every `halfLifeDays` after its validFrom. Default 30. */
  halfLifeDays?: number;
  /** Weights of the final score; normalised to sum 1. Default 0.6 / 0.2 / 0.2. */
  weights?: { similarity: number; recency: number; importance: number };
}

export interface RecalledMemory {
  memory: Memory;
  /** The final ranking score in [0, 1]: weighted similarity, recency and importance. */
  score: number;
  /** The fused hybrid similarity (vector and keyword) in [0, 1], before recency and importance. */
  similarity: number;
}

export interface MemoryStore {
  /**
   * Stores a memory. FACTs with a factKey invalidate (set validTo on) the current fact with
   * the same key; nothing is deleted. The old fact's validTo is the new one's validFrom. A
   * fact older than the current one (validFrom earlier) is stored as history: its validTo is
   * the current fact's validFrom, and the current fact stays.
   */
  add(memory: NewMemory): Promise<Memory>;
  /**
   * Hybrid search filtered by user, persona and view first (never another user's), then
   * ranked by fused similarity (vector + keyword), time decay and importance. Only
   * currently valid memories unless includeInvalid. Best first.
   */
  recall(query: RecallQuery): Promise<RecalledMemory[]>;
  /** Newest validFrom first. Default limit 50, at most 500. */
  list(filter: {
    userId: string;
    personaId?: string;
    view?: MemoryView;
    includeInvalid?: boolean;
    limit?: number;
    offset?: number;
  }): Promise<Memory[]>;
  /** The user's memory with this id, valid or not; null when absent or another user's. */
  get(userId: string, id: string): Promise<Memory | null>;
  /**
   * Correct a memory: the old one is invalidated (validTo = now) and the corrected text
   * stored as a new memory with the same key (and kind, view, importance, sources,
   * validFrom = now); returns the new one. Null when the user has no such memory that is
   * currently valid (absent, another user's, or already superseded or corrected).
   */
  correct(userId: string, id: string, text: string, vector: number[]): Promise<Memory | null>;
  /** The user asks to forget: delete it (and its vector). False when there was nothing to delete. */
  forget(userId: string, id: string): Promise<boolean>;
  /** Erasure: every memory of the user, every persona and view. Resolves to the number deleted. */
  deleteByUser(userId: string): Promise<number>;
  close(): Promise<void>;
}
