import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { IntervalLog } from './intervals';

/**
 * Records the span of every HTTP request made through Node's fetch (undici), from request
 * creation to the end of the response body, via undici's diagnostics channels. The OpenAI
 * SDK under @langchain/openai uses fetch, so these spans are the model's HTTP round trips.
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

  start(): this {
    subscribe('undici:request:create', this.onCreate);
    subscribe('undici:request:trailers', this.onDone);
    subscribe('undici:request:error', this.onDone);
    return this;
  }

  stop(): void {
    unsubscribe('undici:request:create', this.onCreate);
    unsubscribe('undici:request:trailers', this.onDone);
    unsubscribe('undici:request:error', this.onDone);
  }
}
