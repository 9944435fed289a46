import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type UsageOutcome = 'ok' | 'error' | 'partial' | 'cached' | 'canned' | 'blocked';

/** One model call (or cache hit) in the usage ledger. No content, only accounting. */
@Entity({ tableName: 'usage_records' })
@Index({ properties: ['userId', 'createdAt'] })
export class UsageRecord {
  [OptionalProps]?: 'createdAt' | 'audioSeconds';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'string', length: 64 })
  agent!: string;

  @Property({ type: 'string', length: 64 })
  node!: string;

  @Property({ type: 'string', length: 64 })
  purpose!: string;

  @Property({ type: 'string', length: 16 })
  tier!: string;

  @Property({ type: 'string', length: 128 })
  model!: string;

  @Property({ type: 'string', length: 96, nullable: true })
  promptName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  promptVersion: number | null = null;

  @Property({ type: 'integer' })
  promptTokens!: number;

  @Property({ type: 'integer' })
  completionTokens!: number;

  /** USD, exact to a millionth of a cent. */
  @Property({ type: 'decimal', precision: 14, scale: 8 })
  costUsd!: string;

  @Property({ type: 'integer' })
  latencyMs!: number;

  @Property({ type: 'boolean' })
  cacheHit!: boolean;

  @Property({ type: 'string', length: 16 })
  outcome!: UsageOutcome;

  /** Seconds of audio transcribed or spoken (voice calls); 0 for text models. */
  @Property({ type: 'double' })
  audioSeconds = 0;

  @Property({ type: 'datetime' })
  @Index()
  createdAt: Date = new Date();
}
