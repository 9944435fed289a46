import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown, type BenchResult, type BenchScenario } from './bench-result';
import { mergeIntoLatest } from './support/merge-latest';
import { conversationMeasuresBench } from './conversation-measures.bench';
import { httpBench } from './http.bench';
import { memoryRecallBench } from './memory-recall.bench';
import { orchestrationBench } from './orchestration.bench';
import { streamingBench } from './streaming.bench';
import { studyBench } from './study.bench';
import { idleSubscriptionsBench } from './idle-subscriptions.bench';
import { offlineEpisodeBench } from './offline-episode.bench';
import { abuseRejectionsBench } from './abuse-rejections.bench';

/**
 * `npm run bench [-- <scenario> ...]`: runs the benchmarks (all, or the named ones), prints
 * Markdown and writes bench/results/latest.json and latest.md (named scenarios: latest-<ids>.*, and
 * their sections in latest.* replaced). Starts what it needs:
 * PostgreSQL and Redis as on these machines, the stub model server, API processes.
 */
// offline-episode is left out of a full run: it takes the CPU for many minutes; run it by name.
const SCENARIOS: BenchScenario[] = [streamingBench, idleSubscriptionsBench, orchestrationBench, memoryRecallBench, httpBench, abuseRejectionsBench, conversationMeasuresBench, studyBench];
const BY_NAME_ONLY: BenchScenario[] = [offlineEpisodeBench];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const known = [...SCENARIOS, ...BY_NAME_ONLY];
  const unknown = wanted.filter((w) => !known.some((s) => s.id === w));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${known.map((s) => s.id).join(', ')}`);
  const chosen = wanted.length > 0 ? known.filter((s) => wanted.includes(s.id)) : SCENARIOS;
  const results: BenchResult[] = [];
  for (const scenario of chosen) {
    process.stderr.write(`bench: ${scenario.id}…\n`);
    results.push(await scenario.run());
  }
  const when = new Date().toISOString();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const dir = join(__dirname, '../../bench/results');
  mkdirSync(dir, { recursive: true });
  const markdown = renderMarkdown(results, machine, when);
  // A partial run (named scenarios) writes beside the full results instead of over them.
  const name = wanted.length > 0 ? `latest-${chosen.map((s) => s.id).join('-')}` : 'latest';
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ when, machine, results }, null, 2));
  writeFileSync(join(dir, `${name}.md`), markdown);
  // latest.{md,json} always show each scenario's newest figures.
  if (wanted.length > 0) mergeIntoLatest(dir, results, { when, machine });
  process.stdout.write(`${markdown}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
