import { spawn, type ChildProcess } from 'node:child_process';

/** A process a benchmark started: its pid (for /proc), its output, and a clean stop. */
export interface BenchChild {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr, the last 64 kB). */
  output(): string;
  /** Resolves when `text` appears in its output; rejects when it exits first or after `ms`. */
  waitFor(text: string, ms?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs` if it is still running. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** Starts `node <args>` with exactly `env` (plus PATH and HOME). */
export function spawnNode(args: string[], env: Record<string, string>): BenchChild {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    pid: child.pid,
    child,
    output: () => output,
    waitFor: (text, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const check = () => {
          if (output.includes(text)) return resolve();
          if (!running() || Date.now() > deadline) return reject(new Error(`"${text}" not seen from node ${args.join(' ')}; output:\n${output.slice(-3000)}`));
          setTimeout(check, 25);
        };
        check();
      }),
    async stop(graceMs = 15_000) {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => running() && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 200, the process exits, or `ms` pass. */
export async function waitForHttpOk(url: string, proc: BenchChild, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (proc.child.exitCode !== null || Date.now() > deadline) throw new Error(`${url} did not come up; output:\n${proc.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
