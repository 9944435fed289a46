import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiLatencyBench } from './api-latency.bench';

/**
 * `npm run bench`: runs every benchmark, prints a Markdown table and writes
 * bench/results/latest.json. Uses DATABASE_URL / REDIS_URL when set, else embedded defaults.
 */
async function main(): Promise<void> {
  const api = await apiLatencyBench();
  const results = { when: new Date().toISOString(), node: process.version, api };
  const dir = join(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2));
  const rows = api.map((r) => `| ${r.scenario} | ${r.concurrency} | ${r.requests} | ${r.p50Ms} | ${r.p99Ms} | ${r.throughputPerSec} |`);
  process.stdout.write(
    ['| scenario | concurrency | requests | p50 ms | p99 ms | req/s |', '|---|---|---|---|---|---|', ...rows, ''].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
