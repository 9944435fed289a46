import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/**
 * The bare stack the streaming benchmark compares SoulLink with: graphql 16 + graphql-ws +
 * ws on node:http, one subscription whose resolver opens the model's SSE stream and yields
 * each delta as {seq, index, text}. No auth, no storage, no replay, no policies: nothing but
 * the relay. Run as `node dist/bench/bare-relay/bare-relay-server.js` with PORT and
 * LLM_BASE_URL (the stub's /v1 URL); prints "bare relay listening on <port>".
 */

interface ChunkEvent {
  seq: number;
  index: number;
  text: string;
}

interface ChunkArgs {
  model: string;
  system: string;
  user: string;
}

const llmBaseUrl = process.env.LLM_BASE_URL;
if (!llmBaseUrl) throw new Error('LLM_BASE_URL is required');

/** The deltas of one streamed chat completion, as a plain client reads them (fetch + JSON.parse per event). */
async function* completionDeltas(args: ChunkArgs, signal: AbortSignal): AsyncGenerator<string> {
  const res = await fetch(`${llmBaseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer stub' },
    body: JSON.stringify({
      model: args.model,
      temperature: 0.8,
      max_tokens: 400,
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: args.system },
        { role: 'user', content: args.user },
      ],
    }),
    signal,
  });
  if (!res.ok || !res.body) throw new Error(`model answered ${res.status}`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of res.body) {
    buffer += decoder.decode(bytes as Uint8Array, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (!line.startsWith('data: ')) continue;
      const data = line.slice(6);
      if (data === '[DONE]') return;
      const chunk = JSON.parse(data) as { choices: { delta?: { content?: string } }[] };
      const text = chunk.choices[0]?.delta?.content;
      if (text) yield text;
    }
  }
}

async function* relay(args: ChunkArgs): AsyncGenerator<ChunkEvent> {
  const abort = new AbortController();
  let seq = 0;
  let index = 0;
  try {
    for await (const text of completionDeltas(args, abort.signal)) yield { seq: ++seq, index: index++, text };
  } finally {
    // The client unsubscribed (or the stream ended): stop reading the model.
    abort.abort();
  }
}

const Chunk = new GraphQLObjectType<ChunkEvent>({
  name: 'Chunk',
  fields: {
    seq: { type: new GraphQLNonNull(GraphQLInt) },
    index: { type: new GraphQLNonNull(GraphQLInt) },
    text: { type: new GraphQLNonNull(GraphQLString) },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      chunks: {
        type: new GraphQLNonNull(Chunk),
        args: {
          model: { type: new GraphQLNonNull(GraphQLString) },
          system: { type: new GraphQLNonNull(GraphQLString) },
          user: { type: new GraphQLNonNull(GraphQLString) },
        },
        subscribe: (_root: unknown, args: ChunkArgs) => relay(args),
        resolve: (event: unknown) => event as ChunkEvent,
      },
    },
  }),
});

const httpServer = createServer((_req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
const cleanup = useServer({ schema }, wss);

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`bare relay listening on ${(httpServer.address() as AddressInfo).port}\n`);
});

const stop = () => {
  void Promise.resolve(cleanup.dispose()).finally(() => httpServer.close(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
