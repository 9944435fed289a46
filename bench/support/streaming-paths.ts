import { join } from 'node:path';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { ChatEventsDocument, SendChatMessageDocument } from '../../graphql/generated/graphql';
import { spawnNode, type BenchChild } from './child-process-handle';
import { freePort } from './free-port';
import { getText, graphqlRequest, mapConcurrently } from './loopback-graphql';
import { CpuWindow } from './process-cpu';
import { startBenchChat, type BenchAccount } from './soullink-bench-accounts';
import type { SoullinkApiProcess } from './soullink-api-process';
import { newStreamRecord, streamCompletion, type StreamRecord } from './sse-completion-client';
import type { StubLlmProcess } from './stub-llm-process';

/**
 * The streaming benchmark's three kinds of path, each as "start n streams now and record what
 * the clients see": (a) the model's SSE read directly, (b) the bare graphql-ws relay, (c)/(d) a
 * SoulLink API's chatEvents after sendChatMessage.
 */

export type PathId = 'direct' | 'bare' | 'soullink' | 'soullinkRedis';

/** What every stream of the run looks like. */
export interface StreamShape {
  /** The model the stub streams slowly (the chat tier's). */
  chatModel: string;
  /** The stub's reply, which every path must deliver whole. */
  reply: string;
  /** What the SoulLink users send. */
  userMessage: string;
  chunkIntervalMs: number;
  roundTimeoutMs: number;
}

/** One round of one path: the streams, and the CPU the servers used (path's server first, then the stub). */
export interface RoundResult {
  records: StreamRecord[];
  cpu: number[];
  wallMs: number;
}

const CHUNKS_QUERY = 'subscription Chunks($model: String!, $system: String!, $user: String!) { chunks(model: $model, system: $system, user: $user) { seq index text } }';
const CHAT_EVENTS = print(ChatEventsDocument);
const SEND_CHAT_MESSAGE = print(SendChatMessageDocument);

/** One SoulLink API process with its benchmark users and their open graphql-ws connections. */
export interface SoullinkTarget {
  api: SoullinkApiProcess;
  accounts: BenchAccount[];
  clients: Client[];
}

/** Starts the bare relay child (dist/bench/bare-relay/bare-relay-server.js). */
export async function startBareRelay(llmBaseUrl: string): Promise<BenchChild & { wsUrl: string }> {
  const port = await freePort();
  const proc = spawnNode([join(__dirname, '../bare-relay/bare-relay-server.js')], { PORT: String(port), LLM_BASE_URL: llmBaseUrl });
  try {
    await proc.waitFor('bare relay listening');
  } catch (err) {
    await proc.stop(2000);
    throw err;
  }
  return { ...proc, wsUrl: `ws://127.0.0.1:${port}/graphql` };
}

/** When stream i of n starts: spread evenly over one chunk interval, as independent users would be. */
const startOffset = (i: number, n: number, intervalMs: number) => (n === 1 ? 0 : (i * intervalMs) / n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function openSubscriptions(api: SoullinkApiProcess): Promise<number> {
  const metrics = await getText(`${api.origin}/metrics`);
  const match = /^soullink_open_subscriptions (\d+)/m.exec(metrics);
  return match ? Number(match[1]) : 0;
}

async function waitForOpenSubscriptions(api: SoullinkApiProcess, expected: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await openSubscriptions(api)) !== expected) {
    if (Date.now() > deadline) throw new Error(`SoulLink: ${expected} open subscriptions expected, ${await openSubscriptions(api)} seen`);
    await sleep(20);
  }
}

/** The paths, each as "run n streams now and record them". */
export class StreamingPaths {
  /** The partner prompt SoulLink sends, so the floor and the relay ask the stub for the same work. */
  prompt: { system: string; user: string };

  constructor(
    private readonly shape: StreamShape,
    private readonly servers: { stub: StubLlmProcess; relay: BenchChild },
    private readonly relayClients: Client[],
    private readonly targets: { soullink: SoullinkTarget; soullinkRedis?: SoullinkTarget },
  ) {
    this.prompt = { system: 'You are Mei.', user: shape.userMessage };
  }

  /** Runs path `path` with n streams. */
  run(path: PathId, n: number): Promise<RoundResult> {
    if (path === 'direct') return this.direct(n);
    if (path === 'bare') return this.bare(n);
    return this.soullink(n, this.targets[path]!);
  }

