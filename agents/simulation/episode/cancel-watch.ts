import type { SimulationDeps } from '../configuration';
import { behindTheTurn } from './behind-the-turn';

/**
 * The run's cancel flag as its turns see it. Each turn starts a read (deps.isCancelled, a
 * query) once its model request is out, and takes whatever is known when its reply is in:
 * the read costs the turn neither CPU before its model call nor a wait after it. A read not
 * back by then (the database slower than the model) is taken by the next turn, so a cancel
 * stops the episode at most one turn later than a read awaited by every turn would. A failed
 * read fails the turn that takes it, as an awaited one did.
 */
export class CancelWatch {
  private requested = false;
  private failure: { error: unknown } | null = null;
  private reading = false;

  constructor(private readonly isCancelled: () => Promise<boolean>) {}

  /** Starts a read behind this turn, unless one is still in flight. */
  refresh(): void {
    if (this.reading || this.requested) return;
    this.reading = true;
    void behindTheTurn()
      .then(() => this.isCancelled())
      .then(
        (cancelled) => {
          if (cancelled) this.requested = true;
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => {
        this.reading = false;
      });
  }

  /** Whether a read so far saw a cancel; throws a failed read's error. */
  seen(): boolean {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      throw error;
    }
    return this.requested;
  }
}

const watches = new WeakMap<SimulationDeps, CancelWatch>();

/** The run's watch (one per run's deps, made on first use). */
export function cancelWatchOf(deps: SimulationDeps): CancelWatch {
  let watch = watches.get(deps);
  if (!watch) {
    watch = new CancelWatch(() => deps.isCancelled());
    watches.set(deps, watch);
  }
  return watch;
}
