import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { ModelRef } from './llm-settings';

/**
 * Builds and reuses the @langchain/openai clients for each (endpoint, model, temperature,
 * max tokens). Part of the provider layer; nothing else constructs model clients.
 * LangChain's own retries are off: fallback across models is ours.
 */
export class ChatModelFactory {
  private readonly chats = new Map<string, ChatOpenAI>();
  private readonly embeddings = new Map<string, OpenAIEmbeddings>();

  async chat(ref: ModelRef, temperature: number, maxTokens: number | undefined): Promise<ChatOpenAI> {
    const baseURL = await this.baseUrl(ref);
    const key = JSON.stringify([baseURL, ref.model, temperature, maxTokens]);
    let model = this.chats.get(key);
    if (!model) {
      model = new ChatOpenAI({
        model: ref.model,
        apiKey: ref.endpoint.apiKey,
        configuration: { baseURL },
        temperature,
        maxTokens,
        streamUsage: true,
        maxRetries: 0,
      });
      this.chats.set(key, model);
    }
    return model;
  }

  /**
   * A client that answers one token at temperature 0 and reports the 20 likeliest candidates
   * for it (OpenAI `logprobs` / `top_logprobs`, 20 being OpenAI's maximum): for reading a
   * model's answer distribution rather than a sample.
   */
  async rater(ref: ModelRef): Promise<ChatOpenAI> {
    const baseURL = await this.baseUrl(ref);
    const key = JSON.stringify([baseURL, ref.model, 'rater']);
    let model = this.chats.get(key);
    if (!model) {
      model = new ChatOpenAI({
        model: ref.model,
        apiKey: ref.endpoint.apiKey,
        configuration: { baseURL },
        temperature: 0,
        maxTokens: 1,
        logprobs: true,
        topLogprobs: 20,
        maxRetries: 0,
      });
      this.chats.set(key, model);
    }
    return model;
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
