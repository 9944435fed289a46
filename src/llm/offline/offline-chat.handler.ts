import { chatCompletionRequestSchema, type ChatCompletionRequest, type ChatMessage } from '../openai-compat/chat-completion.request';
import {
  chatCompletionBody,
  chatCompletionChunk,
  chatUsage,
  chatUsageChunk,
  logprobsContent,
  newCompletionIdentity,
} from '../openai-compat/chat-completion.response';
import { contentText, requestedMaxTokens } from '../openai-compat/chat-messages';
import { sendJson, type RouteContext } from '../openai-compat/http-router';
import { OpenAiHttpError } from '../openai-compat/openai-error';
import { parseRequestBody } from '../openai-compat/request-validation';
import { SseWriter } from '../openai-compat/sse-writer';
import { GenerationQueueFullError } from './generation-queue';
import { jsonShape } from './json-shape';
import type { ChatTurn, GenerateOptions, GenerationResult, LlamaRuntime } from './llama-runtime';

/** POST /v1/chat/completions answered by the local model, streaming or not. */
export async function handleOfflineChat(ctx: RouteContext, runtime: LlamaRuntime): Promise<void> {
  const request = parseRequestBody(chatCompletionRequestSchema, ctx.body);
  const identity = newCompletionIdentity(request.model);
  const options = generateOptions(request, ctx.signal);
  const turns = toTurns(request);

  if (request.logprobs && !request.stream) {
    await answerWithProbabilities(ctx, runtime, turns, identity, request.top_logprobs ?? 0);
    return;
  }
  if (!request.stream) {
    const result = await generate(runtime, turns, options);
    if (ctx.signal.aborted) return;
    const usage = chatUsage(result.promptTokens, result.completionTokens);
    sendJson(ctx.res, 200, chatCompletionBody(identity, result.text, result.finishReason, usage));
    return;
  }

  const includeUsage = request.stream_options?.include_usage === true;
  const sse = new SseWriter(ctx.res);
  let first = true;
  let result: GenerationResult;
  try {
    result = await generate(runtime, turns, {
      ...options,
      onTextChunk: (text) => {
        if (first) sse.open();
        const delta = first ? { role: 'assistant' as const, content: text } : { content: text };
        first = false;
        // Writes are issued in order; awaiting them here would stall the model's callback.
        void sse.send(chatCompletionChunk(identity, delta, null, includeUsage));
      },
    });
  } catch (error) {
    if (first) throw error; // nothing sent yet: the client gets a proper error status
    ctx.res.destroy();
    return;
  }
  if (first) {
    // The reply was empty: still open the stream with the assistant role, as OpenAI does.
    sse.open();
    await sse.send(chatCompletionChunk(identity, { role: 'assistant', content: '' }, null, includeUsage));
  }
  await sse.send(chatCompletionChunk(identity, {}, result.finishReason, includeUsage));
  if (includeUsage) await sse.send(chatUsageChunk(identity, chatUsage(result.promptTokens, result.completionTokens)));
  await sse.done();
}

/**
 * A request for token probabilities is answered with the reply's first token only (the
 * likeliest, as at temperature 0) and its `top_logprobs` candidates: what a judge reading
 * probabilities asks for (max_tokens 1). Longer replies with probabilities per token are not
 * supported here; such a request still gets one token, finish_reason "length".
 */
async function answerWithProbabilities(ctx: RouteContext, runtime: LlamaRuntime, turns: ChatTurn[], identity: ReturnType<typeof newCompletionIdentity>, top: number): Promise<void> {
  let next: Awaited<ReturnType<LlamaRuntime['nextTokens']>>;
  try {
    next = await runtime.nextTokens(turns, Math.max(1, top));
  } catch (error) {
    if (error instanceof GenerationQueueFullError) throw new OpenAiHttpError(503, error.message, 'model_busy');
    throw error;
  }
  if (ctx.signal.aborted) return;
  const likeliest = next.candidates[0] ?? { token: '', probability: 1 };
  const asLogprob = (c: { token: string; probability: number }) => ({ token: c.token, logprob: Math.log(Math.max(c.probability, Number.MIN_VALUE)) });
  const logprobs = logprobsContent([{ ...asLogprob(likeliest), top: top > 0 ? next.candidates.map(asLogprob) : [] }]);
  sendJson(ctx.res, 200, chatCompletionBody(identity, likeliest.token, 'length', chatUsage(next.promptTokens, 1), logprobs));
}

