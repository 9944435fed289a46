import { ManualClock } from '../../../kernel/clock/manual-clock';
import type { UsageTotals } from '../../../ports/usage-totals.port';
import type { User } from '../../accounts/user.entity';
import { QuotaExceededError } from '../../errors';
import { Tier } from '../../tiers';
import { assertVoiceAllowance } from './voice-allowance';

/** Voice seconds by the month start asked for, as the ledger would sum them. */
function voiceSeconds(byMonthStart: Record<string, number>): UsageTotals {
  return {
    byDayModelAgent: async () => [],
    voiceSecondsSince: async (_userId, from) => byMonthStart[from.toISOString()] ?? 0,
  };
}

const premium = { id: 'u-1', tier: Tier.PREMIUM } as User;

describe('assertVoiceAllowance on the injected clock', () => {
  it('When this month’s voice minutes are used up, Then the next call is refused, and at the turn of the month it is allowed again', async () => {
    // PREMIUM: 300 minutes a month, all spent in March.
    const usageTotals = voiceSeconds({ '2026-03-01T00:00:00.000Z': 300 * 60 });
    const clock = new ManualClock('2026-03-31T23:59:59.999Z');

    await expect(assertVoiceAllowance({ usageTotals, clock }, premium)).rejects.toBeInstanceOf(QuotaExceededError);
    clock.advance(1);
    await expect(assertVoiceAllowance({ usageTotals, clock }, premium)).resolves.toBeUndefined();
  });

  it('When the tier has no voice, Then it is refused without reading the ledger', async () => {
    const usageTotals = { byDayModelAgent: async () => [], voiceSecondsSince: jest.fn(async () => 0) };
    await expect(assertVoiceAllowance({ usageTotals, clock: new ManualClock() }, { id: 'u-2', tier: Tier.BASIC } as User)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { voiceMinutesPerMonth: 0 },
    });
    expect(usageTotals.voiceSecondsSince).not.toHaveBeenCalled();
  });
});
