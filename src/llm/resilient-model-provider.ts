import { distributionOf, firstTokenCandidates } from './answer-distribution';
import { JsonOutputParser } from '@langchain/core/output_parsers';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { DomainError } from '../kernel/errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { responseCacheKey } from './cache/cache-key';
import type { ResponseCache } from '../ports/response-cache.port';
import { cannedReply } from './canned-replies';
import type { ChatModelFactory } from './chat-model-factory';
import type { LlmSettings, ModelRef } from './llm-settings';
import type { ModelBreakers } from './model-breakers';
import { chunkFinishReason, chunkText, usageOf } from './openai-chat-chunk';
import { raterBody, streamedChatBody } from './openai-chat-request';
import type {
  AnswerDistribution,
  CallTag,
  ChatCompletion,
  ChatMessage,
  ChatRequest,
  ChatStreamEvent,
  DistributionRequest,
  ModelProvider,
  ModelTier,
  StructuredRequest,
  TokenUsage,
} from '../ports/model-provider.port';
import type { ModerationDirection, ModerationVerdict, Moderator } from '../ports/moderation.port';
import { OutputGate } from './moderation/output-gate';
import { outputReplacement, supportReply } from './moderation/support-replies';
import type { QuotaReservation, TokenQuota } from '../ports/token-quota.port';
import { FirstTokenBudget, StreamTimeoutError, nextWithin, withDeadline } from './timed-iterator';
import { countChatPromptTokens, countTextTokens } from './tokens/token-counter';
import type { UsageLedger } from '../ports/usage-ledger.port';
import type { UsageOutcome } from './usage/usage-record.entity';

export interface ProviderDeps {
  settings: LlmSettings;
  models: ChatModelFactory;
  breakers: ModelBreakers;
  ledger: UsageLedger;
  quota: TokenQuota;
  cache: ResponseCache;
  moderator: Moderator;
  metrics: Metrics;
  logger: Logger;
}

const DEFAULT_MAX_TOKENS = 512;

/** What a model is asked, for a streamed chat reply or a structured answer. */
interface StreamCall {
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
  seed?: number;
  stop?: string[];
  signal?: AbortSignal;
  /** The OpenAI response_format for structured output. */
  responseFormat?: Record<string, unknown>;
  /** ChatRequest.onSending. */
  onSending?: () => void;
}

interface OpenedStream {
  iterator: AsyncIterator<ChatCompletionChunk>;
  abort: AbortController;
  firstText: string;
  usage?: TokenUsage;
  finishReason?: 'stop' | 'length';
}

/**
 * The openai SDK ends a stream quietly when its request is aborted (the caller withdrew it):
 * that end is a failure, as it was through LangChain, never a complete reply.
 */
function failIfAborted(abort: AbortController): void {
  abort.signal.throwIfAborted();
}

/** Whether a request shows the model images (and so needs a vision model). */
const hasImages = (messages: ChatMessage[]) => messages.some((m) => (m.images?.length ?? 0) > 0);

/**
 * The provider layer: tiers of models on OpenAI-compatible endpoints with a circuit breaker
 * and per-step timeouts each, fallback down the list before the first token, no silent
 * retry after it, a canned reply when all fail; quotas reserved before and settled after
 * every call; each attempt in the usage ledger; moderation in and out; a cache for
 * deterministic calls.
 */
export class ResilientModelProvider implements ModelProvider {
  constructor(private readonly deps: ProviderDeps) {}

