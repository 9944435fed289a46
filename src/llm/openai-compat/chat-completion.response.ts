import { randomBytes } from 'node:crypto';

/** `usage` as OpenAI reports it on a chat completion. */
export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

export type FinishReason = 'stop' | 'length' | 'content_filter';

/** Identity shared by every chunk of one completion. */
export interface CompletionIdentity {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
}

export function newCompletionIdentity(model: string): CompletionIdentity {
  return { id: `chatcmpl-${randomBytes(12).toString('hex')}`, model, created: Math.floor(Date.now() / 1000) };
}

export function chatUsage(promptTokens: number, completionTokens: number): ChatUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

/** A complete (non-streaming) `chat.completion` body. */
/** One token with its log probability, as OpenAI's `logprobs.content` items carry it. */
export interface TokenLogprob {
  token: string;
  logprob: number;
}

/** OpenAI's `choices[0].logprobs` for a reply whose tokens were reported: each with its likeliest alternatives. */
export function logprobsContent(tokens: readonly (TokenLogprob & { top: readonly TokenLogprob[] })[]) {
  const bytes = (token: string) => [...Buffer.from(token, 'utf8')];
  return {
    content: tokens.map((t) => ({
      token: t.token,
      logprob: t.logprob,
      bytes: bytes(t.token),
      top_logprobs: t.top.map((c) => ({ token: c.token, logprob: c.logprob, bytes: bytes(c.token) })),
    })),
    refusal: null,
  };
}

export function chatCompletionBody(
  identity: CompletionIdentity,
  content: string,
  finishReason: FinishReason,
  usage: ChatUsage,
  logprobs: ReturnType<typeof logprobsContent> | null = null,
) {
  return {
    id: identity.id,
    object: 'chat.completion' as const,
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null },
        logprobs,
        finish_reason: finishReason,
      },
    ],
    usage,
  };
}

/**
 * One `chat.completion.chunk`. When the client asked for usage, OpenAI sends `usage: null` on
 * every chunk but the final usage chunk; `withUsageField` reproduces that.
 */
export function chatCompletionChunk(
  identity: CompletionIdentity,
  delta: { role?: 'assistant'; content?: string },
  finishReason: FinishReason | null,
  withUsageField: boolean,
) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk' as const,
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(withUsageField ? { usage: null } : {}),
  };
}

/** The last chunk of a stream with `stream_options.include_usage`: empty `choices`, the usage. */
export function chatUsageChunk(identity: CompletionIdentity, usage: ChatUsage) {
  return {
    id: identity.id,
    object: 'chat.completion.chunk' as const,
    created: identity.created,
    model: identity.model,
    system_fingerprint: null,
    choices: [],
    usage,
  };
}
