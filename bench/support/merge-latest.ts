import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSection, type BenchResult } from '../bench-result';

interface LatestJson {
  note?: string;
  runs: { when: string; machine: string; results: BenchResult[] }[];
}

/**
 * Folds a run of named scenarios into bench/results/latest.{md,json}, so those files always hold
 * the newest figures of every scenario: each scenario's section in latest.md is replaced (or
 * added) with its own run line, other sections stay as they were; latest.json keeps one run
 * entry per scenario, the newest.
 */
export function mergeIntoLatest(dir: string, results: BenchResult[], run: { when: string; machine: string }): void {
  const mdPath = join(dir, 'latest.md');
  let markdown = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '# SoulLink benchmarks\n';
  for (const result of results) {
    const section = renderSection(result, run);
    const start = markdown.indexOf(`\n## ${result.title}\n`);
    if (start < 0) {
      markdown = `${markdown.trimEnd()}\n\n${section}`;
      continue;
    }
    const next = markdown.indexOf('\n## ', start + 1);
    markdown = `${markdown.slice(0, start + 1)}${section}${next < 0 ? '' : `\n${markdown.slice(next + 1)}`}`;
  }
  writeFileSync(mdPath, markdown.endsWith('\n') ? markdown : `${markdown}\n`);

  const jsonPath = join(dir, 'latest.json');
  const json: LatestJson = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as LatestJson) : { runs: [] };
  const ids = new Set(results.map((r) => r.id));
  json.runs = json.runs
    .map((r) => ({ ...r, results: r.results.filter((x) => !ids.has(x.id)) }))
    .filter((r) => r.results.length > 0)
    .concat([{ ...run, results }]);
  writeFileSync(jsonPath, JSON.stringify(json, null, 2));
}
