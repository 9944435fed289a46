/**
 * The small slice of a SQL connection the Postgres-backed stores need, shaped like MikroORM's
 * `orm.em.getConnection().execute(sql, params)` (`?` placeholders), so stores know nothing of
 * entities. Each call may run on its own pooled connection and (implicit) transaction.
 */
export interface SqlExecutor {
  execute(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Runs a statement and returns its rows, failing loudly if the executor returns something else. */
export async function sqlRows<T>(db: SqlExecutor, sql: string, params: unknown[]): Promise<T[]> {
  const result = await db.execute(sql, params);
  if (!Array.isArray(result)) throw new Error('SqlExecutor.execute must resolve to the rows of the statement');
  return result as T[];
}

/** Deletes the rows of `table` matching `condition` and returns how many went. */
export async function deleteCounted(db: SqlExecutor, table: string, condition: string, params: unknown[]): Promise<number> {
  const rows = await sqlRows<{ n: number }>(db, `with gone as (delete from ${table} where ${condition} returning 1) select count(*)::int as n from gone`, params);
  return Number(rows[0]?.n ?? 0);
}
