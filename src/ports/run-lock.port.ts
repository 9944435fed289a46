/**
 * Exclusive ownership of a long-running job across processes. A job queue may hand a job
 * to a second worker while the first still runs it (an expired lock under load); the run
 * lock makes sure only one executes, and is released when its holder dies.
 */
export interface RunLock {
  /**
   * The release function, or null when another process holds the lock. `onLost` is told if
   * the lock is lost while held (its session ended under a live holder: another process may
   * take it now), so the holder can stop writing.
   */
  tryAcquire(key: string, onLost?: (err: Error) => void): Promise<(() => Promise<void>) | null>;
}
