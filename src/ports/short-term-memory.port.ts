/** A turn kept in short-term memory: who said what, and when. */
export interface RecentTurn {
  role: 'user' | 'partner';
  text: string;
  at: string;
  /** Transcript message id, to rebuild or cite. */
  messageId: string;
}

/**
 * Recent turns per (user, persona): the last 100, kept 24 h after the last write. Redis in
 * production, in-process by default. Callers must survive its outages (fall back to the
 * transcript store, or answer without history).
 */
export interface ShortTermMemory {
  push(userId: string, personaId: string, turn: RecentTurn): Promise<void>;
  /** Newest last; at most `limit` turns. */
  recent(userId: string, personaId: string, limit: number): Promise<RecentTurn[]>;
  /** Replaces the list (a rebuild from the transcript store). */
  replace(userId: string, personaId: string, turns: RecentTurn[]): Promise<void>;
  clear(userId: string, personaId?: string): Promise<void>;
  /** Everything held for a user, per persona (data export). */
  dump(userId: string): Promise<{ personaId: string; turns: RecentTurn[] }[]>;
}

export const SHORT_TERM_LIMIT = 100;
export const SHORT_TERM_TTL_SECONDS = 24 * 3600;
