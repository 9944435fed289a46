import { startHttpEndpoint } from '../openai-compat/http-endpoint';
import { HttpRouter, sendJson } from '../openai-compat/http-router';
import { modelsListBody } from '../openai-compat/models.response';
import { RequestLog, type RecordedRequest } from './request-log';
import { CHAT_COMPLETIONS_PATH, handleStubChat } from './stub-chat.handler';
import { addStubControlRoutes } from './stub-control.routes';
import { EMBEDDINGS_PATH, handleStubEmbeddings } from './stub-embeddings.handler';
import type { StubState } from './stub-state';
import { ANY_MODEL, DEFAULT_STUB_KNOBS, StubKnobTable, stubKnobsSchema, type StubKnobs } from './stub-knobs';
import { handleStubModerations, MODERATIONS_PATH } from './stub-moderations.handler';
import { StubScriptBook, type ScriptRule } from './stub-script';
import { SPEECH_PATH, TRANSCRIPTIONS_PATH, handleStubSpeech, handleStubTranscription } from './stub-audio.handlers';

export type { StubKnobs } from './stub-knobs';
export type { ChatScriptRule, ModerationScriptRule, ScriptRule } from './stub-script';
export type { RecordedRequest } from './request-log';

export interface StubLlmServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Knobs every model starts with (and returns to on reset()). */
  defaults?: Partial<StubKnobs>;
}

/** A running stub: an OpenAI-compatible endpoint whose behaviour tests control. */
export interface StubLlmServer {
  /** e.g. http://127.0.0.1:41234/v1: what an OpenAI client takes as its base URL. */
  readonly baseUrl: string;
  readonly port: number;
  /** Changes knobs for one model, or for every model with '*'; knobs not given keep their values. */
  configure(model: string, knobs: Partial<StubKnobs>): void;
  /** Adds scripted replies (chat) and verdicts (moderation); the first matching live rule wins. */
  script(rules: ScriptRule[]): void;
  /** Back to the start: default knobs, no script, no recorded requests. */
  reset(): void;
  /** Requests received so far (the most recent 500), oldest first. */
  requests(): RecordedRequest[];
  /** Stops listening and cuts every open connection, hung ones included. */
  close(): Promise<void>;
}

// Model ids listed by /v1/models besides the ones configured: what the project's defaults name.
const LISTED_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'omni-moderation-latest'];

/** Starts the project's OpenAI-compatible stub LLM server on 127.0.0.1 (by default on a random port). */
export async function startStubLlmServer(options: StubLlmServerOptions = {}): Promise<StubLlmServer> {
  const defaults = stubKnobsSchema.parse({ ...DEFAULT_STUB_KNOBS, ...options.defaults });
  const state: StubState = { knobs: new StubKnobTable(defaults), script: new StubScriptBook(), log: new RequestLog() };
  const reset = () => {
    state.knobs.reset();
    state.script.clear();
    state.log.clear();
  };

  const router = new HttpRouter({ onUnexpectedError: (error) => process.emitWarning(`stub LLM server: ${String(error)}`) });
  router.post(CHAT_COMPLETIONS_PATH, (ctx) => handleStubChat(ctx, state));
  router.post(EMBEDDINGS_PATH, (ctx) => handleStubEmbeddings(ctx, state));
  router.post(MODERATIONS_PATH, (ctx) => handleStubModerations(ctx, state));
  router.postRaw(TRANSCRIPTIONS_PATH, (ctx) => handleStubTranscription(ctx, state));
  router.post(SPEECH_PATH, (ctx) => handleStubSpeech(ctx, state));
  router.get('/v1/models', ({ res }) => {
    const ids = [...new Set([...LISTED_MODELS, ...state.knobs.configuredModels()])];
    sendJson(res, 200, modelsListBody(ids, 'soullink-stub'));
  });
  addStubControlRoutes(router, state, reset);

  const endpoint = await startHttpEndpoint(router.handle, { port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  return {
    baseUrl: endpoint.baseUrl,
    port: endpoint.port,
    configure: (model, knobs) => state.knobs.configure(model || ANY_MODEL, knobs),
    script: (rules) => state.script.add(rules),
    reset,
    requests: () => state.log.list(),
    close: () => endpoint.close(),
  };
}
