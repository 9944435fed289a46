import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { TokenUsage } from '../ports/model-provider.port';

/**
 * What the provider reads off the Chat Completions stream, straight from the SDK's parsed
 * chunks: the text of the first choice's delta, why the model stopped, and the token usage
 * (on the final chunk, whose `choices` is empty, when `stream_options.include_usage` is set).
 */

export function chunkText(chunk: ChatCompletionChunk): string {
  const content = chunk.choices?.[0]?.delta?.content;
  return typeof content === 'string' ? content : '';
}

/** The endpoint's finish_reason, narrowed to what callers act on: the token cap or anything else. */
export function chunkFinishReason(chunk: ChatCompletionChunk): 'stop' | 'length' | undefined {
  const reason = chunk.choices?.[0]?.finish_reason;
  return reason === 'length' ? 'length' : reason === undefined || reason === null ? undefined : 'stop';
}

export function usageOf(response: Pick<ChatCompletionChunk | ChatCompletion, 'usage'>): TokenUsage | undefined {
  const u = response.usage;
  return u ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens } : undefined;
}
