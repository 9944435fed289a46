import type { MikroORM } from '@mikro-orm/postgresql';
import type { SqlExecutor } from '../postgres/sql-executor';

/**
 * The SQL connection the chat stores use: single statements (each its own implicit
 * transaction), and `transaction` for the writes that must commit or roll back together.
 */
export interface ChatDb extends SqlExecutor {
  /** Runs `work` in one transaction: statements through `tx` commit together, or none does when `work` throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** The chat's connection over MikroORM's (its pool; transactions on one pooled connection). */
export function ormChatDb(orm: MikroORM): ChatDb {
  const connection = () => orm.em.getConnection();
  return {
    execute: (sql, params) => connection().execute(sql, params),
    transaction: (work) => connection().transactional((trx) => work({ execute: (sql, params) => connection().execute(sql, params, 'all', trx) })),
  };
}