async function generate(runtime: LlamaRuntime, turns: ChatTurn[], options: GenerateOptions): Promise<GenerationResult> {
  try {
    return await runtime.generate(turns, options);
  } catch (error) {
    if (error instanceof GenerationQueueFullError) throw new OpenAiHttpError(503, error.message, 'model_busy');
    throw error;
  }
}

/**
 * Chat-template markers a small model sometimes writes as text when it loses track of the
 * turn (then goes on to write the other side's turn): the reply ends there. Covers the common
 * template families, so a model other than TinyLlama is stopped too.
 */
export const TEMPLATE_END_MARKERS = ['</s>', '<|user|>', '<|system|>', '<|assistant|>', '<|im_end|>', '<|im_start|>', '<|eot_id|>', '[INST]'];

/**
 * Repetition control for free text: llama.cpp's repeat penalty over the reply's last 64
 * tokens, plus OpenAI's frequency and presence penalties when the request sets them (a small
 * default frequency penalty otherwise: a 1B model loops on its own phrases). OpenAI's range
 * is −2…2; node-llama-cpp's is 0…1.
 */
const DEFAULT_FREQUENCY_PENALTY = 0.2;
/**
 * Min-p sampling for free text: tokens under a tenth of the likeliest one's probability are
 * never drawn. A 2-bit 1B model's long tail is noise (a stray "Me", a name, a narrator's
 * word), and at a role-play temperature of 0.8 it was drawn often enough to derail a line.
 * llama.cpp's own default is 0.05; node-llama-cpp's is off.
 */
const MIN_P = 0.1;
const REPEAT_PENALTY = 1.1;
const penaltyOf = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback);

export function generateOptions(request: ChatCompletionRequest, signal: AbortSignal): GenerateOptions {
  const format = request.response_format;
  const maxTokens = requestedMaxTokens(request);
  const stop = request.stop == null ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
  const structured = (format?.type === 'json_schema' && Boolean(format.json_schema.schema)) || format?.type === 'json_object';
  const extra = request as { frequency_penalty?: unknown; presence_penalty?: unknown };
  return {
    signal,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    // Honoured by the sampler when temperature > 0: the same seed and prompt give the same reply.
    ...(request.seed != null ? { seed: request.seed } : {}),
    // Under a grammar the reply is JSON: no end markers to watch for, and no penalty on the
    // braces and quotes it must repeat (it would push the model towards other digits).
    ...(structured
      ? { repeatPenalty: false as const, ...(stop.length > 0 ? { stop } : {}) }
      : {
          stop: [...new Set([...stop, ...TEMPLATE_END_MARKERS])],
          minP: MIN_P,
          repeatPenalty: {
            penalty: REPEAT_PENALTY,
            frequencyPenalty: penaltyOf(extra.frequency_penalty, DEFAULT_FREQUENCY_PENALTY),
            presencePenalty: penaltyOf(extra.presence_penalty, 0),
            lastTokens: 64,
          },
        }),
    ...(format?.type === 'json_schema' && format.json_schema.schema ? { jsonSchema: format.json_schema.schema } : {}),
    ...(format?.type === 'json_object' ? { jsonObject: true } : {}),
  };
}

/**
 * The request's messages as chat turns. Tool results become user turns (the local model has no
 * tool protocol), and for structured output the answer's shape is stated after the last
 * message: the grammar guarantees the shape, but a small model fills it far better when told
 * what it is. As the JSON to write with placeholders (jsonShape), not the schema's own JSON,
 * which is 2–3× the tokens and which TinyLlama copied fragments of. At the end rather than in
 * the system prompt, so requests that share their opening (the judge's groups of dimensions
 * over one transcript) share the evaluated prefix too, and the model reads the shape right
 * before writing it.
 */
export function toTurns(request: ChatCompletionRequest): ChatTurn[] {
  const turns = request.messages.map(toTurn);
  const format = request.response_format;
  if (format?.type === 'json_schema' && format.json_schema.schema) {
    const instruction = `Answer with JSON of this shape, your own words and numbers in place of … and <…>:\n${jsonShape(format.json_schema.schema)}`;
    const last = turns.at(-1);
    if (last?.role === 'user') turns[turns.length - 1] = { role: 'user', content: `${last.content}\n\n${instruction}` };
    else turns.push({ role: 'user', content: instruction });
  }
  return turns;
}

function toTurn(message: ChatMessage): ChatTurn {
  const text = contentText(message.content);
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: text };
    case 'assistant':
      return { role: 'assistant', content: text };
    case 'tool':
    case 'function':
      return { role: 'user', content: `Tool result: ${text}` };
    default:
      return { role: 'user', content: text };
  }
}
