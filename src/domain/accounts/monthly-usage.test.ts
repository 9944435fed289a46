import { ManualClock } from '../../kernel/clock/manual-clock';
import type { MonthlyTokenCount, MonthlyTokenUsage } from '../../ports/monthly-token-usage.port';
import { Tier } from '../tiers';
import { monthlyUsage } from './monthly-usage';

/** The quota's counts, by user and month, as its table would hold them. */
function countsOf(rows: Record<string, MonthlyTokenCount>): MonthlyTokenUsage & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ofMonth: async (userId, month) => {
      asked.push(`${userId} ${month}`);
      return rows[`${userId} ${month}`] ?? { used: 0, reserved: 0 };
    },
  };
}

describe('monthlyUsage on the injected clock', () => {
  it('When the clock crosses midnight UTC at the end of a month, Then the usage shown moves to the new, untouched month', async () => {
    const clock = new ManualClock('2026-03-31T23:59:59.999Z');
    const counts = countsOf({ 'u-1 2026-03': { used: 150_000, reserved: 20_000 } });
    const user = { id: 'u-1', tier: Tier.BASIC };

    expect(await monthlyUsage({ monthlyTokenUsage: counts, clock }, user)).toEqual({
      month: '2026-03',
      monthlyTokens: 200_000,
      tokensUsed: 150_000,
      tokensReserved: 20_000,
      tokensLeft: 30_000,
    });
    clock.advance(1);
    expect(await monthlyUsage({ monthlyTokenUsage: counts, clock }, user)).toEqual({
      month: '2026-04',
      monthlyTokens: 200_000,
      tokensUsed: 0,
      tokensReserved: 0,
      tokensLeft: 200_000,
    });
    expect(counts.asked).toEqual(['u-1 2026-03', 'u-1 2026-04']);
  });

  it('When used and held tokens exceed the allowance (a tier lowered mid-month), Then nothing is left, never a negative amount', async () => {
    const counts = countsOf({ 'u-2 2026-01': { used: 1_900_000, reserved: 300_000 } });
    const usage = await monthlyUsage({ monthlyTokenUsage: counts, clock: new ManualClock('2026-01-15T12:00:00.000Z') }, { id: 'u-2', tier: Tier.BASIC });
    expect(usage.tokensLeft).toBe(0);
  });
});
