import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Clock } from '../../ports/clock.port';
import type { UsageTotals } from '../../ports/usage-totals.port';
import type { Principal } from '../accounts/authenticate';
import { ForbiddenError } from '../errors';
import { findReadable, type OwnedKind } from '../access/find-owned';
import { ResourceKind } from '../access/resource-kind';
import { User } from '../accounts/user.entity';
import { validateInput } from '../validate-input';

export interface UsageBucket {
  key: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  cacheHits: number;
}

export interface UsageReport {
  userId: string;
  from: Date;
  to: Date;
  total: UsageBucket;
  byDay: UsageBucket[];
  byModel: UsageBucket[];
  byAgent: UsageBucket[];
}

const DAY_MS = 86_400_000;
/** The requested period; left out, it is the 30 days up to `now`. */
const rangeInput = (now: Date) =>
  z
    .object({ from: z.date().optional(), to: z.date().optional(), userId: z.uuid('must be a user id').optional() })
    .transform((r) => ({ ...r, to: r.to ?? now, from: r.from ?? new Date((r.to ?? now).getTime() - 30 * DAY_MS) }))
    .refine((r) => r.from < r.to, { message: 'from must be before to', path: ['from'] })
    .refine((r) => r.to.getTime() - r.from.getTime() <= 366 * DAY_MS, { message: 'range must be at most 366 days', path: ['from'] });

const USAGE: OwnedKind<User> = {
  kind: ResourceKind.USAGE,
  entity: User,
  ownerOf: (u) => u.id,
  notFound: () => new ForbiddenError('Only admins, or analysts the user shared it with, can read other users’ usage'),
};

/**
 * Token use and cost for a date range, grouped by day (UTC), model and agent. Users see
 * their own; admins may name any user.
 */
export async function usageReport(deps: { usageTotals: UsageTotals; clock: Clock }, em: EntityManager, principal: Principal, input: unknown): Promise<UsageReport> {
  const { from, to, userId: requested } = validateInput(rangeInput(deps.clock.now()), input, 'range');
  const userId = requested ?? principal.user.id;
  // Someone else's usage: admins, and analysts the user shared it with — audited (access/find-owned.ts).
  if (userId !== principal.user.id) await findReadable(em, USAGE, principal.user, userId);

  const rows = await deps.usageTotals.byDayModelAgent(userId, from, to);
  const group = (keyOf: (r: (typeof rows)[number]) => string): UsageBucket[] => {
    const buckets = new Map<string, UsageBucket>();
    for (const r of rows) {
      const key = keyOf(r);
      const b = buckets.get(key) ?? { key, calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, cacheHits: 0 };
      b.calls += r.calls;
      b.promptTokens += r.promptTokens;
      b.completionTokens += r.completionTokens;
      b.costUsd += r.costUsd;
      b.cacheHits += r.cacheHits;
      buckets.set(key, b);
    }
    return [...buckets.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const total = group(() => 'total')[0] ?? { key: 'total', calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, cacheHits: 0 };
  return { userId, from, to, total, byDay: group((r) => r.day), byModel: group((r) => r.model), byAgent: group((r) => r.agent) };
}
