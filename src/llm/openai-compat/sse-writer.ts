import type { ServerResponse } from 'node:http';

/**
 * Writes an OpenAI-style server-sent-event stream: `data: {json}\n\n` per chunk and a final
 * `data: [DONE]`.
 */
export class SseWriter {
  constructor(private readonly res: ServerResponse) {}

  /** Sends the 200 status and SSE headers right away, before the first token exists. */
  open(): void {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.res.flushHeaders();
  }

  /** Whether the client is gone (further writes would be lost). */
  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  async send(data: unknown): Promise<void> {
    await this.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes the `[DONE]` sentinel and ends the response. */
  async done(): Promise<void> {
    await this.write('data: [DONE]\n\n');
    this.res.end();
  }

  // Resolves once the bytes are handed to the socket (or the client is gone), so a slow reader
  // holds the producer back and a deliberate cut after a chunk never loses that chunk.
  private write(text: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        this.res.off('close', finish);
        resolve();
      };
      this.res.once('close', finish);
      this.res.write(text, finish);
    });
  }
}
