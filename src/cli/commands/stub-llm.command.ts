import { startStubLlmServer } from '../../llm/stub/stub-llm-server';
import { untilSignal } from './run-until-signal';

/**
 * `soullink stub-llm --port N`: the OpenAI-compatible stub as its own process, for benchmarks
 * and manual runs. Point the app's model base URL at the printed address; drive faults and
 * scripts through POST /__stub/config, /__stub/script and /__stub/reset.
 */
export async function stubLlmCommand(opts: { port: number; host: string }): Promise<void> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65_535) {
    throw new Error(`--port must be an integer from 0 to 65535 (got ${opts.port})`);
  }
  const stub = await startStubLlmServer({ port: opts.port, host: opts.host });
  process.stdout.write(`stub LLM server listening: ${stub.baseUrl}\n`);
  const signal = await untilSignal();
  process.stdout.write(`stub LLM server stopping (${signal})\n`);
  await stub.close();
}
