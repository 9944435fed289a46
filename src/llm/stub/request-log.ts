/** A request the stub received, as recorded for assertions. */
export interface RecordedRequest {
  /** e.g. `/v1/chat/completions` */
  path: string;
  model: string;
  /** The parsed JSON body exactly as the client sent it. */
  body: unknown;
  /** ISO timestamp. */
  receivedAt: string;
}

export const MAX_RECORDED_REQUESTS = 500;

/** The most recent requests (oldest dropped first), so a long benchmark run cannot grow memory. */
export class RequestLog {
  private entries: RecordedRequest[] = [];

  record(path: string, model: string, body: unknown): void {
    this.entries.push({ path, model, body, receivedAt: new Date().toISOString() });
    if (this.entries.length > MAX_RECORDED_REQUESTS) this.entries.splice(0, this.entries.length - MAX_RECORDED_REQUESTS);
  }

  list(): RecordedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
