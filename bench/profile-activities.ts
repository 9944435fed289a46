import { readFileSync } from 'node:fs';

/**
 * `node dist/bench/profile-activities.js <api.cpuprofile>`: where the SoulLink API's CPU went
 * while chat replies streamed, by activity, from a profile the streaming benchmark wrote
 * (BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"). Only 100 ms windows in which a reply was
 * streaming count (a sample in them has an output-gate frame on its stack), so start-up, account
 * set-up and idle time stay out. Each sample goes to the innermost frame on its stack that names
 * an activity: a socket write under node-postgres is a statement's cost, the same write under ws
 * a websocket send's. Printed as shares of the busy time in those windows.
 */

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const WINDOW_US = 100_000;
const STREAMING_FRAME = /output-gate/;

/** Innermost match wins; the order only breaks ties within one frame. */
const ACTIVITIES: { name: string; frame: RegExp }[] = [
  { name: 'PostgreSQL statements (node-postgres, knex, MikroORM, pooledSql: sending, parsing, mapping rows)', frame: /node_modules\/(pg|pg-protocol|knex|@mikro-orm)\/|stores\/postgres\/pooled-sql|chat-from-rows/ },
  { name: 'websocket sends (ws, graphql-ws)', frame: /node_modules\/(ws|graphql-ws)\// },
  { name: 'output moderation (src/llm/moderation)', frame: /src\/llm\/moderation\// },
  { name: 'model stream read (node:http client, SSE parsing, provider loop)', frame: /_http_client|_http_common|eventsource-parser|src\/llm\/(chat-completion-stream|resilient-model-provider|timed-iterator|openai-chat)/ },
  { name: 'chat events (event log, chunk emitter, subscription plan)', frame: /chat-events\/|session-events|chunk-emitter|subscription-event-plan|chat-events\.resolver/ },
  { name: 'token counting (js-tiktoken)', frame: /js-tiktoken|tokens\/token-counter/ },
  { name: 'HTTP server, Apollo, type-graphql, graphql-js (the sendChatMessage request)', frame: /_http_server|@apollo\/server|type-graphql|node_modules\/graphql\/|express/ },
  { name: 'encryption (data keys, AES-GCM)', frame: /stores\/encryption\/|data-key/ },
  { name: 'promise hooks (an AsyncLocalStorage is on: Node 20 runs them for every promise)', frame: /node:internal\/async_hooks|node:async_hooks/ },
];
const GC = 'garbage collector';
const REST = 'everything else (runtime, timers, microtasks, other app code)';

export function activityShares(profile: CpuProfile): { windows: number; busyMs: number; shares: { activity: string; ms: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const stack = function* (id: number): Generator<ProfileNode> {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) yield byId.get(at)!;
  };

  const at: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) at.push((t += delta));
  const streaming = new Set<number>();
  profile.samples.forEach((id, i) => {
    for (const node of stack(id)) if (STREAMING_FRAME.test(node.callFrame.url)) return void streaming.add(Math.floor(at[i]! / WINDOW_US));
  });

  const ms = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)' || !streaming.has(Math.floor(at[i]! / WINDOW_US))) return;
    // A sample lasts until the next one.
    const sampleMs = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    busy += sampleMs;
    let activity = leaf === '(garbage collector)' ? GC : REST;
    if (activity === REST) {
      for (const node of stack(id)) {
        const hit = ACTIVITIES.find((a) => a.frame.test(node.callFrame.url));
        if (hit) {
          activity = hit.name;
          break;
        }
      }
    }
    ms.set(activity, (ms.get(activity) ?? 0) + sampleMs);
  });
  return { windows: streaming.size, busyMs: busy, shares: [...ms].map(([activity, v]) => ({ activity, ms: v })).sort((a, b) => b.ms - a.ms) };
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/bench/profile-activities.js <api.cpuprofile>');
  const { windows, busyMs, shares } = activityShares(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  process.stdout.write(`streaming windows: ${windows} of ${WINDOW_US / 1000} ms; API busy in them: ${busyMs.toFixed(0)} ms\n`);
  for (const s of shares) process.stdout.write(`${((100 * s.ms) / busyMs).toFixed(1).padStart(5)} %  ${s.ms.toFixed(0).padStart(6)} ms  ${s.activity}\n`);
}

if (require.main === module) main();
