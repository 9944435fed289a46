export class StreamTimeoutError extends Error {
  constructor(readonly phase: 'first-token' | 'chunk-gap', readonly ms: number) {
    super(`no ${phase === 'first-token' ? 'first token' : 'chunk'} within ${ms} ms`);
    this.name = 'StreamTimeoutError';
  }
}

/**
 * Awaits the iterator's next item for at most `ms`; on timeout aborts the request (so the
 * socket is released) and throws. Timeouts apply per step, never to a whole stream.
 */
export async function nextWithin<T>(
  iterator: AsyncIterator<T>,
  ms: number,
  phase: StreamTimeoutError['phase'],
  abort: AbortController,
): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new StreamTimeoutError(phase, ms));
    }, ms);
  });
  try {
    return await Promise.race([iterator.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Awaits `promise` until `deadline` (epoch ms); on timeout aborts and throws a first-token timeout. */
export async function withDeadline<T>(promise: Promise<T>, deadline: number, abort: AbortController): Promise<T> {
  const ms = Math.max(1, deadline - Date.now());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new StreamTimeoutError('first-token', ms));
    }, ms);
  });
  // The losing promise may still reject after an abort; it has no one left to tell.
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The wait for a first token that one call may spend across its whole fallback chain
 * (LLM_FIRST_TOKEN_DEADLINE_MS), so a hung provider costs the user at most this long before
 * the next model or a clear answer. Only waits count: a model getting ready (the offline
 * model loads on first use) and the time a model spends streaming after its first token do
 * not, so a structured call whose model breaks mid-answer still gives the next model its turn.
 */
export class FirstTokenBudget {
  private spentMs = 0;

  constructor(private readonly totalMs: number = Number.POSITIVE_INFINITY) {}

  get leftMs(): number {
    return Math.max(0, this.totalMs - this.spentMs);
  }

  get exhausted(): boolean {
    return this.leftMs < 1;
  }

  /**
   * How long one model may wait for its first token: its own timeout, and no more than an
   * equal share of what is left among the models still to try, so a hung first model leaves
   * the next one time to answer (the last model gets all that is left).
   */
  allowanceMs(ownTimeoutMs: number, modelsLeft: number): number {
    const share = this.leftMs / Math.max(1, modelsLeft);
    return Math.max(1, Math.floor(Math.min(ownTimeoutMs, share)));
  }

  spend(ms: number): void {
    this.spentMs += Math.max(0, ms);
  }
}
