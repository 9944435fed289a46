import type { ModerationDirection, ModerationVerdict } from './moderation.port';

/** Model tiers by task: deep analysis and reports, role-play chat, cheap classification. */
export type ModelTier = 'deep' | 'chat' | 'fast';

/** Who and what a call is for: goes to the usage ledger, quotas and logs (never content). */
export interface CallTag {
  /** The user whose quota pays; absent for system work. */
  userId?: string;
  agent: string;
  node: string;
  purpose: string;
  prompt?: { name: string; version: number };
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /**
   * Images the message shows the model (OpenAI-compatible `image_url` parts after the text):
   * `data:` URLs or https URLs. A request with images goes to the vision models
   * (LLM_VISION_MODELS) whatever its tier, and fails with VISION_NOT_CONFIGURED when none is set.
   */
  images?: { url: string }[];
}

export interface ChatRequest {
  tier: ModelTier;
  messages: ChatMessage[];
  tag: CallTag;
  /** 0 makes the call deterministic and cacheable. Default 0.7. */
  temperature?: number;
  maxTokens?: number;
  /**
   * Sampling seed (a 32-bit integer), passed to models that accept one (OpenAI-compatible
   * `seed`): with the same seed, prompt and parameters they make a best effort to answer the
   * same. Models that ignore it stay non-deterministic above temperature 0.
   */
  seed?: number;
  /** Stop sequences (OpenAI `stop`, at most 4): the reply ends before the first one it would write. */
  stop?: string[];
  /** Moderate the last user message first (block, or answer self-harm with support). */
  moderateInput?: boolean;
  /** Moderate the reply; a flagged reply is replaced by a safe one. */
  moderateOutput?: boolean;
  /** Short in-character line used when every model is down. */
  cannedReply?: string;
  signal?: AbortSignal;
  /**
   * Called when a request to a model is about to go out (after the quota, cache and moderation
   * steps), each time one does: work the caller does not need before the answer can start then
   * and run while the model works, instead of delaying the request.
   */
  onSending?: () => void;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatCompletion {
  text: string;
  /** The model that answered, or `canned` / `safety` when none did. */
  model: string;
  usage: TokenUsage;
  /**
   * Why the model stopped, as its endpoint said (OpenAI `finish_reason`): `length` when the
   * token cap cut the text (it may end mid-word). Absent for canned, cached-before-this-field
   * and safety answers.
   */
  finishReason?: 'stop' | 'length';
  /** Every model was down: `text` is the canned reply. */
  degraded: boolean;
  cached: boolean;
  /** Set when moderation replaced or answered instead of the model. */
  safety?: 'support' | 'replaced';
}

export type ChatStreamEvent =
  | { type: 'chunk'; index: number; text: string }
  | ({ type: 'complete' } & ChatCompletion)
  | {
      type: 'error';
      code: 'AI_SERVICE_UNAVAILABLE';
      message: string;
      /** Text that had already reached the user before the failure; kept and marked. */
      partialText: string;
      retryable: boolean;
    };

export interface StructuredRequest extends Omit<ChatRequest, 'moderateOutput' | 'cannedReply'> {
  /** JSON Schema of the expected object. */
  schema: Record<string, unknown>;
  schemaName: string;
}

/**
 * A question whose answer is one of a few single-token options ("yes" / "no"), asked for the
 * model's probability of each rather than for a sampled answer.
 */
export interface DistributionRequest {
  tier: ModelTier;
  messages: ChatMessage[];
  tag: CallTag;
  /** The answers to weigh, each the text of one token, matched trimmed and case-insensitively. */
  options: readonly string[];
  signal?: AbortSignal;
  /** As ChatRequest.onSending. */
  onSending?: () => void;
}

/** How the model would answer a DistributionRequest, read off its next-token probabilities (OpenAI `top_logprobs`). */
export interface AnswerDistribution {
  /** Each option's probability divided by the options' total, in `options` order (sums to 1). */
  probabilities: number[];
  /**
   * The options' total probability among the model's likeliest next tokens (0–1): how much
   * of its answer was one of the options at all. Near 0, `probabilities` is noise.
   */
  mass: number;
  model: string;
  usage: TokenUsage;
  cached: boolean;
}

/**
 * The only way agents and domain operations reach models. Built once in the composition
 * root (OpenAI-compatible endpoints, or the offline model) and passed in.
 */
export interface ModelProvider {
  streamChat(request: ChatRequest): AsyncIterable<ChatStreamEvent>;
  chat(request: ChatRequest): Promise<ChatCompletion>;
  structured<T>(request: StructuredRequest): Promise<{ value: T; model: string; usage: TokenUsage; cached: boolean }>;
  /**
   * The model's probabilities for the options as its next token, at temperature 0 and from
   * the first model of the tier that reports token probabilities (OpenAI `logprobs` with
   * `top_logprobs`; the offline model and most OpenAI-compatible servers do). A judge reads
   * a score off them instead of off one sampled token.
   */
  distribution(request: DistributionRequest): Promise<AnswerDistribution>;
  embed(texts: string[], tag: CallTag): Promise<number[][]>;
  moderate(text: string, direction: ModerationDirection): Promise<ModerationVerdict>;
}
