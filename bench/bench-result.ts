/** One figure compared with its target. */
export interface TargetCheck {
  /** What is measured, e.g. "added TTFT p50 @1 stream". */
  what: string;
  /** The target in words, e.g. "≤ 3 ms". */
  target: string;
  /** The measured figure in words, e.g. "1.8 ms". */
  measured: string;
  /** null when it cannot be judged (e.g. a reference figure). */
  met: boolean | null;
}

/** What a benchmark scenario reports: a table of figures, targets, and notes on why. */
export interface BenchResult {
  id: string;
  title: string;
  table: { columns: string[]; rows: (string | number | null)[][] };
  targets: TargetCheck[];
  notes: string[];
  /** Anything else worth keeping in latest.json (raw samples are not). */
  details?: Record<string, unknown>;
}

export interface BenchScenario {
  id: string;
  run(): Promise<BenchResult>;
}

const cell = (v: string | number | null) => (v === null ? '—' : String(v));

/** The results as Markdown: per scenario its table, its targets and its notes. */
export function renderMarkdown(results: BenchResult[], machine: string, when: string): string {
  return [`# SoulLink benchmarks`, '', `Run ${when} on ${machine}.`, '', ...results.map((r) => renderSection(r))].join('\n');
}

/** One scenario's section: its heading, table, targets and notes (and, when given, its own run line). */
export function renderSection(r: BenchResult, run?: { machine: string; when: string }): string {
  const out: string[] = [`## ${r.title}`, ''];
  if (run) out.push(`Run ${run.when} on ${run.machine}.`, '');
  out.push(`| ${r.table.columns.join(' | ')} |`, `|${r.table.columns.map(() => '---').join('|')}|`);
  for (const row of r.table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
  out.push('');
  if (r.targets.length > 0) {
    out.push('| target | measured | goal | met |', '|---|---|---|---|');
    for (const t of r.targets) out.push(`| ${t.what} | ${t.measured} | ${t.target} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`);
    out.push('');
  }
  for (const n of r.notes) out.push(`- ${n}`);
  if (r.notes.length > 0) out.push('');
  return out.join('\n');
}
