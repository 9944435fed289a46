/**
 * Business time: expiries, a quota's month, the timestamps written to rows and transcripts.
 * Built once in the composition root (the system clock) and passed in, so tests can fix or
 * move time instead of waiting for it. Durations measured around a call (latency, timeouts)
 * read the process clock directly: they are not business time.
 */
export interface Clock {
  now(): Date;
}