  private get completionBody(): string {
    return JSON.stringify({
      model: this.shape.chatModel,
      temperature: 0.8,
      max_tokens: 400,
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: this.prompt.system },
        { role: 'user', content: this.prompt.user },
      ],
    });
  }

  /** (a) n clients read the stub's SSE directly. */
  async direct(n: number): Promise<RoundResult> {
    const url = `${this.servers.stub.baseUrl}/chat/completions`;
    const body = this.completionBody;
    const records = Array.from({ length: n }, newStreamRecord);
    const window = new CpuWindow([this.servers.stub.pid]);
    const started = performance.now();
    await withTimeout(
      Promise.all(records.map(async (record, i) => {
        await sleep(startOffset(i, n, this.shape.chunkIntervalMs));
        await streamCompletion(url, body, record);
      })),
      this.shape.roundTimeoutMs,
      `direct round of ${n}`,
    );
    const wallMs = performance.now() - started;
    const [stubCpu] = window.usedMs();
    return { records, cpu: [stubCpu!, stubCpu!], wallMs };
  }

  /** (b) n subscriptions on the bare relay, one per connection. */
  async bare(n: number): Promise<RoundResult> {
    const records = Array.from({ length: n }, newStreamRecord);
    const variables = { model: this.shape.chatModel, system: this.prompt.system, user: this.prompt.user };
    const window = new CpuWindow([this.servers.relay.pid, this.servers.stub.pid]);
    const started = performance.now();
    await withTimeout(
      Promise.all(records.map(async (record, i) => {
        await sleep(startOffset(i, n, this.shape.chunkIntervalMs));
        await new Promise<void>((resolve) => {
          record.startedAt = performance.now();
          this.relayClients[i]!.subscribe<{ chunks: { text: string } }>(
            { query: CHUNKS_QUERY, variables },
            {
              next: (result) => {
                const text = result.data?.chunks.text;
                if (!text) return;
                record.arrivals.push(performance.now());
                record.chars += text.length;
              },
              error: (err) => {
                record.error = JSON.stringify(err);
                resolve();
              },
              complete: resolve,
            },
          );
        });
      })),
      this.shape.roundTimeoutMs,
      `bare relay round of ${n}`,
    );
    const wallMs = performance.now() - started;
    const [relayCpu, stubCpu] = window.usedMs();
    return { records, cpu: [relayCpu!, stubCpu!], wallMs };
  }

  /**
   * (c), (d) n users each send one message to a fresh (named) chat they follow on chatEvents;
   * the clock starts when sendChatMessage leaves the client. The CPU window closes at the last
   * AI_COMPLETE; the round then waits for each reply's coaching (SUGGESTIONS) before the next.
   */
  async soullink(n: number, target: SoullinkTarget): Promise<RoundResult> {
    const { api, accounts, clients } = target;
    const chats = await mapConcurrently(n, 16, (i) => startBenchChat(api.url, accounts[i]!, true));
    const records = Array.from({ length: n }, newStreamRecord);
    const completed: Promise<void>[] = [];
    const coached: Promise<void>[] = [];
    const unsubscribe: (() => void)[] = [];
    for (let i = 0; i < n; i++) {
      const record = records[i]!;
      let complete!: () => void;
      let coach!: () => void;
      completed.push(new Promise((r) => (complete = r)));
      coached.push(new Promise((r) => (coach = r)));
      unsubscribe.push(
        clients[i]!.subscribe<{ chatEvents: { type: string; text: string | null; errorSource: 'REPLY' | 'SUGGESTIONS' | null } }>(
          { query: CHAT_EVENTS, variables: { sessionId: chats[i], afterSeq: 0 } },
          {
            next: (result) => {
              const event = result.data?.chatEvents;
              if (!event) {
                record.error = JSON.stringify(result.errors);
                complete();
                coach();
                return;
              }
              if (event.type === 'AI_CHUNK') {
                record.arrivals.push(performance.now());
                record.chars += event.text?.length ?? 0;
              } else if (event.type === 'AI_COMPLETE') {
                if (event.text !== this.shape.reply) record.error = 'AI_COMPLETE text differs from the model reply';
                complete();
              } else if (event.type === 'SUGGESTIONS') {
                coach();
              } else if (event.type === 'ERROR') {
                if (event.errorSource === 'SUGGESTIONS') coach();
                else {
                  record.error = `ERROR event ${JSON.stringify(event)}`;
                  complete();
                  coach();
                }
              }
            },
            error: (err) => {
              record.error = JSON.stringify(err);
              complete();
              coach();
            },
            complete: () => undefined,
          },
        ),
      );
    }
    await waitForOpenSubscriptions(api, n);

    const window = new CpuWindow([api.pid, this.servers.stub.pid]);
    const started = performance.now();
    await withTimeout(
      Promise.all(records.map(async (record, i) => {
        await sleep(startOffset(i, n, this.shape.chunkIntervalMs));
        record.startedAt = performance.now();
        await graphqlRequest(api.url, SEND_CHAT_MESSAGE, { input: { sessionId: chats[i], content: this.shape.userMessage, clientMessageId: `bench-${chats[i]}` } }, accounts[i]!.token);
      })),
      this.shape.roundTimeoutMs,
      `SoulLink sends of ${n}`,
    );
    await withTimeout(Promise.all(completed), this.shape.roundTimeoutMs, `SoulLink round of ${n}`);
    const wallMs = performance.now() - started;
    const [apiCpu, stubCpu] = window.usedMs();
    await withTimeout(Promise.all(coached), this.shape.roundTimeoutMs, `SoulLink coaching of ${n}`);
    for (const stop of unsubscribe) stop();
    await waitForOpenSubscriptions(api, 0);
    return { records, cpu: [apiCpu!, stubCpu!], wallMs };
  }

  /** Takes the partner prompt SoulLink sent the stub (after a warm-up reply), for paths (a) and (b). */
  async capturePrompt(): Promise<void> {
    const res = await fetch(`${this.servers.stub.baseUrl.replace(/\/v1$/, '')}/__stub/requests`);
    const { requests } = (await res.json()) as { requests: { path: string; model: string; body: { stream?: boolean; messages?: { role: string; content: string }[] } }[] };
    const reply = requests.filter((r) => r.path === '/v1/chat/completions' && r.model === this.shape.chatModel && r.body.stream).at(-1);
    const messages = reply?.body.messages ?? [];
    const system = messages.find((m) => m.role === 'system')?.content;
    const user = messages.filter((m) => m.role === 'user').at(-1)?.content;
    if (!system || !user) throw new Error('could not capture the partner prompt SoulLink sent to the stub');
    this.prompt = { system, user };
  }
}