  async *streamChat(request: ChatRequest): AsyncGenerator<ChatStreamEvent> {
    const safety = await this.screenInput(request);
    if (safety) {
      yield { type: 'complete', ...safety };
      return;
    }
    const refs = this.modelsFor(request);
    const reservation = await this.reserve(request.tag, request.messages, request.maxTokens);
    const budget = new FirstTokenBudget(this.deps.settings.firstTokenDeadlineMs);
    const call: StreamCall = {
      messages: request.messages,
      temperature: request.temperature ?? 0.7,
      maxTokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
      seed: request.seed,
      stop: request.stop,
      signal: request.signal,
      ...(request.onSending ? { onSending: request.onSending } : {}),
    };
    let spent = 0;
    try {
      for (const [i, ref] of refs.entries()) {
        // The caller withdrew the request (a newer chat message): no fallback, no canned reply.
        if (request.signal?.aborted) return;
        // The chain's first-token wait is spent: the canned reply now rather than later.
        if (budget.exhausted) break;
        const started = performance.now();
        let opened: OpenedStream;
        try {
          opened = await this.deps.breakers.for(ref).execute(() => this.openStream(ref, call, budget, this.modelsLeft(refs.slice(i))));
        } catch (err) {
          if (request.signal?.aborted) return;
          await this.recordFailure(request.tier, ref, request.tag, started, err);
          continue;
        }
        this.deps.metrics.llmFirstToken.observe({ tier: request.tier, model: ref.model }, (performance.now() - started) / 1000);
        let text = opened.firstText;
        let usage = opened.usage;
        let finishReason = opened.finishReason;
        // Moderated output is released once checked (see OutputGate): word by word for the
        // in-process moderator, sentence by sentence for a moderation API (a round trip each);
        // otherwise each piece goes out as it comes. `index` counts what was released.
        const gate = !request.moderateOutput
          ? null
          : this.deps.settings.moderation === 'local'
            ? OutputGate.wordByWord(this.deps.moderator)
            : OutputGate.sentenceBySentence(this.deps.moderator);
        let index = 0;
        let sent = '';
        const first = gate ? await gate.pass(text) : text;
        if (first) yield { type: 'chunk', index: index++, text: first };
        sent += first;
        try {
          while (!gate?.flagged) {
            const step = await nextWithin(opened.iterator, this.deps.settings.chunkGapTimeoutMs, 'chunk-gap', opened.abort);
            if (step.done) {
              failIfAborted(opened.abort);
              break;
            }
            usage = usageOf(step.value) ?? usage;
            finishReason = chunkFinishReason(step.value) ?? finishReason;
            const piece = chunkText(step.value);
            if (!piece) continue;
            text += piece;
            const released = gate ? await gate.pass(piece) : piece;
            if (released) yield { type: 'chunk', index: index++, text: released };
            sent += released;
          }
          // Flagged text ends the reply there: the rest is not worth generating.
          if (gate?.flagged) opened.abort.abort();
          const last = gate && !gate.flagged ? await gate.end() : '';
          if (last) yield { type: 'chunk', index: index++, text: last };
          sent += last;
        } catch (err) {
          // Text has reached the user: no silent retry on another model. Keep it, mark it.
          const partial = this.estimateUsage(ref, request.messages, text);
          spent = partial.promptTokens + partial.completionTokens;
          await this.record(request.tier, ref.model, request.tag, partial, started, 'partial');
          this.deps.logger.warn({ model: ref.model, err: (err as Error).message }, 'model stream failed after first token');
          yield {
            type: 'error',
            code: 'AI_SERVICE_UNAVAILABLE',
            message: 'The reply was interrupted',
            // What reached the user; moderated text still held back (unchecked, or failed and waiting to be cleared) is dropped.
            partialText: gate ? sent : text,
            retryable: true,
          };
          return;
        }
        usage ??= this.estimateUsage(ref, request.messages, text);
        spent = usage.promptTokens + usage.completionTokens;
        await this.record(request.tier, ref.model, request.tag, usage, started, 'ok');
        // The gate's flagged verdict stands; else the whole reply is checked once more, in full context.
        const replaced = gate?.flagged ? (outputReplacement(gate.flagged, text) ?? undefined) : request.moderateOutput ? await this.screenOutput(text) : undefined;
        yield {
          type: 'complete',
          text: replaced ?? text,
          model: ref.model,
          usage,
          ...(finishReason ? { finishReason } : {}),
          degraded: false,
          cached: false,
          ...(replaced ? { safety: 'replaced' as const } : {}),
        };
        return;
      }
      await this.record(request.tier, 'canned', request.tag, { promptTokens: 0, completionTokens: 0 }, performance.now(), 'canned');
      yield {
        type: 'complete',
        text: request.cannedReply ?? cannedReply(request.messages),
        model: 'canned',
        usage: { promptTokens: 0, completionTokens: 0 },
        degraded: true,
        cached: false,
      };
    } finally {
      await reservation?.settle(spent);
    }
  }

