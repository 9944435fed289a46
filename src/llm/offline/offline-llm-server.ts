import { startHttpEndpoint, type HttpEndpoint } from '../openai-compat/http-endpoint';
import { HttpRouter, sendJson } from '../openai-compat/http-router';
import { modelsListBody } from '../openai-compat/models.response';
import { LlamaRuntime } from './llama-runtime';
import { handleOfflineChat } from './offline-chat.handler';
import { OfflineEmbeddings } from './offline-embeddings';
import { handleOfflineEmbeddings } from './offline-embeddings.handler';

export interface OfflineLlmServerOptions {
  /** A chat GGUF file, e.g. from ensureOfflineModel() or OFFLINE_MODEL_PATH. */
  modelPath: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the endpoint is for this process, not the network. */
  host?: string;
  /** Model id listed by /v1/models (any id in a request is answered by the same model). */
  chatModelName?: string;
  embeddingModelName?: string;
  /** Context window in tokens. Default 2048. */
  contextSize?: number;
  /** Upper bound on any reply's tokens. Default 512. */
  maxTokensCap?: number;
}

/** The local model behind an OpenAI-compatible endpoint. */
export interface OfflineLlmServer {
  /** e.g. http://127.0.0.1:41234/v1: what ChatOpenAI / OpenAIEmbeddings take as `configuration.baseURL`. */
  readonly baseUrl: string;
  readonly port: number;
  readonly chatModelName: string;
  readonly embeddingModelName: string;
  /** Stops listening, cuts open connections, waits for the running generation and frees the model. */
  close(): Promise<void>;
}

/**
 * Serves a GGUF model (chat, streaming or not, with `json_schema` answered through a grammar)
 * and the offline sentence encoder (embeddings) on an OpenAI-compatible endpoint, so the
 * offline default goes through the same provider path (the openai SDK) as any hosted model. Loads the
 * chat model before resolving; the embedding model loads on first use.
 */
export async function startOfflineLlmServer(options: OfflineLlmServerOptions): Promise<OfflineLlmServer> {
  const runtime = await LlamaRuntime.load({
    modelPath: options.modelPath,
    ...(options.contextSize !== undefined ? { contextSize: options.contextSize } : {}),
    ...(options.maxTokensCap !== undefined ? { maxTokensCap: options.maxTokensCap } : {}),
  });
  const chatModelName = options.chatModelName ?? 'offline-chat';
  const embeddingModelName = options.embeddingModelName ?? 'offline-embeddings';
  let embeddings: Promise<OfflineEmbeddings> | undefined;
  const loadEmbeddings = () => {
    embeddings ??= OfflineEmbeddings.load().catch((error: unknown) => {
      embeddings = undefined; // let a later request retry
      throw error;
    });
    return embeddings;
  };

  const router = new HttpRouter({ onUnexpectedError: (error) => process.emitWarning(`offline LLM server: ${String(error)}`) });
  router.post('/v1/chat/completions', (ctx) => handleOfflineChat(ctx, runtime));
  router.post('/v1/embeddings', (ctx) => handleOfflineEmbeddings(ctx, loadEmbeddings));
  router.get('/v1/models', ({ res }) => sendJson(res, 200, modelsListBody([chatModelName, embeddingModelName], 'soullink-offline')));

  let endpoint: HttpEndpoint;
  try {
    endpoint = await startHttpEndpoint(router.handle, { port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await runtime.close();
    throw error;
  }

  return {
    baseUrl: endpoint.baseUrl,
    port: endpoint.port,
    chatModelName,
    embeddingModelName,
    async close() {
      // Dropping the connections aborts their generations (the handlers watch for it).
      await endpoint.close();
      await runtime.close();
    },
  };
}
