import type { ModerationDirection, ModerationVerdict } from '../../src/ports/moderation.port';
import type {
  CallTag,
  ChatCompletion,
  ChatRequest,
  ChatStreamEvent,
  DistributionRequest,
  AnswerDistribution,
  ModelProvider,
  StructuredRequest,
  TokenUsage,
} from '../../src/ports/model-provider.port';
import { IntervalLog } from './intervals';

/**
 * A ModelProvider decorator that records the wall time spent inside every model call (the
 * whole provider layer: quota, breaker, LangChain, the HTTP round trip, the usage ledger),
 * so a benchmark can subtract it from a turn's time.
 */
export class TimedModelProvider implements ModelProvider {
  readonly calls = new IntervalLog();
  /** When each chat or structured call started, and for which agent (its tag), in call order. */
  readonly starts: { at: number; agent: string }[] = [];

  constructor(private readonly inner: ModelProvider) {}

  async *streamChat(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    const start = performance.now();
    this.starts.push({ at: start, agent: request.tag.agent });
    try {
      yield* this.inner.streamChat(request);
    } finally {
      this.calls.spans.push({ start, end: performance.now() });
    }
  }

  chat(request: ChatRequest): Promise<ChatCompletion> {
    this.starts.push({ at: performance.now(), agent: request.tag.agent });
    return this.calls.time(() => this.inner.chat(request));
  }

  structured<T>(request: StructuredRequest): Promise<{ value: T; model: string; usage: TokenUsage; cached: boolean }> {
    this.starts.push({ at: performance.now(), agent: request.tag.agent });
    return this.calls.time(() => this.inner.structured<T>(request));
  }

  distribution(request: DistributionRequest): Promise<AnswerDistribution> {
    this.starts.push({ at: performance.now(), agent: request.tag.agent });
    return this.calls.time(() => this.inner.distribution(request));
  }

  embed(texts: string[], tag: CallTag): Promise<number[][]> {
    return this.calls.time(() => this.inner.embed(texts, tag));
  }

  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict> {
    return this.calls.time(() => this.inner.moderate(text, direction));
  }
}
