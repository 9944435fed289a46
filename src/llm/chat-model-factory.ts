import { OpenAIEmbeddings } from '@langchain/openai';
import { OpenAI } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ChatCompletionStreamer } from './chat-completion-stream';
import type { ModelRef } from './llm-settings';

/** Opens one streamed Chat Completions request on an endpoint (see ChatCompletionStreamer.open). */
export type OpenChatStream = (body: object, signal: AbortSignal) => Promise<AsyncIterableIterator<ChatCompletionChunk>>;

/**
 * Builds and reuses the model clients: streamed calls over node:http (ChatCompletionStreamer,
 * keep-alive per origin), one openai SDK client per endpoint (base URL and key) for the
 * non-streamed ratings, and the @langchain/openai embeddings client per
 * embedding model. Part of the provider layer; nothing else constructs model clients.
 * The SDK's own retries are off: fallback across models is ours.
 */
export class ChatModelFactory {
  private readonly clients = new Map<string, OpenAI>();
  private readonly embeddings = new Map<string, OpenAIEmbeddings>();
  private readonly streamer = new ChatCompletionStreamer();

  /**
   * Streamed calls to the endpoint (chat replies, structured answers), over node:http rather
   * than the SDK; waits for the endpoint to be ready, as `client` does.
   */
  async streams(ref: ModelRef): Promise<OpenChatStream> {
    const baseURL = await this.baseUrl(ref);
    return (body, signal) => this.streamer.open(baseURL, ref.endpoint.apiKey, body, signal);
  }

  /** The endpoint's client; waits for the endpoint to be ready (the offline model starts on first use). */
  async client(ref: ModelRef): Promise<OpenAI> {
    const baseURL = await this.baseUrl(ref);
    const key = JSON.stringify([baseURL, ref.endpoint.apiKey]);
    let client = this.clients.get(key);
    if (!client) {
      client = new OpenAI({ baseURL, apiKey: ref.endpoint.apiKey, maxRetries: 0 });
      this.clients.set(key, client);
    }
    return client;
  }

  async embedder(ref: ModelRef): Promise<OpenAIEmbeddings> {
    const baseURL = await this.baseUrl(ref);
    const key = JSON.stringify([baseURL, ref.model]);
    let model = this.embeddings.get(key);
    if (!model) {
      model = new OpenAIEmbeddings({ model: ref.model, apiKey: ref.endpoint.apiKey, configuration: { baseURL }, maxRetries: 0 });
      this.embeddings.set(key, model);
    }
    return model;
  }

  /**
   * Lets the streamed calls' idle keep-alive sockets go, so a shutdown is not held open by them.
   * The SDK clients and the embeddings hold nothing to close: they go through the global fetch.
   * Call it once nothing calls the models any more (the composition root closes it after the
   * chat engine and the jobs).
   */
  close(): void {
    this.streamer.close();
  }

  private baseUrl(ref: ModelRef): Promise<string> {
    const { baseUrl } = ref.endpoint;
    return typeof baseUrl === 'string' ? Promise.resolve(baseUrl) : baseUrl();
  }
}
