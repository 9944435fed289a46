import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Tokens used and currently reserved by a user in one calendar month (UTC, `YYYY-MM`). */
@Entity({ tableName: 'monthly_token_usage' })
export class MonthlyTokenUsage {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: 'bigint', default: 0 })
  used!: string;

  @Property({ type: 'bigint', default: 0 })
  reserved!: string;
}
