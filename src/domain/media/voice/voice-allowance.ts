import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../../accounts/user.entity';
import { QuotaExceededError } from '../../errors';
import { limitsFor } from '../../tiers';

/**
 * Voice is part of the paid tiers: refuses (QUOTA_EXCEEDED) when the user's tier has no
 * voice, or when this month's voice seconds (UTC) already reach its allowance. The call that
 * crosses the line still runs; the next one is refused.
 */
export async function assertVoiceAllowance(em: EntityManager, user: User): Promise<void> {
  const minutes = limitsFor(user.tier).voiceMinutesPerMonth;
  if (minutes === 0) throw new QuotaExceededError('Voice is part of the paid tiers', { voiceMinutesPerMonth: 0 });
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [row] = await em
    .getConnection()
    .execute<{ seconds: number | string | null }[]>(`select coalesce(sum(audio_seconds), 0) as seconds from usage_records where user_id = ? and tier = 'voice' and created_at >= ?`, [user.id, monthStart]);
  if (Number(row?.seconds ?? 0) >= minutes * 60) {
    throw new QuotaExceededError('This month’s voice minutes are used up', { voiceMinutesPerMonth: minutes });
  }
}
