import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../stores/postgres/sql-executor';
import type { ModelPrice } from '../llm-settings';
import { costUsd } from './cost';
import type { UsageEntry, UsageLedger } from '../../ports/usage-ledger.port';

/**
 * The usage ledger as rows of `usage_records` (UsageRecord is the table's entity): one insert
 * statement per call, no begin/commit around it and no unit of work, on the live-chat hot path
 * twice a reply (the reply and its coach).
 *
 * A row names its user only while the account exists: a call that ends after the account was
 * erased (a reply still streaming, say) is still counted, but anonymously. usage_records has no
 * foreign key to users (usage is kept apart from accounts), so nothing else would stop a late
 * row from outliving the erasure. The erasure deletes the user's row before the usage rows, so
 * only a row whose statement starts in the erasure's last moments can still slip through.
 */
export class PostgresUsageLedger implements UsageLedger {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly prices: Record<string, ModelPrice>,
  ) {}

  async record(entry: UsageEntry): Promise<void> {
    await this.sql.execute(
      `insert into usage_records (id, user_id, agent, node, purpose, tier, model, prompt_name, prompt_version, prompt_tokens,
         completion_tokens, cost_usd, latency_ms, cache_hit, outcome, audio_seconds, created_at)
       values (?, (select id from users where id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        entry.tag.userId ?? null,
        entry.tag.agent.slice(0, 64),
        entry.tag.node.slice(0, 64),
        entry.tag.purpose.slice(0, 64),
        entry.tier,
        entry.model.slice(0, 128),
        entry.tag.prompt?.name ?? null,
        entry.tag.prompt?.version ?? null,
        entry.promptTokens,
        entry.completionTokens,
        entry.cacheHit ? '0' : costUsd(this.prices, entry.model, entry.promptTokens, entry.completionTokens).toFixed(8),
        Math.round(entry.latencyMs),
        entry.cacheHit,
        entry.outcome,
        entry.audioSeconds ?? 0,
        // As the entity's initialiser stamps it: the process's time of the call's end.
        new Date(),
      ],
    );
  }
}
