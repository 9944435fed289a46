import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { HttpLoadJob, HttpLoadReply } from './http-load';

/**
 * The HTTP load generator's thread (see http-load.ts): a closed loop of POSTs over
 * keep-alive connections, one per concurrent caller, timed here so the server's event loop
 * never runs client code.
 */
function post(agent: Agent, url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: HttpLoadJob): Promise<HttpLoadReply> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.url);
  const body = Buffer.from(job.body);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let started = 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: job.concurrency }, async () => {
        while (started < job.total) {
          started += 1;
          const t = performance.now();
          const res = await post(agent, url, job.headers, body);
          latencies.push(performance.now() - t);
          if (res.status !== 200 || res.text.includes('"errors"')) {
            failures += 1;
            firstFailure ??= `${res.status} ${res.text.slice(0, 300)}`;
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { latencies, seconds: (performance.now() - t0) / 1000, failures, firstFailure };
}

parentPort!.on('message', (job: HttpLoadJob) => {
  run(job).then(
    (reply) => parentPort!.postMessage(reply),
    (err: unknown) => parentPort!.postMessage({ latencies: [], seconds: 0, failures: job.total, firstFailure: String(err) } satisfies HttpLoadReply),
  );
});