  async chat(request: ChatRequest): Promise<ChatCompletion> {
    const key = this.cacheKey(request, request.temperature ?? 0.7, {
      kind: 'chat',
      maxTokens: request.maxTokens,
      moderateOutput: request.moderateOutput ?? false,
      seed: request.seed,
      stop: request.stop,
    });
    const hit = key ? await this.cached<ChatCompletion>(key, request.tier, request.tag) : undefined;
    if (hit) return { ...hit, cached: true };
    let completion: ChatCompletion | undefined;
    for await (const event of this.streamChat(request)) {
      if (event.type === 'error') throw new DomainError('AI_SERVICE_UNAVAILABLE', event.message, { retryable: event.retryable });
      if (event.type === 'complete') completion = { ...event };
    }
    const result = completion!;
    delete (result as Partial<{ type: string }>).type;
    if (key && !result.degraded && !result.safety) await this.store(key, result);
    return result;
  }

  async structured<T>(request: StructuredRequest): Promise<{ value: T; model: string; usage: TokenUsage; cached: boolean }> {
    const temperature = request.temperature ?? 0;
    const refs = this.modelsFor(request);
    const key = this.cacheKey(request, temperature, { kind: 'structured', schema: request.schema, maxTokens: request.maxTokens, seed: request.seed });
    type Result = { value: T; model: string; usage: TokenUsage; cached: boolean };
    const hit = key ? await this.cached<Result>(key, request.tier, request.tag) : undefined;
    if (hit) return { ...hit, cached: true };

    const safety = await this.screenInput({ ...request, moderateInput: request.moderateInput });
    if (safety) throw new DomainError('CONTENT_BLOCKED', 'This request cannot be processed', { category: 'self-harm' });
    const reservation = await this.reserve(request.tag, request.messages, request.maxTokens);
    let spent = 0;
    const budget = new FirstTokenBudget(this.deps.settings.firstTokenDeadlineMs);
    try {
      for (const [i, ref] of refs.entries()) {
        if (request.signal?.aborted) break;
        // The chain's first-token wait is spent: a clear error now rather than later.
        if (budget.exhausted) break;
        const started = performance.now();
        try {
          const modelsLeft = this.modelsLeft(refs.slice(i));
          const { value, usage } = await this.deps.breakers.for(ref).execute(() => this.invokeStructured<T>(ref, request, temperature, budget, modelsLeft));
          spent = usage.promptTokens + usage.completionTokens;
          await this.record(request.tier, ref.model, request.tag, usage, started, 'ok');
          const result: Result = { value, model: ref.model, usage, cached: false };
          if (key) await this.store(key, result);
          return result;
        } catch (err) {
          await this.recordFailure(request.tier, ref, request.tag, started, err);
        }
      }
      throw new DomainError('AI_SERVICE_UNAVAILABLE', 'No model could answer; try again shortly', { retryable: true });
    } finally {
      await reservation?.settle(spent);
    }
  }

  async distribution(request: DistributionRequest): Promise<AnswerDistribution> {
    const refs = this.modelsFor(request);
    const key = this.cacheKey(request, 0, { kind: 'distribution', options: request.options });
    const hit = key ? await this.cached<AnswerDistribution>(key, request.tier, request.tag) : undefined;
    if (hit) return { ...hit, cached: true };
    const reservation = await this.reserve(request.tag, request.messages, 1);
    let spent = 0;
    try {
      for (const ref of refs) {
        if (request.signal?.aborted) break;
        const started = performance.now();
        try {
          const result = await this.deps.breakers.for(ref).execute(() => this.invokeDistribution(ref, request));
          spent = result.usage.promptTokens + result.usage.completionTokens;
          await this.record(request.tier, ref.model, request.tag, result.usage, started, 'ok');
          if (key) await this.store(key, result);
          return result;
        } catch (err) {
          await this.recordFailure(request.tier, ref, request.tag, started, err);
        }
      }
      throw new DomainError('AI_SERVICE_UNAVAILABLE', 'No model could answer; try again shortly', { retryable: true });
    } finally {
      await reservation?.settle(spent);
    }
  }

