import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../dist/src/cli/main.js');

/** Runs a compiled `soullink <command>` as a separate process (npm test builds dist first). */
export function startSoullink(command: 'serve' | 'worker', env: Record<string, string>): { child: ChildProcess; output: () => string; waitFor(text: string, ms?: number): Promise<void> } {
  const child = spawn(process.execPath, [MAIN, command], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    waitFor: (text, ms = 20_000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const check = () => {
          if (output.includes(text)) return resolve();
          if (child.exitCode !== null || Date.now() > deadline) return reject(new Error(`"${text}" not seen; output:\n${output.slice(-2000)}`));
          setTimeout(check, 50);
        };
        check();
      }),
  };
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}
