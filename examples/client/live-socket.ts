import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SeqGate } from './seq-gate';
import type { Session } from './session';
import { SoulLinkError } from './soullink-client';

/** How one followed stream reads its events. */
export interface FollowOptions<TResult> {
  /** The event's `seq` (e.g. `(r) => r.chatEvents.seq`). */
  seqOf(result: TResult): number;
  /** Each event once, in seq order. */
  onEvent(result: TResult): void;
  /** Resume point: events after this seq (default 0, the whole log the server keeps). */
  afterSeq?: number;
}

/** A followed stream; it survives reconnects. */
export interface LiveStream {
  /** Resolves when the server ends the stream (a finished simulation) or `stop()` is called; rejects on a final error. */
  readonly done: Promise<void>;
  /** The last seq delivered: where the stream resumes after a reconnect. */
  readonly lastSeq: number;
  /** Events seen twice and dropped. */
  readonly duplicatesDropped: number;
  stop(): void;
}

// Code graphql-ws gives the close it simulates in `terminate()`: our own restart, not a failure.
const TERMINATED = 4499;
// The server refuses the token in connection_init with 4403.
const FORBIDDEN = 4403;
const MAX_RETRIES = 6;

const isCloseEvent = (err: unknown): err is { code: number; reason: string } => typeof err === 'object' && err !== null && 'code' in err && 'reason' in err;

/**
 * One graphql-ws connection for a session's subscriptions. `connectionParams` read the
 * session's current token, so every new connection signs in with the latest one; when the
 * session refreshes, the socket restarts (`terminate()`) and every stream subscribes again
 * with `afterSeq` = the last seq it delivered, so nothing is missed and nothing repeats.
 * A dropped connection is resumed the same way, with backoff.
 */
export class LiveSocket {
  private readonly client: Client;
  private readonly streams = new Set<ResumableStream<unknown, Record<string, unknown>>>();
  private readonly stopListening: () => void;
  private pendingToken?: string;
  /** The access token each acknowledged connection signed in with, oldest first. */
  readonly connectionTokens: string[] = [];

  constructor(
    url: string,
    private readonly session: Session,
  ) {
    this.client = createClient({
      url,
      // Node needs an implementation; in a browser leave it out and the global WebSocket is used.
      webSocketImpl: WebSocket,
      lazy: true,
      // Streams resubscribe themselves (with afterSeq); graphql-ws's own retry would repeat the first variables.
      retryAttempts: 0,
      connectionParams: () => {
        this.pendingToken = session.accessToken;
        return { authorization: `Bearer ${this.pendingToken}` };
      },
      on: {
        connected: () => {
          if (this.pendingToken) this.connectionTokens.push(this.pendingToken);
          for (const stream of this.streams) stream.connected();
        },
      },
    });
    this.stopListening = session.onRefresh(() => this.reconnect());
  }

  /** Subscribes to a stream of seq-numbered events (`chatEvents`, `simulationEvents`). */
  follow<TResult, TVariables extends { afterSeq?: number | null }>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options: FollowOptions<TResult>,
  ): LiveStream {
    const stream = new ResumableStream<TResult, TVariables>(this.client, this.session, print(document), variables, options);
    const entry = stream as unknown as ResumableStream<unknown, Record<string, unknown>>;
    this.streams.add(entry);
    stream.done.then(
      () => this.streams.delete(entry),
      () => this.streams.delete(entry),
    );
    stream.start();
    return stream;
  }

  /** Restarts the connection (a new token, or a socket that seems stuck); streams resume where they were. */
  reconnect(): void {
    this.client.terminate();
  }

  async close(): Promise<void> {
    this.stopListening();
    for (const stream of this.streams) stream.stop();
    await this.client.dispose();
  }
}

class ResumableStream<TResult, TVariables extends { afterSeq?: number | null }> implements LiveStream {
  private readonly gate: SeqGate;
  private unsubscribe?: () => void;
  private stopped = false;
  private retries = 0;
  private renewedForThisFailure = false;
  private settle!: { resolve: () => void; reject: (err: unknown) => void };
  readonly done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly client: Client,
    private readonly session: Session,
    private readonly query: string,
    private readonly variables: TVariables,
    private readonly options: FollowOptions<TResult>,
  ) {
    this.gate = new SeqGate(options.afterSeq ?? 0);
  }

  get lastSeq(): number {
    return this.gate.lastSeq;
  }

  get duplicatesDropped(): number {
    return this.gate.dropped;
  }

  start(): void {
    if (this.stopped) return;
    this.unsubscribe = this.client.subscribe<TResult>(
      { query: this.query, variables: { ...this.variables, afterSeq: this.gate.lastSeq } },
      {
        next: (result) => {
          if (result.errors?.length) return void this.failed(result.errors);
          if (!result.data) return;
          this.renewedForThisFailure = false;
          if (this.gate.admit(this.options.seqOf(result.data))) this.options.onEvent(result.data);
        },
        error: (err) => void this.failed(err),
        complete: () => this.finish(),
      },
    );
  }

  /** The socket is up again: a later drop gets the full retry budget. */
  connected(): void {
    this.retries = 0;
    this.renewedForThisFailure = false;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.settle.resolve();
  }

  private finish(): void {
    this.stopped = true;
    this.settle.resolve();
  }

  private async failed(err: unknown): Promise<void> {
    if (this.stopped) return;
    const errors = Array.isArray(err) ? (err as GraphQLFormattedError[]) : undefined;
    const code = errors?.[0]?.extensions?.code;
    // A token the server refused (socket 4403, or UNAUTHENTICATED on subscribe): renew once.
    if ((isCloseEvent(err) && err.code === FORBIDDEN) || code === 'UNAUTHENTICATED') {
      if (!this.renewedForThisFailure && (await this.session.renew())) {
        this.renewedForThisFailure = true;
        return this.start();
      }
      return this.fail(errors ? toError(errors) : new SoulLinkError('UNAUTHENTICATED', 'The server refused the session'));
    }
    if (errors) return this.fail(toError(errors));
    if (isCloseEvent(err) && err.code === TERMINATED) return this.start();
    // The connection dropped: resume with backoff (0.25 s, 0.5 s, … up to 8 s).
    if (this.retries >= MAX_RETRIES) return this.fail(err);
    const delay = 250 * 2 ** this.retries++;
    setTimeout(() => this.start(), delay);
  }

  private fail(err: unknown): void {
    this.stopped = true;
    this.settle.reject(err);
  }
}

function toError(errors: readonly GraphQLFormattedError[]): SoulLinkError {
  const first = errors[0];
  const code = first?.extensions?.code;
  return new SoulLinkError(typeof code === 'string' ? code : 'INTERNAL', first?.message ?? 'subscription failed', first?.extensions ?? {});
}
