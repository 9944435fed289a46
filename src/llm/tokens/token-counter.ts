import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Tiktoken, TiktokenBPE } from 'js-tiktoken/lite' with { 'resolution-mode': 'import' };

// js-tiktoken's type declarations are ESM-only, which `module: node16` refuses to `import` from
// CommonJS, but the package ships CommonJS builds under the "require" condition, so require()
// loads them and the ESM types describe them. The rank tables are required lazily: each is a
// megabyte-scale module that only the encodings actually used should pay for.
const { Tiktoken: TiktokenClass } = require('js-tiktoken/lite') as {
  Tiktoken: new (ranks: TiktokenBPE) => Tiktoken;
};
function loadRanks(encoding: TokenEncodingName): TiktokenBPE {
  const ranks: { default?: TiktokenBPE } & TiktokenBPE =
    encoding === 'cl100k_base' ? require('js-tiktoken/ranks/cl100k_base') : require('js-tiktoken/ranks/o200k_base');
  return ranks.default ?? ranks;
}

/** The two encodings every current OpenAI chat and embedding model uses. */
export type TokenEncodingName = 'o200k_base' | 'cl100k_base';

/** A chat message as counted by OpenAI: only role, text content and the optional name matter. */
export interface CountableChatMessage {
  role: string;
  content: string;
  name?: string;
}

// OpenAI's published accounting for chat prompts (gpt-3.5-turbo-0613 onwards, gpt-4*, gpt-4o*):
// every message is wrapped in <|start|>{role/name}\n{content}<|end|>\n, which costs 3 tokens,
// a name costs one more, and every reply is primed with <|start|>assistant<|message|> (3 tokens).
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING_TOKENS = 3;

// Older families that still use cl100k_base. Everything else, including models we have never
// heard of (gpt-5.x, o-series, OpenAI-compatible local models), is counted with o200k_base:
// it is the encoding of every current model, and a stable choice beats a guess per vendor.
const CL100K_PREFIXES = ['gpt-4-', 'gpt-3.5', 'gpt-35', 'text-embedding-'];
const CL100K_EXACT = new Set(['gpt-4']);

/** Which tiktoken encoding counts tokens for `model`. */
export function encodingForModel(model: string): TokenEncodingName {
  const name = model.trim().toLowerCase().replace(/^.*\//, ''); // "openai/gpt-4" -> "gpt-4"
  if (name.startsWith('gpt-4o') || name.startsWith('gpt-4.')) return 'o200k_base';
  if (CL100K_EXACT.has(name) || CL100K_PREFIXES.some((p) => name.startsWith(p))) return 'cl100k_base';
  return 'o200k_base';
}

// Building an encoder parses a multi-megabyte rank table (tens of ms), so each is built once.
const encoders = new Map<TokenEncodingName, Tiktoken>();

function encoderFor(encoding: TokenEncodingName): Tiktoken {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = new TiktokenClass(loadRanks(encoding));
    encoders.set(encoding, encoder);
  }
  return encoder;
}

/**
 * Builds the encoder every chat call counts with (o200k_base) now rather than inside the first
 * reply after a start, where it cost that reply about half a second of CPU before its first token.
 */
export function warmTokenCounter(): void {
  encoderFor('o200k_base');
}

/** Texts shorter than this are counted afresh: encoding them costs about as much as a lookup. */
const REMEMBERED_FROM_CHARS = 64;

/**
 * Counts of texts already encoded, by encoding and a SHA-256 of the text (the text itself is
 * not kept). A prompt repeats most of the one before it — the system prompt, the conversation
 * so far — and exact BPE encoding is the provider layer's largest cost per model call (about
 * 2 ms a call, 13% of the orchestration bench's CPU, before this cache), so each text is
 * encoded once while it keeps coming back.
 */
const remembered = new LRUCache<string, number>({ max: 20_000 });

function count(text: string, encoding: TokenEncodingName): number {
  if (text.length === 0) return 0;
  if (text.length < REMEMBERED_FROM_CHARS) return encode(text, encoding);
  const key = `${encoding}:${createHash('sha256').update(text).digest('base64')}`;
  let tokens = remembered.get(key);
  if (tokens === undefined) {
    tokens = encode(text, encoding);
    remembered.set(key, tokens);
  }
  return tokens;
}

function encode(text: string, encoding: TokenEncodingName): number {
  // Special-token strings in user text ("<|endoftext|>") are counted as ordinary text, as the
  // API does, instead of throwing.
  return encoderFor(encoding).encode(text, [], []).length;
}

/** Exact number of tokens `text` encodes to for `model`. */
export function countTextTokens(text: string, model: string): number {
  return count(text, encodingForModel(model));
}

/**
 * Prompt tokens OpenAI bills for `messages` sent to `model` (the `usage.prompt_tokens` of the
 * reply), following OpenAI's cookbook accounting. Tool definitions and response formats are
 * not included.
 */
export function countChatPromptTokens(messages: readonly CountableChatMessage[], model: string): number {
  const encoding = encodingForModel(model);
  let total = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    total += TOKENS_PER_MESSAGE + count(message.role, encoding) + count(message.content, encoding);
    if (message.name !== undefined) total += TOKENS_PER_NAME + count(message.name, encoding);
  }
  return total;
}

/**
 * The longest prefix of `text` that fits in `maxTokens` tokens for `model`, cut on a code-point
 * boundary (never half an emoji), which is how a `max_tokens` limit truncates a reply.
 */
export function truncateToTokenBudget(text: string, maxTokens: number, model: string): string {
  const encoding = encodingForModel(model);
  if (count(text, encoding) <= maxTokens) return text;
  const codePoints = Array.from(text);
  // Token counts grow monotonically with the prefix length, so binary search the cut.
  let fits = 0;
  let tooLong = codePoints.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    // Prefixes are one-off texts: encoded, not remembered.
    if (encode(codePoints.slice(0, middle).join(''), encoding) <= maxTokens) fits = middle;
    else tooLong = middle;
  }
  return codePoints.slice(0, fits).join('');
}
