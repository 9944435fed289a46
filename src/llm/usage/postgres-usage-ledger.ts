import type { MikroORM } from '@mikro-orm/postgresql';
import type { ModelPrice } from '../llm-settings';
import { costUsd } from './cost';
import type { UsageEntry, UsageLedger } from '../../ports/usage-ledger.port';
import { UsageRecord } from './usage-record.entity';

/** The usage ledger as rows in PostgreSQL: one insert statement per call (no begin/commit around it: two round trips fewer per model call). */
export class PostgresUsageLedger implements UsageLedger {
  constructor(
    private readonly orm: MikroORM,
    private readonly prices: Record<string, ModelPrice>,
  ) {}

  async record(entry: UsageEntry): Promise<void> {
    const em = this.orm.em.fork();
    const record = em.create(UsageRecord, {
      userId: entry.tag.userId ?? null,
      agent: entry.tag.agent.slice(0, 64),
      node: entry.tag.node.slice(0, 64),
      purpose: entry.tag.purpose.slice(0, 64),
      tier: entry.tier,
      model: entry.model.slice(0, 128),
      promptName: entry.tag.prompt?.name ?? null,
      promptVersion: entry.tag.prompt?.version ?? null,
      promptTokens: entry.promptTokens,
      completionTokens: entry.completionTokens,
      costUsd: entry.cacheHit ? '0' : costUsd(this.prices, entry.model, entry.promptTokens, entry.completionTokens).toFixed(8),
      latencyMs: Math.round(entry.latencyMs),
      cacheHit: entry.cacheHit,
      outcome: entry.outcome,
      audioSeconds: entry.audioSeconds ?? 0,
    });
    await em.insert(record);
  }
}
