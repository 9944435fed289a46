import { join } from 'node:path';
import type { StubKnobs } from '../../src/llm/stub/stub-llm-server';
import { spawnNode, type BenchChild } from './child-process-handle';
import { freePort } from './free-port';

const MAIN = join(__dirname, '../../src/cli/main.js');

export interface StubLlmProcess extends BenchChild {
  /** http://127.0.0.1:<port>/v1 */
  readonly baseUrl: string;
  /** Sets knobs for one model ('*' for all) over the stub's remote control. */
  configure(model: string, knobs: Partial<StubKnobs>): Promise<void>;
}

/**
 * The project's stub model server (`soullink stub-llm`) as its own process, so its CPU is
 * measured apart from the clients' and it does not share their event loop.
 */
export async function startStubLlmProcess(options: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<StubLlmProcess> {
  const port = await freePort();
  const proc = spawnNode([...(options.nodeArgs ?? []), MAIN, 'stub-llm', '--port', String(port), '--host', '127.0.0.1'], options.env ?? {});
  try {
    await proc.waitFor('stub LLM server listening');
  } catch (err) {
    await proc.stop(2000);
    throw err;
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    ...proc,
    baseUrl: `${origin}/v1`,
    async configure(model, knobs) {
      const res = await fetch(`${origin}/__stub/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, knobs }),
      });
      if (!res.ok) throw new Error(`stub configure failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer().catch(() => undefined);
    },
  };
}