  async embed(texts: string[], tag: CallTag): Promise<number[][]> {
    const ref = this.deps.settings.embedding;
    const tokens = texts.reduce((sum, t) => sum + countTextTokens(t, ref.model), 0);
    const reservation = tag.userId ? await this.deps.quota.reserve(tag.userId, tokens) : undefined;
    const started = performance.now();
    try {
      const embedder = await this.deps.models.embedder(ref);
      const vectors = await this.deps.breakers.for(ref).execute(() => embedder.embedDocuments(texts));
      await this.record('embedding', ref.model, tag, { promptTokens: tokens, completionTokens: 0 }, started, 'ok');
      await reservation?.settle(tokens);
      return vectors;
    } catch (err) {
      await reservation?.settle(0);
      await this.recordFailure('embedding', ref, tag, started, err);
      throw new DomainError('AI_SERVICE_UNAVAILABLE', 'Embeddings are unavailable; try again shortly', { retryable: true });
    }
  }

  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict> {
    return this.deps.moderator.moderate(text, direction);
  }

  /**
   * Models still to try that may answer (an open breaker refuses at once and takes no share of
   * the first-token budget); at least one, the model about to be tried.
   */
  private modelsLeft(refs: ModelRef[]): number {
    return Math.max(1, refs.filter((ref) => this.deps.breakers.for(ref).state !== CircuitState.Open).length);
  }

  /**
   * Starts a streamed call and waits for its first text, for at most the model's allowance of
   * the chain's first-token budget; the wait is charged to the budget, win or lose.
   */
  private async openStream(ref: ModelRef, call: StreamCall, budget: FirstTokenBudget, modelsLeft: number): Promise<OpenedStream> {
    const abort = new AbortController();
    if (call.signal?.aborted) abort.abort();
    call.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    // Getting the client waits for the model to be ready (the offline model is fetched and
    // loaded on first use): the first-token deadline starts once it is, or the very first
    // call would time out on a fresh machine and answer with the canned reply.
    const open = await this.deps.models.streams(ref);
    const waitStarted = Date.now();
    const deadline = waitStarted + budget.allowanceMs(this.deps.settings.firstTokenTimeoutMs, modelsLeft);
    try {
      call.onSending?.();
      // The opening settles once the response headers are in: the first-token deadline covers
      // that wait too.
      const opening = open(
        streamedChatBody({
          model: ref.model,
          messages: call.messages,
          temperature: call.temperature,
          maxTokens: call.maxTokens,
          seed: call.seed,
          stop: call.stop,
          responseFormat: call.responseFormat,
        }),
        abort.signal,
      );
      const iterator = await withDeadline(opening, deadline, abort);
      let usage: TokenUsage | undefined;
      for (;;) {
        const step = await nextWithin(iterator, Math.max(1, deadline - Date.now()), 'first-token', abort);
        if (step.done) {
          failIfAborted(abort);
          throw new Error('model returned an empty reply');
        }
        usage = usageOf(step.value) ?? usage;
        const text = chunkText(step.value);
        const finishReason = chunkFinishReason(step.value);
        if (text) return { iterator, abort, firstText: text, usage, ...(finishReason ? { finishReason } : {}) };
      }
    } catch (err) {
      // A failed opening releases its connection even when the model, not a timeout, failed.
      abort.abort();
      throw err;
    } finally {
      budget.spend(Date.now() - waitStarted);
    }
  }

