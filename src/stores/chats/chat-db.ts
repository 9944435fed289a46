import type { TransactionalSql } from '../postgres/pooled-sql';

/**
 * The SQL connection the chat stores use: single statements (each its own implicit
 * transaction), and `transaction` for the writes that must commit or roll back together.
 * Built with `pooledSql` (node-postgres on the ORM's pool): the chat stores are the live-chat
 * hot path.
 */
export type ChatDb = TransactionalSql;
