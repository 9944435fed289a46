import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
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
const rangeInput = z
  .object({ from: z.date().optional(), to: z.date().optional(), userId: z.uuid('must be a user id').optional() })
  .transform((r) => ({ ...r, to: r.to ?? new Date(), from: r.from ?? new Date((r.to ?? new Date()).getTime() - 30 * DAY_MS) }))
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
export async function usageReport(em: EntityManager, principal: Principal, input: unknown): Promise<UsageReport> {
  const { from, to, userId: requested } = validateInput(rangeInput, input, 'range');
  const userId = requested ?? principal.user.id;
  // Someone else's usage: admins, and analysts the user shared it with — audited (access/find-owned.ts).
  if (userId !== principal.user.id) await findReadable(em, USAGE, principal.user, userId);

  const rows = await em.getConnection().execute<
    { day: string; model: string; agent: string; calls: string; prompt: string; completion: string; cost: string; hits: string }[]
  >(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, model, agent,
            count(*) as calls, sum(prompt_tokens) as prompt, sum(completion_tokens) as completion,
            sum(cost_usd) as cost, count(*) filter (where cache_hit) as hits
       from usage_records
      where user_id = ? and created_at >= ? and created_at < ?
      group by 1, 2, 3`,
    [userId, from, to],
  );
  const group = (keyOf: (r: (typeof rows)[number]) => string): UsageBucket[] => {
    const buckets = new Map<string, UsageBucket>();
    for (const r of rows) {
      const key = keyOf(r);
      const b = buckets.get(key) ?? { key, calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, cacheHits: 0 };
      b.calls += Number(r.calls);
      b.promptTokens += Number(r.prompt);
      b.completionTokens += Number(r.completion);
      b.costUsd += Number(r.cost);
      b.cacheHits += Number(r.hits);
      buckets.set(key, b);
    }
    return [...buckets.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const total = group(() => 'total')[0] ?? { key: 'total', calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, cacheHits: 0 };
  return { userId, from, to, total, byDay: group((r) => r.day), byModel: group((r) => r.model), byAgent: group((r) => r.agent) };
}
