import { Agent, request } from 'node:http';

/** Keep-alive connections for every loopback HTTP call a benchmark makes (no TLS, no fetch machinery). */
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

/**
 * POSTs JSON over a keep-alive loopback connection and parses the JSON answer. A request on
 * a reused connection that the server had just closed (idle keep-alive timeout) never reached
 * it: that one is sent again, once, on a fresh connection.
 */
export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: T }> {
  const payload = JSON.stringify(body);
  try {
    return await postOnce<T>(url, payload, headers);
  } catch (err) {
    if (!(err instanceof StaleConnectionError)) throw err;
    return postOnce<T>(url, payload, headers);
  }
}

class StaleConnectionError extends Error {}

function postOnce<T>(url: string, payload: string, headers: Record<string, string>): Promise<{ status: number; json: T }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')) as T });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
      reject(stale ? new StaleConnectionError(err.message) : err);
    });
    req.end(payload);
  });
}

/** One GraphQL operation over HTTP; throws with the errors when there are any. */
export async function graphqlRequest<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const { json } = await postJson<{ data?: T; errors?: unknown[] }>(url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  if (json.errors?.length || !json.data) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** GET returning the body as text (for /metrics). */
export async function getText(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

/** Runs `work` for 0..count-1 with at most `concurrency` at a time; results in index order. */
export async function mapConcurrently<T>(count: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await work(i);
      }
    }),
  );
  return results;
}
