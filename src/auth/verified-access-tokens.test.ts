import { AccessTokens } from '../domain/accounts/access-tokens';
import { UnauthenticatedError } from '../domain/errors';
import { Role, Tier } from '../domain/tiers';
import { ManualClock } from '../kernel/clock/manual-clock';
import { VerifiedAccessTokens } from './verified-access-tokens';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const CLAIMS = { userId: 'u1', sessionId: 's1', role: Role.USER, tier: Tier.BASIC };

async function reasonOf(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UnauthenticatedError);
  return (err as UnauthenticatedError).details.reason;
}

describe('VerifiedAccessTokens', () => {
  it('When a token was verified, Then it is not verified again until it expires, and then it is refused as expired', async () => {
    const clock = new ManualClock();
    const tokens = new AccessTokens(SECRET, 60, clock);
    const verify = jest.spyOn(tokens, 'verify');
    const verified = new VerifiedAccessTokens(tokens, clock);
    const { token } = await tokens.issue(CLAIMS);

    expect(await verified.verify(token)).toEqual(CLAIMS);
    expect(await verified.verify(token)).toEqual(CLAIMS);
    expect(verify).toHaveBeenCalledTimes(1);

    clock.advance(59_000);
    expect(await verified.verify(token)).toEqual(CLAIMS);
    clock.advance(1_000);
    expect(await reasonOf(verified.verify(token))).toBe('TOKEN_EXPIRED');
    expect(await reasonOf(verified.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('When a verified token is altered, Then the altered one is checked on its own and refused', async () => {
    const clock = new ManualClock();
    const tokens = new AccessTokens(SECRET, 60, clock);
    const verified = new VerifiedAccessTokens(tokens, clock);
    const { token } = await tokens.issue(CLAIMS);
    await verified.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN' })).toString('base64url');
    expect(await reasonOf(verified.verify(`${header}.${forged}.${signature}`))).toBe('TOKEN_INVALID');
  });

  it('When handed on as AccessTokens, Then verify goes through the memory and issuing still works', async () => {
    const clock = new ManualClock();
    const tokens = new AccessTokens(SECRET, 60, clock);
    const asTokens = new VerifiedAccessTokens(tokens, clock).asAccessTokens();
    const { token } = await asTokens.issue(CLAIMS);
    const verify = jest.spyOn(tokens, 'verify');
    await asTokens.verify(token);
    await asTokens.verify(token);
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
