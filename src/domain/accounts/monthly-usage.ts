import type { Clock } from '../../ports/clock.port';
import type { MonthlyTokenUsage } from '../../ports/monthly-token-usage.port';
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

/** The user's model tokens this month against their tier's allowance (the token quota's own counts). */
export async function monthlyUsage(deps: { monthlyTokenUsage: MonthlyTokenUsage; clock: Clock }, user: { id: string; tier: Tier }): Promise<MonthlyUsage> {
  const month = monthOf(deps.clock.now());
  const { used: tokensUsed, reserved: tokensReserved } = await deps.monthlyTokenUsage.ofMonth(user.id, month);
  const monthlyTokens = limitsFor(user.tier).monthlyTokens;
  return { month, monthlyTokens, tokensUsed, tokensReserved, tokensLeft: Math.max(0, monthlyTokens - tokensUsed - tokensReserved) };
}
