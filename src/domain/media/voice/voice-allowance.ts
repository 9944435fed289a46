import type { Clock } from '../../../ports/clock.port';
import type { UsageTotals } from '../../../ports/usage-totals.port';
import type { User } from '../../accounts/user.entity';
import { QuotaExceededError } from '../../errors';
import { limitsFor } from '../../tiers';

/**
 * Voice is part of the paid tiers: refuses (QUOTA_EXCEEDED) when the user's tier has no
 * voice, or when this month's voice seconds (UTC) already reach its allowance. The call that
 * crosses the line still runs; the next one is refused.
 */
export async function assertVoiceAllowance(deps: { usageTotals: UsageTotals; clock: Clock }, user: User): Promise<void> {
  const minutes = limitsFor(user.tier).voiceMinutesPerMonth;
  if (minutes === 0) throw new QuotaExceededError('Voice is part of the paid tiers', { voiceMinutesPerMonth: 0 });
  const now = deps.clock.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  if ((await deps.usageTotals.voiceSecondsSince(user.id, monthStart)) >= minutes * 60) {
    throw new QuotaExceededError('This month’s voice minutes are used up', { voiceMinutesPerMonth: minutes });
  }
}
