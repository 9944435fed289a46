import type {
  AnswerDistribution,
  CallTag,
  ChatCompletion,
  ChatRequest,
  ChatStreamEvent,
  DistributionRequest,
  ModelProvider,
  ModelTier,
  StructuredRequest,
  TokenUsage,
} from '../ports/model-provider.port';
import type { ModerationDirection, ModerationVerdict } from '../ports/moderation.port';
import type { SpanAttributes, TraceSpan, Tracer } from '../ports/tracer.port';
import { errorCode } from './otel-tracer';

/**
 * One span per model call (chat, streamed chat, structured, distribution, embeddings,
 * moderation), wrapped around the provider in the composition root: tier, the model that
 * answered, outcome, token counts, and who asked (agent, node, purpose, prompt name). Never
 * the messages, the reply, the user id or a moderation verdict (a "support" verdict means
 * self-harm was detected). Fallbacks inside one call show as one span naming the model that
 * answered, as the metrics do.
 */
export class TracedModelProvider implements ModelProvider {
  constructor(
    private readonly inner: ModelProvider,
    private readonly tracer: Tracer,
  ) {}

  async *streamChat(request: ChatRequest): AsyncIterable<ChatStreamEvent> {
    const span = this.tracer.startSpan('llm stream_chat', { kind: 'client', attributes: requestAttributes('chat', request.tier, request.tag, request) });
    const started = performance.now();
    let chunks = 0;
    let ended = false;
    try {
      for await (const event of this.inner.streamChat(request)) {
        if (event.type === 'chunk') {
          if (chunks === 0) span.setAttributes({ 'soullink.llm.first_token_ms': Math.round(performance.now() - started) });
          chunks += 1;
        } else if (event.type === 'complete') {
          span.setAttributes({ ...completionAttributes(event), 'soullink.llm.chunks': chunks });
          ended = true;
        } else {
          // The partial text that reached the user stays out of the span; only whether there was one.
          span.setAttributes({ 'soullink.llm.outcome': event.partialText ? 'partial' : 'error', 'soullink.llm.chunks': chunks });
          span.fail(event.code);
          ended = true;
        }
        yield event;
      }
    } catch (err) {
      span.setAttributes({ 'soullink.llm.outcome': 'error' });
      span.fail(errorCode(err));
      ended = true;
      throw err;
    } finally {
      // The consumer stopped reading (the user cancelled, or the stream was cut).
      if (!ended) span.setAttributes({ 'soullink.llm.outcome': 'abandoned', 'soullink.llm.chunks': chunks });
      span.end();
    }
  }

  chat(request: ChatRequest): Promise<ChatCompletion> {
    return this.call('llm chat', requestAttributes('chat', request.tier, request.tag, request), async (span) => {
      const completion = await this.inner.chat(request);
      span.setAttributes(completionAttributes(completion));
      return completion;
    });
  }

  structured<T>(request: StructuredRequest): Promise<{ value: T; model: string; usage: TokenUsage; cached: boolean }> {
    const attributes = { ...requestAttributes('chat', request.tier, request.tag, request), 'soullink.llm.schema': request.schemaName };
    return this.call('llm structured', attributes, async (span) => {
      const result = await this.inner.structured<T>(request);
      span.setAttributes(resultAttributes(result));
      return result;
    });
  }

  distribution(request: DistributionRequest): Promise<AnswerDistribution> {
    const attributes = { ...requestAttributes('chat', request.tier, request.tag), 'soullink.llm.options': request.options.length };
    return this.call('llm distribution', attributes, async (span) => {
      const result = await this.inner.distribution(request);
      span.setAttributes(resultAttributes(result));
      return result;
    });
  }

  embed(texts: string[], tag: CallTag): Promise<number[][]> {
    const attributes = { ...requestAttributes('embeddings', 'embedding', tag), 'soullink.llm.inputs': texts.length };
    return this.call('llm embed', attributes, async (span) => {
      const vectors = await this.inner.embed(texts, tag);
      span.setAttributes({ 'soullink.llm.outcome': 'ok' });
      return vectors;
    });
  }

  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict> {
    return this.call('llm moderate', { 'soullink.moderation.direction': direction }, async (span) => {
      const verdict = await this.inner.moderate(text, direction);
      span.setAttributes({ 'soullink.llm.outcome': 'ok' });
      return verdict;
    });
  }

  private call<T>(name: string, attributes: SpanAttributes, fn: (span: TraceSpan) => Promise<T>): Promise<T> {
    return this.tracer.inSpan(name, { kind: 'client', attributes }, async (span) => {
      try {
        return await fn(span);
      } catch (err) {
        span.setAttributes({ 'soullink.llm.outcome': 'error' });
        throw err;
      }
    });
  }
}

function requestAttributes(
  operation: 'chat' | 'embeddings',
  tier: ModelTier | 'embedding',
  tag: CallTag,
  request?: Pick<ChatRequest, 'temperature' | 'maxTokens'>,
): SpanAttributes {
  return {
    'gen_ai.operation.name': operation,
    'gen_ai.request.temperature': request?.temperature,
    'gen_ai.request.max_tokens': request?.maxTokens,
    'soullink.llm.tier': tier,
    'soullink.agent': tag.agent,
    'soullink.agent.node': tag.node,
    'soullink.llm.purpose': tag.purpose,
    'soullink.prompt.name': tag.prompt?.name,
    'soullink.prompt.version': tag.prompt?.version,
  };
}

function completionAttributes(completion: ChatCompletion): SpanAttributes {
  return {
    ...resultAttributes(completion),
    // Degraded: every model was down and the canned reply went out.
    'soullink.llm.outcome': completion.degraded ? 'degraded' : completion.cached ? 'cached' : 'ok',
  };
}

function resultAttributes(result: { model: string; usage: TokenUsage; cached: boolean }): SpanAttributes {
  return {
    'gen_ai.response.model': result.model,
    'gen_ai.usage.input_tokens': result.usage.promptTokens,
    'gen_ai.usage.output_tokens': result.usage.completionTokens,
    'soullink.llm.cached': result.cached,
    'soullink.llm.outcome': result.cached ? 'cached' : 'ok',
  };
}
