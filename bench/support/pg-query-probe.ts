import { dirname } from 'node:path';

/** One SQL statement as the driver ran it: when it was sent, when its result came back, what it was. */
export interface ProbedQuery {
  start: number;
  end: number;
  label: string;
}

type QueryMethod = (this: unknown, ...args: unknown[]) => unknown;
interface ClientClass {
  prototype: { query: QueryMethod };
}

/**
 * The node-postgres Client classes in this process: the root `pg` (LangGraph's
 * PostgresSaver, the test helpers) and the copy MikroORM's driver loads.
 */
function pgClients(): ClientClass[] {
  const paths = [require.resolve('pg'), require.resolve('pg', { paths: [dirname(require.resolve('@mikro-orm/postgresql'))] })];
  return [...new Set(paths)].map((path) => (require(path) as { Client: ClientClass }).Client);
}

/** "insert transcript_messages", "update simulations", "select users", "begin"... */
export function sqlLabel(text: string): string {
  const sql = text.replace(/\s+/g, ' ').replace(/"/g, '').replace(/\bpublic\./g, '').trim().toLowerCase();
  if (/^(begin|commit|rollback|savepoint|release)/.test(sql)) return sql.split(' ')[0]!;
  const inserts = [...sql.matchAll(/insert into ([\w.]+)/g)];
  if (inserts.length > 0) return `insert ${inserts.at(-1)![1]}`;
  const write = /(update|delete from) ([\w.]+)/.exec(sql);
  if (write) return `${write[1] === 'update' ? 'update' : 'delete'} ${write[2]}`;
  const read = /from ([\w.]+)/.exec(sql);
  return read ? `select ${read[1]}` : sql.slice(0, 40);
}

/**
 * A diagnostic probe: while started, wraps node-postgres `Client.prototype.query` to note
 * every statement's span and kind, so a benchmark can say how many statements a step ran
 * and how long it waited on them. Benchmarks only; stop() puts the driver back as it was.
 */
export class PgQueryProbe {
  readonly queries: ProbedQuery[] = [];
  private readonly restore: (() => void)[] = [];

  start(): this {
    const probe = this;
    for (const Client of pgClients()) {
      const original = Client.prototype.query;
      Client.prototype.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0] as string | { text?: string } | undefined;
        const label = sqlLabel(typeof first === 'string' ? first : (first?.text ?? ''));
        const start = performance.now();
        const done = () => probe.queries.push({ start, end: performance.now(), label });
        const callbackAt = args.findIndex((a) => typeof a === 'function');
        if (callbackAt >= 0) {
          const callback = args[callbackAt] as QueryMethod;
          args[callbackAt] = function (this: unknown, ...result: unknown[]) {
            done();
            return callback.apply(this, result);
          };
          return original.apply(this, args);
        }
        const result = original.apply(this, args);
        if (result instanceof Promise) result.then(done, done);
        return result;
      };
      this.restore.push(() => {
        Client.prototype.query = original;
      });
    }
    return this;
  }

  /** Statements sent within [from, to), by label, and the wall time [from, to] spent waiting on any. */
  within(from: number, to: number): { count: number; byLabel: Record<string, number>; waitMs: number } {
    const inside = this.queries.filter((q) => q.start >= from && q.start < to);
    const byLabel: Record<string, number> = {};
    for (const q of inside) byLabel[q.label] = (byLabel[q.label] ?? 0) + 1;
    let waitMs = 0;
    let reach = from;
    for (const q of [...inside].sort((a, b) => a.start - b.start)) {
      const start = Math.max(q.start, reach);
      const end = Math.min(q.end, to);
      if (end > start) waitMs += end - start;
      reach = Math.max(reach, end);
    }
    return { count: inside.length, byLabel, waitMs };
  }

  stop(): void {
    for (const undo of this.restore.splice(0)) undo();
  }
}
