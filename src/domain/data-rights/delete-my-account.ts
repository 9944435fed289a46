import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { DeadlockException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ResponseCache } from '../../ports/response-cache.port';
import type { Logger } from '../../observability/logger';
import type { ChatEventLog } from '../../ports/chat-event-log.port';
import type { Clock } from '../../ports/clock.port';
import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { EventBus } from '../../ports/event-bus.port';
import type { JobRunner } from '../../ports/job-runner.port';
import type { MemoryStore } from '../../ports/memory-store.port';
import type { ObjectStore } from '../../ports/object-store.port';
import type { RateLimiter } from '../../ports/rate-limiter.port';
import type { ShortTermMemory } from '../../ports/short-term-memory.port';
import type { TranscriptStore } from '../../ports/transcript-store.port';
import { ValidationError } from '../errors';
import { User } from '../accounts/user.entity';
import { announceAccountDeleted } from '../accounts/session-revocations';
import { ownerMediaPrefix } from '../media/media-file.entity';
import { UNLINKED_USER_TABLES } from './user-tables';

/** Tries of the final delete when it races a write still in flight (see deleteMyAccount). */
const ERASE_ATTEMPTS = 3;

/** PostgreSQL's SQLSTATEs for a deadlock and for a foreign key violation. */
const DEADLOCK = '40P01';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * A deadlock or a row added under the user meanwhile. Raw statements (`execute`) reach us as
 * node-postgres errors with a SQLSTATE, not as MikroORM's converted exceptions, so both count.
 */
function racedWithAWrite(err: unknown): boolean {
  if (err instanceof DeadlockException || err instanceof ForeignKeyConstraintViolationException) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return code === DEADLOCK || code === FOREIGN_KEY_VIOLATION;
}

export interface ErasureDeps {
  transcripts: TranscriptStore;
  memories: MemoryStore;
  shortTermMemory: ShortTermMemory;
  chatEvents: ChatEventLog;
  checkpointer: BaseCheckpointSaver;
  rateLimiter: RateLimiter;
  responseCache: ResponseCache;
  dataKeys: DataKeyRing;
  /** Uploaded files (and what was derived from them, such as OCR results) under the user's prefix. */
  objects: ObjectStore;
  jobs: JobRunner;
  /** Tells every API instance to close the user's websockets at once. */
  events: EventBus;
  /** When the sessions ended, as their devices hear it. */
  clock: Clock;
  logger: Logger;
}

/**
 * Erases the account and everything SoulLink holds on the user, in PostgreSQL, the
 * transcript store, the memory store, the object store (uploaded files) and Redis, and revokes every session. Order: sessions
 * first (nothing new can start), then the other stores, then the user's rows (cascading to
 * personas, chats, simulations…), then the data key, so any encrypted copy left in a backup
 * is unreadable. The other stores are swept once more at the end for anything a job still
 * running wrote meanwhile. Every step is idempotent: a failed erasure can be run again.
 */
export async function deleteMyAccount(deps: ErasureDeps, em: EntityManager, userId: string, confirmEmail: string): Promise<void> {
  const user = await em.findOneOrFail(User, userId);
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) throw new ValidationError('confirmEmail', 'Type your account email to confirm the erasure');
  const email = user.email.toLowerCase();
  const db = em.getConnection();
  const sessions = await db.execute<{ id: string }[]>('delete from auth_sessions where user_id = ? returning id', [userId]);
  // Open subscriptions end now, not when their sockets next ask for something. A pub/sub outage
  // must not stop the erasure: the sessions are gone, so every new operation is refused anyway.
  await announceAccountDeleted(deps, userId, sessions.map((s) => s.id)).catch((err: unknown) =>
    deps.logger.error({ err, userId }, 'could not announce the erased account to open websockets'),
  );
  const simulations = await db.execute<{ id: string }[]>('select id from simulations where owner_id = ?', [userId]);
  const chats = await db.execute<{ id: string }[]>('select id from chat_sessions where owner_id = ?', [userId]);

  const sweep = async () => {
    await deps.transcripts.deleteByOwner(userId);
    await deps.memories.deleteByUser(userId);
    await deps.shortTermMemory.clear(userId);
    await deps.rateLimiter.forget(`user:${userId}`);
    await deps.rateLimiter.forget(`email:${email}`);
    await deps.responseCache.forgetUser(userId);
    await deps.objects.deletePrefix(ownerMediaPrefix(userId));
  };
  await sweep();
  for (const { id } of chats) await deps.chatEvents.delete(id);
  // Simulation checkpoints hold the episodes' turns: one LangGraph thread per run.
  for (const { id } of simulations) await deps.checkpointer.deleteThread(id);

  for (let attempt = 1; ; attempt++) {
    try {
      await em.transactional(async (tx) => {
        const conn = tx.getConnection();
        const ctx = tx.getTransactionContext();
        // The user's row first: writers that link a row to the user only while it exists (the
        // usage ledger, the token quota) then stop linking as early as possible, and what they
        // committed before is still seen by the deletes that follow.
        await conn.execute('delete from users where id = ?', [userId], 'all', ctx);
        for (const t of UNLINKED_USER_TABLES) await conn.execute(`delete from ${t.table} where ${t.where}`, [userId], 'all', ctx);
      });
      break;
    } catch (err) {
      // A reply still being written when the account goes (its session revoked a moment ago)
      // locks its chat's rows in the other order than the cascade does, or adds a row under it:
      // PostgreSQL aborts one side. The erasure is idempotent, so it runs again.
      if (!racedWithAWrite(err) || attempt >= ERASE_ATTEMPTS) throw err;
      deps.logger.warn({ userId, attempt, err: { type: (err as Error).name } }, 'account erasure met a concurrent write; running it again');
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
  await deps.dataKeys.forget(userId);
  await sweep();
  // Queue entries name runs and chats by id (their payloads hold ids only, never content).
  await deps.jobs.forgetJobs([userId, ...simulations.map((s) => s.id), ...chats.map((c) => c.id)]);
  deps.logger.info({ userId }, 'account erased');
}
