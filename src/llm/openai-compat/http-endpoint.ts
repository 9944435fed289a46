import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A listening HTTP server that can be shut down completely. */
export interface HttpEndpoint {
  /** `http://host:port/v1`: the base URL OpenAI clients expect. */
  readonly baseUrl: string;
  readonly port: number;
  /**
   * Stops listening and destroys every open connection (keep-alive, streaming or hung), so
   * close never waits on a client; handlers see their request signal abort.
   */
  close(): Promise<void>;
}

/** Starts `handler` on host:port (port 0 picks a free one). */
export async function startHttpEndpoint(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { port: number; host: string },
): Promise<HttpEndpoint> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;

  return {
    baseUrl: `http://${host}:${port}/v1`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
