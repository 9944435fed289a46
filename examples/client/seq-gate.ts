/**
 * Lets each `seq` of one event stream through once, in order. The server numbers every event
 * of a chat or simulation; a client that resumes with `afterSeq` may still see an event twice
 * (a replay that overlaps what it had), and must not render it twice.
 */
export class SeqGate {
  /** Duplicates dropped so far. */
  dropped = 0;

  constructor(
    /** The last seq let through: resume with `afterSeq: lastSeq`. */
    public lastSeq = 0,
  ) {}

  /** True the first time a seq beyond the last one arrives. */
  admit(seq: number): boolean {
    if (seq <= this.lastSeq) {
      this.dropped += 1;
      return false;
    }
    this.lastSeq = seq;
    return true;
  }
}
