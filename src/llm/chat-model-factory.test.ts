import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ChatModelFactory } from './chat-model-factory';

/** A one-chunk streamed answer, then [DONE]; the connection is kept alive for the next call. */
function startSseEndpoint(): Promise<{ server: Server; baseUrl: string; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }] };
      res.end(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`);
    });
  });
  server.on('connection', (socket) => sockets.push(socket));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, sockets })));
}

describe('ChatModelFactory.close', () => {
  it('When the factory is closed after a streamed call, Then the keep-alive connection that call left open is closed', async () => {
    const { server, baseUrl, sockets } = await startSseEndpoint();
    const models = new ChatModelFactory();
    try {
      const open = await models.streams({ endpoint: { name: 'e', baseUrl, apiKey: 'key' }, model: 'm' });
      for await (const _chunk of await open({ model: 'm', stream: true, messages: [] }, new AbortController().signal)) {
        // Read to the end, so the socket goes back to the keep-alive pool.
      }
      expect(sockets).toHaveLength(1);
      const closed = new Promise((resolve) => sockets[0]!.once('close', resolve));
      // Still open, idle in the pool, until the factory lets it go.
      expect(sockets[0]!.destroyed).toBe(false);

      models.close();

      await closed;
      expect(sockets[0]!.destroyed).toBe(true);
    } finally {
      models.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
