import { ManualClock } from '../../kernel/clock/manual-clock';
import { UnauthenticatedError } from '../errors';
import { Role, Tier } from '../tiers';
import { AccessTokens } from './access-tokens';

const CLAIMS = { userId: 'u-1', sessionId: 's-1', role: Role.USER, tier: Tier.BASIC };
const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

async function reasonOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (err) {
    if (err instanceof UnauthenticatedError) return err.details.reason;
    throw err;
  }
  return 'ACCEPTED';
}

describe('AccessTokens on the injected clock', () => {
  it('When the clock passes the token’s lifetime, Then the same token is refused as TOKEN_EXPIRED (no waiting)', async () => {
    const clock = new ManualClock('2026-03-31T23:50:00.000Z');
    const tokens = new AccessTokens(SECRET, 900, clock);
    const { token, expiresAt } = await tokens.issue(CLAIMS);
    expect(expiresAt.toISOString()).toBe('2026-04-01T00:05:00.000Z');

    await expect(tokens.verify(token)).resolves.toEqual(CLAIMS);
    clock.advance(899_000);
    expect(await reasonOf(tokens.verify(token))).toBe('ACCEPTED');
    clock.advance(1_000);
    expect(await reasonOf(tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('When a session gives its own instant, Then the token is issued at that instant, not the clock’s', async () => {
    const tokens = new AccessTokens(SECRET, 60, new ManualClock('2026-05-01T00:00:00.000Z'));
    const { token, expiresAt } = await tokens.issue(CLAIMS, new Date('2026-04-30T23:00:00.000Z'));
    expect(expiresAt.toISOString()).toBe('2026-04-30T23:01:00.000Z');
    expect(await reasonOf(tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });
});
