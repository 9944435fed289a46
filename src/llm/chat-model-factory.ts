import { OpenAIEmbeddings } from '@langchain/openai';
import { OpenAI } from 'openai';
import type { ModelRef } from './llm-settings';

/**
 * Builds and reuses the model clients: one openai SDK client per endpoint (base URL and key)
 * for chat, structured answers and ratings, and the @langchain/openai embeddings client per
 * embedding model. Part of the provider layer; nothing else constructs model clients.
 * The SDK's own retries are off: fallback across models is ours.
 */
export class ChatModelFactory {
  private readonly clients = new Map<string, OpenAI>();
  private readonly embeddings = new Map<string, OpenAIEmbeddings>();

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

  private baseUrl(ref: ModelRef): Promise<string> {
    const { baseUrl } = ref.endpoint;
    return typeof baseUrl === 'string' ? Promise.resolve(baseUrl) : baseUrl();
  }
}
