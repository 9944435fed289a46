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
