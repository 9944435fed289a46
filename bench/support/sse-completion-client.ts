import { Agent, request } from 'node:http';

/** What a client saw of one stream: when it asked, when each piece arrived, how much text. */
export interface StreamRecord {
  /** performance.now() when the request (or subscription, or message) left the client. */
  startedAt: number;
  /** performance.now() at each delivered piece of text. */
  arrivals: number[];
  /** Characters of text delivered. */
  chars: number;
  /** Set when the stream ended badly. */
  error?: string;
}

export function newStreamRecord(): StreamRecord {
  return { startedAt: performance.now(), arrivals: [], chars: 0 };
}

const agent = new Agent({ keepAlive: true, maxSockets: 4096 });
const CONTENT = '"content":"';

/**
 * Length of the delta text in one SSE `data:` payload of a chat.completion.chunk, without
 * JSON.parse: finds `"content":"` and the closing quote (JSON.parse only when the text has
 * escapes). -1 when the event carries no content (finish and usage chunks).
 */
function deltaLength(event: string): number {
  const at = event.indexOf(CONTENT);
  if (at < 0) return -1;
  const from = at + CONTENT.length;
  const end = event.indexOf('"', from);
  const backslash = event.indexOf('\\', from);
  if (backslash < 0 || backslash > end) return end - from;
  const chunk = JSON.parse(event.slice(event.indexOf('{'))) as { choices: { delta?: { content?: string } }[] };
  return chunk.choices[0]?.delta?.content?.length ?? -1;
}

/**
 * Streams one chat completion straight from the model server (the benchmark's floor) and
 * records every content delta's arrival. Resolves at `data: [DONE]` (or on error, recorded).
 */
export function streamCompletion(url: string, body: string, record: StreamRecord, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve) => {
    let carry = '';
    let finished = false;
    const finish = (error?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (error) record.error = error;
      resolve();
    };
    const timer = setTimeout(() => {
      req.destroy();
      finish('timed out');
    }, timeoutMs);
    record.startedAt = performance.now();
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer stub' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return finish(`status ${res.statusCode}`);
        }
        res.setEncoding('utf8');
        res.on('data', (part: string) => {
          const now = performance.now();
          let text = carry + part;
          let end = text.indexOf('\n\n');
          while (end >= 0) {
            const event = text.slice(0, end);
            text = text.slice(end + 2);
            end = text.indexOf('\n\n');
            if (event === 'data: [DONE]') {
              res.resume();
              return finish();
            }
            const length = deltaLength(event);
            if (length > 0) {
              record.arrivals.push(now);
              record.chars += length;
            }
          }
          carry = text;
        });
        res.on('end', () => finish('ended without [DONE]'));
        res.on('error', (err) => finish(err.message));
      },
    );
    req.on('error', (err) => finish(err.message));
    req.end(body);
  });
}
