import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type {
  ChatHistoryItem,
  ControlledEvaluateInputItem,
  Llama,
  LlamaChatSession,
  LlamaContext,
  LlamaModel,
} from 'node-llama-cpp' with { 'resolution-mode': 'import' };
import { GenerationQueue } from './generation-queue';
import { toGrammarSchema } from './grammar-schema';
import { requireLlamaBinary } from './llama-binary';
import { OfflineModelError } from './offline-model-error';

export interface LlamaRuntimeOptions {
  modelPath: string;
  /** Tokens of context (prompt + reply); older turns are shifted out beyond it. Default 2048. */
  contextSize?: number;
  /** Upper bound on any reply, whatever a request asks for. Default 512. */
  maxTokensCap?: number;
  /** Requests allowed to wait for the model at once. Default 32. */
  maxWaiting?: number;
  /**
   * Context sequences kept, each with its own evaluated prompt. A simulation alternates two
   * agents with different system prompts and the judge: with one sequence per conversation
   * each request re-evaluates only what was added since that conversation's last request,
   * instead of the whole prompt. Default 3 (~45 MB of KV cache each for TinyLlama at 2048).
   */
  sequences?: number;
}

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateOptions {
  /** Reply budget; capped by `maxTokensCap`. Default 256. */
  maxTokens?: number;
  temperature?: number;
  /** Drops tokens less likely than this fraction of the likeliest one before sampling (llama.cpp's min-p); 0 or absent: off. */
  minP?: number;
  seed?: number;
  stop?: string[];
  /** Constrains the reply to JSON matching this schema (a llama.cpp grammar built from it). */
  jsonSchema?: Record<string, unknown>;
  /** Constrains the reply to any JSON value (OpenAI's `json_object` mode). Ignored with `jsonSchema`. */
  jsonObject?: boolean;
  /**
   * Penalises tokens the reply already used (llama.cpp's repeat, frequency and presence
   * penalties over the last `lastTokens` generated tokens); false turns it off, as JSON
   * under a grammar must repeat quotes and braces. Default: node-llama-cpp's (1.1 over 64).
   */
  repeatPenalty?: false | { penalty?: number; frequencyPenalty?: number; presencePenalty?: number; lastTokens?: number };
  /** Receives the reply as it is generated. */
  onTextChunk?: (text: string) => void;
  /** Stops generating (keeping the text so far), e.g. when the client disconnects. */
  signal?: AbortSignal;
}

export interface GenerationResult {
  text: string;
  /** Tokens of the rendered prompt, in the model's own tokenizer. */
  promptTokens: number;
  /** Tokens generated. */
  completionTokens: number;
  finishReason: 'stop' | 'length';
}

/** The likeliest first tokens of a reply, with their probabilities. */
export interface NextTokens {
  /** Most likely first, as text (a token's own text; "▁Yes" reads " Yes" or "Yes"). */
  candidates: { token: string; probability: number }[];
  /** Tokens of the rendered prompt. */
  promptTokens: number;
}

const DEFAULT_MAX_TOKENS = 256;
/** SOULLINK_OFFLINE_PROFILE=1 prints each generation's token counts and time to stderr (no text). */
const PROFILE = process.env.SOULLINK_OFFLINE_PROFILE === '1';
/** How much of a conversation's opening text tells conversations apart (see sessionFor). */
const CONVERSATION_KEY_CHARS = 240;

/**
 * One GGUF chat model loaded through node-llama-cpp, generating one reply at a time.
 * node-llama-cpp is ESM-only, so it is loaded with a real dynamic import(), and only from the
 * prebuilt binaries (`build: 'never'`, and package.json's `nodeLlamaCppPostinstall: skip`):
 * compiling llama.cpp on a user's machine is never attempted. The CPU build everywhere but
 * Apple Silicon, whose only prebuilt build is Metal's (llama-binary.ts).
 */
