import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedReply } from '../ports/chat-store.port';
import type { ReplyHint, ReplyWriter } from '../ports/reply-writer.port';
import { afterReply } from './after-reply';
import type { ChatDeps } from '../domain/chats/chat-deps';
import { isAccountErased } from '../domain/data-rights/account-erased';
import { generateReply, loadReplyContext, type ReplyContext, type ReplyJob } from './generate-reply';

const CONTROL_TOPIC = 'chat-control';
/** How long a lease holds without renewal: a process that dies frees the session after this. */
const LEASE_MS = 30_000;
/** Replies one pump writes before it lets go of the lease (a bound on the loop). */
const MAX_REPLIES_PER_LEASE = 100;
/** How often a process looks for sessions whose writer died (lease expired, replies waiting). */
const ORPHAN_SWEEP_MS = 15_000;
/** Logged, at info, for a reply whose account was erased while it was written (see `write`). */
export const REPLY_OF_ERASED_ACCOUNT = 'reply dropped: its account was erased while it was written';
/** Logged, at warn, when a failed reply's account could not be checked for erasure (the reply's failure is then reported as it is). */
export const ERASURE_CHECK_FAILED = "could not tell whether a failed reply's account was erased";

interface WithdrawNotice {
  replyIds: string[];
}

/**
 * Writes chat replies. Each process runs one engine; a session's replies are written by
 * whichever process holds its lease, one at a time in position order (so they come out in
 * order and the policies see one writer). `kick` after anything that queues a reply;
 * `withdraw` aborts replies a newer message replaced, wherever they are being written
 * (notices travel over the event bus).
 */
export class ChatEngine implements ReplyWriter {
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly pumping = new Map<string, { again: boolean }>();
  private readonly writing = new Map<string, AbortController>();
  private readonly background = new Set<Promise<unknown>>();
  private control: AsyncIterableIterator<WithdrawNotice> | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: ChatDeps) {}

  async start(): Promise<void> {
    const control = await this.deps.events.subscribe<WithdrawNotice>(CONTROL_TOPIC);
    this.control = control;
    this.track(
      (async () => {
        for await (const notice of control) for (const id of notice.replyIds) this.writing.get(id)?.abort();
      })(),
    );
    this.sweepTimer = setInterval(() => this.track(this.sweepOrphans()), ORPHAN_SWEEP_MS);
    this.sweepTimer.unref();
  }

  /**
   * Makes sure someone writes the session's queued replies (this process, unless another
   * holds the lease). `hint`: the reply just queued, whose prompt context then loads beside
   * the lease (used only if that is the reply this process claims).
   */
  kick(sessionId: string, hint?: ReplyHint): void {
    if (!this.closed) this.track(this.pump(sessionId, hint));
  }

  /** Stops these replies wherever they are being written; their rows already say how they end. */
  async withdraw(replyIds: string[]): Promise<void> {
    if (replyIds.length === 0) return;
    for (const id of replyIds) this.writing.get(id)?.abort();
    await this.deps.events.publish<WithdrawNotice>(CONTROL_TOPIC, { replyIds });
  }

  /** Stops taking work, gives running replies `graceMs` to finish, then hands the rest back to the queue. */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const settled = Promise.allSettled([...this.background]);
    const timer = setTimeout(() => {
      for (const abort of this.writing.values()) abort.abort();
    }, graceMs);
    await Promise.race([settled, new Promise((r) => setTimeout(r, graceMs + 2_000).unref())]);
    clearTimeout(timer);
    await this.control?.return?.();
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((err: unknown) => this.deps.logger.error({ err }, 'chat engine task failed'));
    this.background.add(tracked);
    void tracked.finally(() => this.background.delete(tracked));
  }

  private async pump(sessionId: string, hint?: ReplyHint): Promise<void> {
    const running = this.pumping.get(sessionId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.pumping.set(sessionId, state);
    const queue = this.deps.chatStore.replies;
    try {
      while (state.again && !this.closed) {
        state.again = false;
        // Takes the lease and the first pending reply in one round trip. Another process
        // holding the lease looks for queued replies after releasing it.
        const prepared = hint ? this.prepare({ ...hint, sessionId, replyTo: null }) : undefined;
        const first = await queue.acquireLeaseAndClaim(sessionId, this.instanceId, LEASE_MS);
        const preparedFirst = first.reply && first.reply.id === hint?.replyId ? prepared : undefined;
        hint = undefined;
        if (!first.leased) return;
        const renew = setInterval(() => void queue.renewLease(sessionId, this.instanceId, LEASE_MS).catch(() => undefined), LEASE_MS / 3);
        try {
          let next = first.reply;
          if (next && this.closed) {
            // Stopping between the claim and the write: hand the reply back to the queue.
            await queue.requeue(next.id);
            next = undefined;
          }
          for (let n = 1; next; n++) {
            await this.write(toJob(sessionId, next), n === 1 ? preparedFirst : undefined);
            next = n < MAX_REPLIES_PER_LEASE && !this.closed ? await queue.claimNext(sessionId) : undefined;
          }
        } finally {
          clearInterval(renew);
          await queue.releaseLease(sessionId, this.instanceId);
        }
        // A message queued between our last look and the release found the lease taken: look again.
        if (await queue.hasQueued(sessionId)) state.again = true;
      }
    } finally {
      this.pumping.delete(sessionId);
    }
  }

  /** Starts loading a reply's context; a failure surfaces only if the context is used. */
  private prepare(job: ReplyJob): Promise<ReplyContext | undefined> {
    const loading = loadReplyContext(this.deps, this.deps.orm.em.fork(), job);
    loading.catch(() => undefined);
    return loading;
  }

  private async write(job: ReplyJob, prepared?: Promise<ReplyContext | undefined>): Promise<void> {
    const abort = new AbortController();
    this.writing.set(job.replyId, abort);
    try {
      const spoken = await generateReply(this.deps, job, abort.signal, prepared);
      // The coach and the title run beside the next reply, not before it.
      if (spoken) this.track(afterReply(this.deps, spoken));
    } catch (err) {
      if (!(await this.ownerErased(job))) throw err;
      // Erasure does not wait for replies being written: their last writes then meet a missing
      // user (no data key to seal the text with: DataKeyError; a foreign key) or the erasure's
      // cascade (a deadlock). Nothing is left to write the reply to: expected, not a fault.
      this.deps.logger.info(
        { sessionId: job.sessionId, replyId: job.replyId, err: { type: (err as Error | null)?.name, code: (err as { code?: unknown } | null)?.code } },
        REPLY_OF_ERASED_ACCOUNT,
      );
    } finally {
      this.writing.delete(job.replyId);
    }
  }

  /**
   * Whether the reply's account was erased meanwhile; false when that cannot be told (the
   * failure is then reported as it is, and why the check failed is logged beside it).
   */
  private async ownerErased(job: ReplyJob): Promise<boolean> {
    if (!job.ownerId) return false;
    try {
      return await isAccountErased(this.deps.orm.em, job.ownerId);
    } catch (err) {
      this.deps.logger.warn({ err, sessionId: job.sessionId, replyId: job.replyId }, ERASURE_CHECK_FAILED);
      return false;
    }
  }

  private async sweepOrphans(): Promise<void> {
    for (const id of await this.deps.chatStore.replies.orphanedSessions()) this.kick(id);
  }
}

function toJob(sessionId: string, reply: ClaimedReply): ReplyJob {
  return { replyId: reply.id, sessionId, seq: reply.seq, replyTo: reply.replyTo, ownerId: reply.ownerId, personaId: reply.personaId };
}
