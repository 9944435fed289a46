import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlExecutor } from './sql-executor';

/** The node-postgres client knex's pool hands out (the part used here). */
interface PooledClient {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** knex's connection pool, as MikroORM builds it (same connections, same type parsers as the ORM's). */
interface ConnectionPool {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(client: PooledClient): Promise<unknown>;
}

/** A SqlExecutor whose statements go together: `transaction` runs work on one connection, committed or rolled back as a whole. */
export interface TransactionalSql extends SqlExecutor {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/**
 * Statements straight to node-postgres on the ORM's own pool, for the stores on the live-chat
 * hot path. MikroORM's `execute` inlines every parameter into the SQL text (formatQuery), then
 * builds a knex raw query around it and logs it: about 100 µs of CPU and a quarter of a
 * millisecond per statement more than node-postgres alone (measured on this machine, 220 vs
 * 112 µs CPU), on about twenty statements a reply. Parameters keep the meaning MikroORM gives
 * them: `?` is a value, an array a list (`in (?)`), `??` an identifier, `\?` a literal `?`.
 */
export function pooledSql(orm: MikroORM): TransactionalSql {
  const pool = (): ConnectionPool => orm.em.getConnection().getKnex().client as unknown as ConnectionPool;

  const run = async (client: PooledClient, sql: string, params: unknown[] = []): Promise<unknown[]> => {
    const { text, values } = numberedPlaceholders(sql, params);
    return (await client.query(text, values)).rows;
  };

  return {
    async execute(sql, params) {
      const client = await pool().acquireConnection();
      try {
        return await run(client, sql, params);
      } finally {
        await pool().releaseConnection(client);
      }
    },
    async transaction(work) {
      const client = await pool().acquireConnection();
      try {
        await client.query('begin', []);
        try {
          const result = await work({ execute: (sql, params) => run(client, sql, params) });
          await client.query('commit', []);
          return result;
        } catch (err) {
          // A failed rollback leaves the connection's state unknown: knex's pool drops a broken client on release.
          await client.query('rollback', []);
          throw err;
        }
      } finally {
        await pool().releaseConnection(client);
      }
    },
  };
}

/**
 * `?` placeholders (MikroORM's) as node-postgres's `$n`: an array becomes one placeholder per
 * element (a list, as `in (?)` expects), `??` a quoted identifier, `\?` a literal `?`.
 */
export function numberedPlaceholders(sql: string, params: readonly unknown[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let text = '';
  let next = 0;
  let from = 0;
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', from)) {
    if (at > 0 && sql[at - 1] === '\\') {
      text += sql.slice(from, at - 1) + '?';
      from = at + 1;
      continue;
    }
    text += sql.slice(from, at);
    if (sql[at + 1] === '?') {
      text += quoteIdentifier(String(params[next++]));
      from = at + 2;
      continue;
    }
    if (next >= params.length) throw new Error(`SQL has more placeholders than the ${params.length} parameters given`);
    const value = params[next++];
    const list = Array.isArray(value) ? value : [value];
    text += list.map((item) => `$${values.push(item)}`).join(', ');
    from = at + 1;
  }
  if (next < params.length) throw new Error(`SQL has ${next} placeholders for ${params.length} parameters`);
  return { text: text + sql.slice(from), values };
}

function quoteIdentifier(id: string): string {
  return `"${id.replaceAll('"', '""').replace('.', '"."')}"`;
}
