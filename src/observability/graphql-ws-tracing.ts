import type { TraceSpan, Tracer } from '../ports/tracer.port';

interface OpenOperation {
  span: TraceSpan;
  /** Results sent on this operation (a subscription's events). */
  events: number;
  failed: boolean;
}

/**
 * One span per GraphQL operation over graphql-ws, as graphqlTracingPlugin makes over HTTP:
 * named `<type> <root fields>` ("subscription chatEvents"), from the client's subscribe
 * message to the operation's end (a query's result, or a subscription's complete from either
 * side, or the socket closing), with the number of results sent and the error codes. Never the
 * document, the variables or the results (they carry chat messages). Operations are keyed by
 * the socket and the client's operation id; tracing off, nothing is kept.
 */
export class GraphqlWsSpans {
  private readonly open = new WeakMap<object, Map<string, OpenOperation>>();

  constructor(private readonly tracer: Tracer) {}

  /** The subscribe message arrived. */
  subscribed(socket: object, id: string): void {
    if (!this.tracer.enabled) return;
    let operations = this.open.get(socket);
    if (!operations) this.open.set(socket, (operations = new Map()));
    operations.get(id)?.span.end();
    operations.set(id, { span: this.tracer.startSpan('graphql-ws', { kind: 'server', attributes: { 'soullink.graphql.transport': 'websocket' } }), events: 0, failed: false });
  }

  /** The operation was parsed and validated: its type and root fields (operationLabel, as the metrics have it) name the span. */
  executing(socket: object, id: string, { name, type }: { name: string; type: string }): void {
    const operation = this.open.get(socket)?.get(id);
    if (!operation) return;
    operation.span.rename(`${type} ${name}`);
    operation.span.setAttributes({ 'graphql.operation.type': type, 'soullink.graphql.root_fields': name });
  }

  /** A result went out on the operation (each of a subscription's events). */
  sent(socket: object, id: string): void {
    const operation = this.open.get(socket)?.get(id);
    if (operation) operation.events += 1;
  }

  /** The operation failed with these error codes (before or while executing). */
  failed(socket: object, id: string, codes: readonly string[]): void {
    const operation = this.open.get(socket)?.get(id);
    if (!operation || codes.length === 0) return;
    operation.failed = true;
    operation.span.setAttributes({ 'soullink.graphql.error_codes': [...new Set(codes)].join(',') });
    operation.span.fail(codes[0]!);
  }

  /** The operation ended: a query's single result, a subscription's complete, or its error. */
  ended(socket: object, id: string): void {
    const operations = this.open.get(socket);
    const operation = operations?.get(id);
    if (!operation) return;
    operations!.delete(id);
    this.finish(operation, operation.failed ? 'error' : 'ok');
  }

  /** The socket closed: operations still open end with it. */
  closed(socket: object): void {
    const operations = this.open.get(socket);
    if (!operations) return;
    for (const operation of operations.values()) this.finish(operation, operation.failed ? 'error' : 'closed');
    this.open.delete(socket);
  }

  private finish(operation: OpenOperation, outcome: 'ok' | 'error' | 'closed'): void {
    operation.span.setAttributes({ 'soullink.graphql.events': operation.events, 'soullink.graphql.outcome': outcome });
    operation.span.end();
  }
}