  /**
   * A structured answer, streamed so that a model that never starts is left for the next one
   * within the first-token budget, as for chat; once it has started, the rest may take up
   * to LLM_REQUEST_TIMEOUT_MS more, with no gap longer than
   * LLM_CHUNK_GAP_TIMEOUT_MS. Parsed as LangChain's withStructuredOutput(jsonSchema) would.
   */
  private async invokeStructured<T>(
    ref: ModelRef,
    request: StructuredRequest,
    temperature: number,
    budget: FirstTokenBudget,
    modelsLeft: number,
  ): Promise<{ value: T; usage: TokenUsage }> {
    const schema = request.schema;
    const responseFormat = {
      type: 'json_schema',
      json_schema: { name: request.schemaName, ...(typeof schema.description === 'string' ? { description: schema.description } : {}), schema },
    };
    const opened = await this.openStream(
      ref,
      { messages: request.messages, temperature, maxTokens: request.maxTokens ?? 1024, seed: request.seed, signal: request.signal, responseFormat, ...(request.onSending ? { onSending: request.onSending } : {}) },
      budget,
      modelsLeft,
    );
    const requestDeadline = Date.now() + this.deps.settings.requestTimeoutMs;
    let text = opened.firstText;
    let usage = opened.usage;
    try {
      for (;;) {
        const ms = Math.max(1, Math.min(this.deps.settings.chunkGapTimeoutMs, requestDeadline - Date.now()));
        const step = await nextWithin(opened.iterator, ms, 'chunk-gap', opened.abort);
        if (step.done) {
          failIfAborted(opened.abort);
          break;
        }
        usage = usageOf(step.value) ?? usage;
        text += chunkText(step.value);
      }
    } catch (err) {
      opened.abort.abort();
      throw err;
    }
    const parsed = (await new JsonOutputParser().parse(text)) as T;
    if (parsed === null || typeof parsed !== 'object') throw new Error('model did not return a JSON object');
    return { value: parsed, usage: usage ?? this.estimateUsage(ref, request.messages, text) };
  }

