import type { UsageTotals, UsageTotalsRow } from '../../ports/usage-totals.port';
import { sqlRows, type SqlExecutor } from '../postgres/sql-executor';

/** Sums of the `usage_records` table (written by the usage ledger). */
export class PostgresUsageTotals implements UsageTotals {
  constructor(private readonly db: SqlExecutor) {}

  async byDayModelAgent(userId: string, from: Date, to: Date): Promise<UsageTotalsRow[]> {
    const rows = await sqlRows<{ day: string; model: string; agent: string; calls: string; prompt: string; completion: string; cost: string; hits: string }>(
      this.db,
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, model, agent,
              count(*) as calls, sum(prompt_tokens) as prompt, sum(completion_tokens) as completion,
              sum(cost_usd) as cost, count(*) filter (where cache_hit) as hits
         from usage_records
        where user_id = ? and created_at >= ? and created_at < ?
        group by 1, 2, 3`,
      [userId, from, to],
    );
    return rows.map((r) => ({
      day: r.day,
      model: r.model,
      agent: r.agent,
      calls: Number(r.calls),
      promptTokens: Number(r.prompt),
      completionTokens: Number(r.completion),
      costUsd: Number(r.cost),
      cacheHits: Number(r.hits),
    }));
  }

  async voiceSecondsSince(userId: string, from: Date): Promise<number> {
    const [row] = await sqlRows<{ seconds: number | string | null }>(
      this.db,
      `select coalesce(sum(audio_seconds), 0) as seconds from usage_records where user_id = ? and tier = 'voice' and created_at >= ?`,
      [userId, from],
    );
    return Number(row?.seconds ?? 0);
  }
}
