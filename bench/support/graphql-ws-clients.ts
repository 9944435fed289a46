import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mapConcurrently } from './loopback-graphql';

/** Opens a graphql-ws connection (connection_init acknowledged) with these connectionParams. */
export function connectGraphqlWs(url: string, connectionParams: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<Client> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams,
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      onNonLazyError: (err) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(`graphql-ws connection failed: ${JSON.stringify(err)}`));
      },
    });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void client.dispose();
      reject(new Error(`graphql-ws connection to ${url} not acknowledged in ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.on('connected', () => {
      off();
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(client);
    });
  });
}

/** Opens one connection per entry of `params`, `concurrency` at a time. */
export function connectGraphqlWsMany(url: string, params: Record<string, unknown>[], concurrency = 32): Promise<Client[]> {
  return mapConcurrently(params.length, concurrency, (i) => connectGraphqlWs(url, params[i]));
}

export async function disposeAll(clients: Client[]): Promise<void> {
  await Promise.allSettled(clients.map((c) => c.dispose()));
}