export class LlamaRuntime {
  private readonly queue: GenerationQueue;
  private readonly grammars = new Map<string, Promise<unknown>>();
  /** Which conversation each session last served (see sessionFor), least recently used first. */
  private readonly served: { key: string; session: LlamaChatSession }[];

  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    sessions: LlamaChatSession[],
    private readonly options: Required<Omit<LlamaRuntimeOptions, 'modelPath'>>,
  ) {
    this.queue = new GenerationQueue(options.maxWaiting);
    this.served = sessions.map((session) => ({ key: '', session }));
  }

  /** The name of the chat template in use: the GGUF's own (a Jinja template read from the file) when it has one. */
  get chatTemplate(): string {
    return this.served[0]!.session.chatWrapper.wrapperName;
  }

  static async load(options: LlamaRuntimeOptions): Promise<LlamaRuntime> {
    // Where there is no prebuilt llama.cpp (or it was not installed), say which platform and what to do.
    const binary = requireLlamaBinary();
    const { getLlama, LlamaChatSession, LlamaLogLevel } = await import('node-llama-cpp');
    // llama.cpp's default of at least 4 threads oversubscribes small machines, and its spinning
    // threads then run ~10x slower than one thread per core.
    const threads = Math.max(1, availableParallelism());
    let llama: Llama;
    try {
      llama = await getLlama({ build: 'never', gpu: binary.gpu, maxThreads: threads, logLevel: LlamaLogLevel.error });
    } catch (error) {
      throw new OfflineModelError(
        `Could not load llama.cpp's prebuilt binary for ${process.platform}-${process.arch} (${binary.packageName}): ${(error as Error).message}`,
        `reinstall the dependencies with \`npm ci\` (without --omit=optional) so ${binary.packageName} is complete.`,
        { cause: error, alternatives: 'configure an API key for a hosted OpenAI-compatible model, or point the model base URL at a llama.cpp / Ollama server.' },
      );
    }
    try {
      const model = await llama.loadModel({ modelPath: options.modelPath }).catch((error: unknown) => {
        throw new OfflineModelError(
          `Could not load the GGUF model ${options.modelPath}: ${(error as Error).message}`,
          'check that the file is a complete GGUF chat model; if it came from the model cache, delete it to fetch it again.',
          { cause: error },
        );
      });
      const contextSize = Math.min(options.contextSize ?? 2048, model.trainContextSize);
      const sequences = Math.max(1, options.sequences ?? 3);
      const context = await model.createContext({ contextSize, threads, sequences });
      // chatWrapper "auto" (the default) resolves the model's own chat template from the GGUF
      // (for TinyLlama its Jinja template: <|system|>…</s><|user|>…</s><|assistant|>), so
      // prompts are rendered as the model was trained, not in a hand-rolled format.
      const sessions = Array.from({ length: sequences }, () => new LlamaChatSession({ contextSequence: context.getSequence() }));
      return new LlamaRuntime(llama, model, context, sessions, {
        contextSize,
        maxTokensCap: options.maxTokensCap ?? 512,
        maxWaiting: options.maxWaiting ?? 32,
        sequences,
      });
    } catch (error) {
      await llama.dispose();
      throw error;
    }
  }

  /** Generates the assistant's reply to `turns`, after any generation already running. */
  generate(turns: readonly ChatTurn[], options: GenerateOptions = {}): Promise<GenerationResult> {
    return this.queue.run(() => this.generateNow(turns, options));
  }

  /** The `top` likeliest first tokens of the reply to `turns`, after any generation already running. */
  nextTokens(turns: readonly ChatTurn[], top: number): Promise<NextTokens> {
    return this.queue.run(() => this.nextTokensNow(turns, top));
  }

  /** Tokens `text` encodes to in this model's tokenizer. */
  countTokens(text: string): number {
    return this.model.tokenize(text).length;
  }

  async close(): Promise<void> {
    await this.queue.drain().catch(() => undefined);
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }

  private async generateNow(turns: readonly ChatTurn[], options: GenerateOptions): Promise<GenerationResult> {
    // The client may have left while this request waited in the queue.
    if (options.signal?.aborted) return { text: '', promptTokens: 0, completionTokens: 0, finishReason: 'stop' };
    const { history, prompt, responsePrefix } = splitConversation(turns);
    const session = this.sessionFor(turns);
    session.setChatHistory(history);
    // The prefill is part of node-llama-cpp's response text and chunks; the client gets what follows it.
    let prefixLeft = responsePrefix?.length ?? 0;
    const onTextChunk = options.onTextChunk;
    const continuation = onTextChunk
      ? (text: string) => {
          const skip = Math.min(prefixLeft, text.length);
          prefixLeft -= skip;
          if (text.length > skip) onTextChunk(text.slice(skip));
        }
      : undefined;
    const grammar = options.jsonSchema
      ? await this.grammarFor(options.jsonSchema)
      : options.jsonObject
        ? await this.llama.getGrammarFor('json')
        : undefined;
    const maxTokens = Math.min(options.maxTokens ?? DEFAULT_MAX_TOKENS, this.options.maxTokensCap);
    const outputBefore = session.sequence.tokenMeter.usedOutputTokens;
    const inputBefore = session.sequence.tokenMeter.usedInputTokens;
    const started = performance.now();

    const result = await session.promptWithMeta(prompt, {
      maxTokens,
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.minP ? { minP: options.minP } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.stop?.length ? { customStopTriggers: options.stop } : {}),
      ...(options.repeatPenalty !== undefined ? { repeatPenalty: options.repeatPenalty } : {}),
      ...(continuation ? { onTextChunk: continuation } : {}),
      ...(responsePrefix ? { responsePrefix } : {}),
      ...(options.signal ? { signal: options.signal, stopOnAbortSignal: true } : {}),
      ...(grammar ? { grammar: grammar as never } : {}),
    });

    const generated: GenerationResult = {
      text: responsePrefix && result.responseText.startsWith(responsePrefix) ? result.responseText.slice(responsePrefix.length) : result.responseText,
      promptTokens: this.promptTokens(session, [...history, { type: 'user', text: prompt }]) + (responsePrefix ? this.countTokens(responsePrefix) : 0),
      completionTokens: session.sequence.tokenMeter.usedOutputTokens - outputBefore,
      finishReason: result.stopReason === 'maxTokens' ? 'length' : 'stop',
    };
    if (PROFILE) {
      // Counts and times only, never the text: where a call's seconds go (prompt evaluated vs reused, tokens generated).
      const evaluated = session.sequence.tokenMeter.usedInputTokens - inputBefore;
      process.stderr.write(
        `offline-llm ${grammar ? 'json' : 'text'} prompt=${generated.promptTokens} evaluated=${evaluated} generated=${generated.completionTokens} max=${maxTokens} finish=${generated.finishReason} newlines=${generated.text.split('\n').length - 1} ms=${Math.round(performance.now() - started)}\n`,
      );
    }
    return generated;
  }

  /**
   * The prompt is rendered through the chat template up to where the reply starts, and
   * evaluated on the sequence that last served this conversation (see sessionFor): only what
   * differs from what it holds is evaluated, its last token always, for the probabilities of
   * every token in the vocabulary to come next. No token is generated. The chat session
   * compares the sequence's tokens before its next reply, so sharing the sequence is safe.
   */
  private async nextTokensNow(turns: readonly ChatTurn[], top: number): Promise<NextTokens> {
    const { history, prompt, responsePrefix } = splitConversation(turns);
    const session = this.sessionFor(turns);
    const chatHistory: ChatHistoryItem[] = [...history, { type: 'user', text: prompt }, { type: 'model', response: [] }];
    const rendered = session.chatWrapper.generateContextState({ chatHistory }).contextText.tokenize(this.model.tokenizer);
    // A prefilled reply start comes after the template's opening of the reply.
    const tokens = responsePrefix ? [...rendered, ...this.model.tokenize(responsePrefix)] : rendered;
    const sequence = session.sequence;
    const keep = Math.min(sequence.compareContextTokens(tokens).firstDifferentIndex, tokens.length - 1);
    if (keep < sequence.nextTokenIndex) await sequence.eraseContextTokenRanges([{ start: keep, end: sequence.nextTokenIndex }]);
    const rest = tokens.slice(keep);
    const input: ControlledEvaluateInputItem[] = rest.map((token, i) => (i === rest.length - 1 ? [token, { generateNext: { probabilities: true } }] : token));
    const started = performance.now();
    const output = await sequence.controlledEvaluate(input);
    const probabilities = output.at(-1)?.next.probabilities ?? new Map();
    const candidates: NextTokens['candidates'] = [];
    for (const [token, probability] of probabilities) {
      if (candidates.length >= top) break;
      candidates.push({ token: this.model.detokenize([token]), probability });
    }
    if (PROFILE) process.stderr.write(`offline-llm probabilities prompt=${tokens.length} evaluated=${rest.length} ms=${Math.round(performance.now() - started)}\n`);
    return { candidates, promptTokens: tokens.length };
  }

  /** The prompt as the chat template renders it, counted in the model's tokenizer. */
  private promptTokens(session: LlamaChatSession, history: ChatHistoryItem[]): number {
    const state = session.chatWrapper.generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] });
    return state.contextText.tokenize(this.model.tokenizer).length;
  }

  /**
   * The session to answer `turns` on: the one that last served the same conversation (same
   * role and opening text — an agent's system prompt, the judge's transcript), so its context
   * already holds the prompt's beginning and only the new part is evaluated; else the least
   * recently used one.
   */
  private sessionFor(turns: readonly ChatTurn[]): LlamaChatSession {
    const first = turns[0];
    const key = first ? `${first.role}:${first.content.slice(0, CONVERSATION_KEY_CHARS)}` : '';
    let index = this.served.findIndex((s) => s.key === key);
    if (index < 0) index = 0;
    const [entry] = this.served.splice(index, 1);
    entry!.key = key;
    this.served.push(entry!);
    return entry!.session;
  }

  // Building a grammar compiles the schema; structured-output callers reuse a few schemas.
  private grammarFor(schema: Record<string, unknown>): Promise<unknown> {
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = this.llama.createGrammarForJsonSchema(toGrammarSchema(schema) as never);
      if (this.grammars.size >= 64) this.grammars.clear();
      this.grammars.set(key, grammar);
      grammar.catch(() => this.grammars.delete(key));
    }
    return grammar;
  }
}

/**
 * node-llama-cpp's session answers a new user prompt after a history; an OpenAI request is a
 * list of turns. A final user turn becomes the prompt and the rest the history. A final
 * assistant turn after a user turn is the start of the reply (assistant prefill, as llama.cpp's
 * server and vLLM read it): the model continues it, and the reply returned is the continuation
 * only. A conversation ending otherwise is all history, answered after an empty prompt.
 */
export function splitConversation(turns: readonly ChatTurn[]): { history: ChatHistoryItem[]; prompt: string; responsePrefix?: string } {
  const last = turns.at(-1);
  const prefilled = last?.role === 'assistant' && turns.at(-2)?.role === 'user';
  const asked = prefilled ? turns.slice(0, -1) : turns;
  const endsWithUser = asked.at(-1)?.role === 'user';
  const history = (endsWithUser ? asked.slice(0, -1) : asked).map((turn): ChatHistoryItem => {
    if (turn.role === 'system') return { type: 'system', text: turn.content };
    if (turn.role === 'user') return { type: 'user', text: turn.content };
    return { type: 'model', response: [turn.content] };
  });
  return { history, prompt: endsWithUser ? asked.at(-1)!.content : '', ...(prefilled && last.content ? { responsePrefix: last.content } : {}) };
}
