import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { IntervalLog } from './intervals';

/**
 * Records the span of every HTTP request to the model, from request creation to the end of the
 * response body, via diagnostics channels: Node's fetch (undici: the openai SDK's non-streamed
 * calls, LangChain's clients in the bare graph) and node:http (SoulLink's streamed calls,
 * src/llm/chat-completion-stream.ts). node:http's `http.client.response.finish` fires when the
 * response headers are in, so the span ends at the response's own 'close'.
 */
export class HttpCallProbe {
  readonly requests = new IntervalLog();
  private readonly open = new WeakMap<object, number>();
  private readonly onCreate = (message: unknown) => {
    this.open.set((message as { request: object }).request, performance.now());
  };
  private readonly onDone = (message: unknown) => {
    const request = (message as { request: object }).request;
    const start = this.open.get(request);
    if (start === undefined) return;
    this.open.delete(request);
    this.requests.spans.push({ start, end: performance.now() });
  };
  private readonly onNodeResponse = (message: unknown) => {
    const { request, response } = message as { request: object; response: IncomingMessage };
    response.once('close', () => this.onDone({ request }));
  };

  start(): this {
    subscribe('undici:request:create', this.onCreate);
    subscribe('undici:request:trailers', this.onDone);
    subscribe('undici:request:error', this.onDone);
    subscribe('http.client.request.start', this.onCreate);
    subscribe('http.client.response.finish', this.onNodeResponse);
    subscribe('http.client.request.error', this.onDone);
    return this;
  }

  stop(): void {
    unsubscribe('undici:request:create', this.onCreate);
    unsubscribe('undici:request:trailers', this.onDone);
    unsubscribe('undici:request:error', this.onDone);
    unsubscribe('http.client.request.start', this.onCreate);
    unsubscribe('http.client.response.finish', this.onNodeResponse);
    unsubscribe('http.client.request.error', this.onDone);
  }
}
