import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for tests; records how the socket closed. */
export function wsClient(url: string, connectionParams: Record<string, unknown> = {}) {
  const closes: { code: number; reason: string }[] = [];
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closes.push({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return { client, closes };
}

/** Subscribes and collects results until `count` arrived, the stream ended, or an error. */
export function collect<T, V extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<T, V>,
  variables?: V,
): { results: ExecutionResult<T>[]; done: Promise<void>; ready: Promise<void>; unsubscribe: () => void; error?: unknown } {
  const results: ExecutionResult<T>[] = [];
  const state: { error?: unknown } = {};
  let resolveDone!: () => void;
  let rejectDone!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  const ready = new Promise<void>((resolve) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
  });
  const unsubscribe = client.subscribe<T>(
    { query: print(document), variables },
    {
      next: (value) => results.push(value as ExecutionResult<T>),
      error: (err) => {
        state.error = err;
        rejectDone(err);
      },
      complete: () => resolveDone(),
    },
  );
  return {
    results,
    done,
    ready,
    unsubscribe,
    get error() {
      return state.error;
    },
  };
}

/** Polls until `predicate` holds or `timeoutMs` passes. */
export async function eventually(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
