import { z } from 'zod';

/** Per-model behaviour of the stub; `null` means "off". */
export interface StubKnobs {
  /** Delay before the first token (streams: after the headers; non-streaming: before the body). */
  firstTokenLatencyMs: number;
  /** How many content chunks a streamed reply is split into. */
  chunkCount: number;
  /** Delay between content chunks. */
  chunkIntervalMs: number;
  /** Answer with this HTTP status instead of a completion... */
  failStatus: number | null;
  /** ...for this many requests (null: every request until reconfigured). */
  failTimes: number | null;
  /** Accept the request and never answer (until the client or the server gives up). */
  hang: boolean;
  /** Destroy the socket after this many content chunks of a stream. */
  cutAfterChunks: number | null;
  /** Fixed reply text, used when no script rule matches. */
  reply: string | null;
}

export const DEFAULT_STUB_KNOBS: StubKnobs = {
  firstTokenLatencyMs: 0,
  chunkCount: 4,
  chunkIntervalMs: 0,
  failStatus: null,
  failTimes: null,
  hang: false,
  cutAfterChunks: null,
  reply: null,
};

// Bounds keep a mistyped knob from tying the stub up for hours or flooding a socket.
export const stubKnobsSchema = z.strictObject({
  firstTokenLatencyMs: z.number().int().min(0).max(120_000),
  chunkCount: z.number().int().min(1).max(1_000),
  chunkIntervalMs: z.number().int().min(0).max(60_000),
  failStatus: z.number().int().min(400).max(599).nullable(),
  failTimes: z.number().int().min(1).max(1_000_000).nullable(),
  hang: z.boolean(),
  cutAfterChunks: z.number().int().min(0).max(1_000).nullable(),
  reply: z.string().max(200_000).nullable(),
});

export const partialStubKnobsSchema = stubKnobsSchema.partial();

/** The model key that applies to every model without its own override. */
export const ANY_MODEL = '*';

const DEFAULTS_KEY = '#defaults';

/**
 * Knobs layered as server defaults ← '*' ← per-model override, so one test can break model A
 * while model B stays healthy. Failure budgets (`failTimes`) are counted on the layer that set
 * `failStatus`, and restart whenever that layer is reconfigured.
 */
export class StubKnobTable {
  private readonly layers = new Map<string, Partial<StubKnobs>>();
  private readonly failuresLeft = new Map<string, number>();

  constructor(private readonly defaults: StubKnobs) {
    this.armFailures(DEFAULTS_KEY, defaults);
  }

  configure(model: string, knobs: Partial<StubKnobs>): void {
    const valid = partialStubKnobsSchema.parse(knobs);
    const merged = { ...this.layers.get(model), ...valid };
    this.layers.set(model, merged);
    if ('failStatus' in valid || 'failTimes' in valid) this.armFailures(model, merged);
  }

  /** Effective knobs for `model`. */
  resolve(model: string): StubKnobs {
    return { ...this.defaults, ...this.layers.get(ANY_MODEL), ...this.layers.get(model) };
  }

  /** If `model` should fail now, consumes one failure and returns the status to answer with. */
  takeFailure(model: string): number | null {
    const key = this.failureOwner(model);
    const status = key === DEFAULTS_KEY ? this.defaults.failStatus : this.layers.get(key)?.failStatus;
    if (status == null) return null;
    const left = this.failuresLeft.get(key) ?? 0;
    if (left <= 0) return null;
    this.failuresLeft.set(key, left - 1);
    return status;
  }

  /** Model ids with their own overrides. */
  configuredModels(): string[] {
    return [...this.layers.keys()].filter((key) => key !== ANY_MODEL);
  }

  reset(): void {
    this.layers.clear();
    this.failuresLeft.clear();
    this.armFailures(DEFAULTS_KEY, this.defaults);
  }

  private failureOwner(model: string): string {
    if (this.layers.get(model)?.failStatus !== undefined) return model;
    if (this.layers.get(ANY_MODEL)?.failStatus !== undefined) return ANY_MODEL;
    return DEFAULTS_KEY;
  }

  private armFailures(key: string, knobs: Partial<StubKnobs>): void {
    this.failuresLeft.set(key, knobs.failStatus == null ? 0 : (knobs.failTimes ?? Number.POSITIVE_INFINITY));
  }
}