  /**
   * One token asked with its top logprobs, within LLM_REQUEST_TIMEOUT_MS. A model that reports
   * none (some OpenAI-compatible servers ignore `logprobs`) fails, so the next one is tried.
   */
  private async invokeDistribution(ref: ModelRef, request: DistributionRequest): Promise<AnswerDistribution> {
    const client = await this.deps.models.client(ref);
    const timeout = AbortSignal.timeout(this.deps.settings.requestTimeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    request.onSending?.();
    const completion = await client.chat.completions.create(raterBody(ref.model, request.messages), { signal });
    const choice = completion.choices?.[0];
    const candidates = firstTokenCandidates(choice?.logprobs);
    if (!candidates) throw new Error('model reported no token probabilities (logprobs)');
    const { probabilities, mass } = distributionOf(candidates, request.options);
    const usage = usageOf(completion) ?? this.estimateUsage(ref, request.messages, choice?.message?.content ?? '');
    return { probabilities, mass, model: ref.model, usage, cached: false };
  }

  /** Input moderation: throws CONTENT_BLOCKED, or returns the supportive answer for self-harm. */
  private async screenInput(request: Pick<ChatRequest, 'moderateInput' | 'messages' | 'tag' | 'tier'>): Promise<ChatCompletion | undefined> {
    if (!request.moderateInput) return undefined;
    const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
    if (!lastUser) return undefined;
    const verdict = await this.deps.moderator.moderate(lastUser.content, 'input');
    if (verdict.action === 'allow') return undefined;
    await this.record(request.tier, 'moderation', request.tag, { promptTokens: 0, completionTokens: 0 }, performance.now(), 'blocked');
    if (verdict.action === 'support') {
      return { text: supportReply(lastUser.content), model: 'safety', usage: { promptTokens: 0, completionTokens: 0 }, degraded: false, cached: false, safety: 'support' };
    }
    throw new DomainError('CONTENT_BLOCKED', 'This message breaks the content rules', { category: verdict.categories[0] ?? 'unknown', categories: verdict.categories });
  }

  private async screenOutput(text: string): Promise<string | undefined> {
    const verdict = await this.deps.moderator.moderate(text, 'output');
    return outputReplacement(verdict, text) ?? undefined;
  }

  private async reserve(tag: CallTag, messages: ChatMessage[], maxTokens: number | undefined): Promise<QuotaReservation | undefined> {
    if (!tag.userId) return undefined;
    const estimate = countChatPromptTokens(messages, 'gpt-4o') + (maxTokens ?? DEFAULT_MAX_TOKENS);
    return this.deps.quota.reserve(tag.userId, estimate);
  }

  /** Only deterministic calls are cacheable; the key covers the tier's models and every parameter. */
  private cacheKey(request: Pick<ChatRequest, 'tier' | 'messages' | 'tag'>, temperature: number, params: Record<string, unknown>): string | undefined {
    if (temperature !== 0) return undefined;
    const models = this.modelsFor(request).map((r) => r.model).join(',');
    return responseCacheKey({ userId: request.tag.userId, model: models, messages: request.messages, params });
  }

  /** The tier's models, or the vision models for a request with images (VISION_NOT_CONFIGURED when there are none). */
  private modelsFor(request: Pick<ChatRequest, 'tier' | 'messages'>): ModelRef[] {
    if (!hasImages(request.messages)) return this.deps.settings.tiers[request.tier];
    const vision = this.deps.settings.vision ?? [];
    if (vision.length === 0) {
      throw new DomainError('VISION_NOT_CONFIGURED', 'No vision model is configured (set LLM_VISION_MODELS to a model that reads images)');
    }
    return vision;
  }

  private async store(key: string, value: unknown): Promise<void> {
    try {
      await this.deps.cache.set(key, JSON.stringify(value), this.deps.settings.cacheTtlSeconds);
    } catch (err) {
      // An optimisation only: a cache outage must not fail a call that succeeded.
      this.deps.logger.warn({ err: (err as Error).message }, 'response cache unavailable');
    }
  }

  private async cached<R>(key: string, tier: ModelTier, tag: CallTag): Promise<R | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.deps.cache.get(key);
    } catch (err) {
      // The cache is an optimisation: when Redis is down, answer without it.
      this.deps.logger.warn({ err: (err as Error).message }, 'response cache unavailable');
    }
    this.deps.metrics.llmCache.inc({ result: raw ? 'hit' : 'miss' });
    if (!raw) return undefined;
    const value = JSON.parse(raw) as R & { model: string; usage: TokenUsage };
    await this.record(tier, value.model, tag, value.usage, performance.now(), 'cached', true);
    return value;
  }

  private estimateUsage(ref: ModelRef, messages: ChatMessage[], completion: string): TokenUsage {
    return { promptTokens: countChatPromptTokens(messages, ref.model), completionTokens: countTextTokens(completion, ref.model) };
  }

  private async recordFailure(tier: ModelTier | 'embedding', ref: ModelRef, tag: CallTag, started: number, err: unknown): Promise<void> {
    const reason = err instanceof BrokenCircuitError ? 'circuit open' : err instanceof StreamTimeoutError ? err.message : (err as Error).message;
    this.deps.logger.warn({ model: ref.model, tier, agent: tag.agent, node: tag.node, reason: reason?.slice(0, 200) }, 'model call failed');
    await this.record(tier, ref.model, tag, { promptTokens: 0, completionTokens: 0 }, started, 'error');
  }

  private async record(
    tier: ModelTier | 'embedding',
    model: string,
    tag: CallTag,
    usage: TokenUsage,
    started: number,
    outcome: UsageOutcome,
    cacheHit = false,
  ): Promise<void> {
    this.deps.metrics.llmCalls.inc({ tier, model, outcome });
    // Cache hits and canned replies cost no model time: they would only drag the percentiles down.
    if (!cacheHit && outcome !== 'canned' && outcome !== 'blocked') {
      this.deps.metrics.llmCallDuration.observe({ tier, model, outcome }, (performance.now() - started) / 1000);
    }
    if (!cacheHit) {
      this.deps.metrics.llmTokens.inc({ model, kind: 'prompt' }, usage.promptTokens);
      this.deps.metrics.llmTokens.inc({ model, kind: 'completion' }, usage.completionTokens);
    }
    await this.deps.ledger.record({
      tag,
      tier,
      model,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      latencyMs: performance.now() - started,
      cacheHit,
      outcome,
    });
  }
}
