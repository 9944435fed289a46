import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { ChatMessage } from '../ports/model-provider.port';

/**
 * The Chat Completions request bodies the provider sends through the openai SDK. They are the
 * bodies @langchain/openai 1.5.8's ChatOpenAI sent for the same calls before the provider
 * called the SDK directly (its per-chunk message objects and callbacks cost more CPU than the
 * SDK's own SSE parsing), so endpoints see no change; openai-chat-request.test.ts pins them.
 */

/** What a streamed chat reply or structured answer asks of one model. */
export interface StreamedChatParams {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
  seed?: number;
  stop?: string[];
  /** The OpenAI response_format, for structured output. */
  responseFormat?: Record<string, unknown>;
}

/**
 * OpenAI's reasoning models (o1, o3…, gpt-5 but not gpt-5-chat) take `max_completion_tokens`
 * and a `developer` message instead of `max_tokens` and `system`: ChatOpenAI's rule, kept.
 */
export function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith('gpt-5') && !model.startsWith('gpt-5-chat'));
}

/** The token cap under the field name the model takes. */
const tokenCap = (model: string, maxTokens: number): { max_tokens: number } | { max_completion_tokens: number } =>
  isReasoningModel(model) ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };

/** Messages on the wire: text, then the images as `image_url` parts when a message has any. */
export function toOpenAiMessages(model: string, messages: ChatMessage[]): ChatCompletionMessageParam[] {
  const reasoning = isReasoningModel(model);
  return messages.map((m) => {
    const role = m.role === 'system' && reasoning ? 'developer' : m.role;
    const content = m.images?.length
      ? [{ type: 'text' as const, text: m.content }, ...m.images.map((image) => ({ type: 'image_url' as const, image_url: { url: image.url } }))]
      : m.content;
    // Only user messages may carry image parts in the SDK's types; the wire takes what we send.
    return { role, content } as ChatCompletionMessageParam;
  });
}

/** A streamed call, with usage reported on the final chunk (ChatOpenAI's `streamUsage`). */
export function streamedChatBody(params: StreamedChatParams): ChatCompletionCreateParamsStreaming {
  return {
    model: params.model,
    temperature: params.temperature,
    ...(params.stop?.length ? { stop: params.stop } : {}),
    stream: true,
    ...(params.responseFormat ? { response_format: params.responseFormat as unknown as ChatCompletionCreateParamsStreaming['response_format'] } : {}),
    // An absent seed is not sent.
    ...(params.seed === undefined ? {} : { seed: params.seed }),
    stream_options: { include_usage: true },
    ...tokenCap(params.model, params.maxTokens),
    messages: toOpenAiMessages(params.model, params.messages),
  };
}

/**
 * One token at temperature 0 with the 20 likeliest candidates for it (OpenAI `logprobs` /
 * `top_logprobs`, 20 being OpenAI's maximum): for reading a model's answer distribution
 * rather than a sample.
 */
export function raterBody(model: string, messages: ChatMessage[]): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    temperature: 0,
    logprobs: true,
    top_logprobs: 20,
    stream: false,
    ...tokenCap(model, 1),
    messages: toOpenAiMessages(model, messages),
  };
}
