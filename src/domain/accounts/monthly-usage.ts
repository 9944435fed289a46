import type { EntityManager } from '@mikro-orm/postgresql';
import { limitsFor, type Tier } from '../tiers';
import { monthOf } from '../../kernel/calendar-month';

export interface MonthlyUsage {
  /** Calendar month, UTC, as YYYY-MM. */
  month: string;
  /** The tier's allowance for the month. */
  monthlyTokens: number;
  /** Tokens spent this month (prompt + completion). */
  tokensUsed: number;
  /** Tokens held by calls still running (released or spent when they finish). */
  tokensReserved: number;
  /** What is left: the allowance minus used and reserved, never below zero. */
  tokensLeft: number;
}

/** The user's model tokens this month against their tier's allowance (monthly_token_usage, the quota's own table). */
export async function monthlyUsage(em: EntityManager, user: { id: string; tier: Tier }, now = new Date()): Promise<MonthlyUsage> {
  const month = monthOf(now);
  const [row] = await em
    .getConnection()
    .execute<{ used: string; reserved: string }[]>('select used, reserved from monthly_token_usage where user_id = ? and month = ?', [user.id, month]);
  const monthlyTokens = limitsFor(user.tier).monthlyTokens;
  const tokensUsed = Number(row?.used ?? 0);
  const tokensReserved = Number(row?.reserved ?? 0);
  return { month, monthlyTokens, tokensUsed, tokensReserved, tokensLeft: Math.max(0, monthlyTokens - tokensUsed - tokensReserved) };
}
