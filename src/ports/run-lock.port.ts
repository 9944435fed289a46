/**
 * Exclusive ownership of a long-running job across processes. A job queue may hand a job
 * to a second worker while the first still runs it (an expired lock under load); the run
 * lock makes sure only one executes, and is released when its holder dies.
 */
export interface RunLock {
  /** The release function, or null when another process holds the lock. */
  tryAcquire(key: string): Promise<(() => Promise<void>) | null>;
}
