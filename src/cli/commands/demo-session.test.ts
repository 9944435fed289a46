import { DemoSession, type DemoTokens } from './demo-session';

const tokens = (n: number, expiresAtMs: number): DemoTokens => ({ accessToken: `a${n}`, refreshToken: `r${n}`, accessTokenExpiresAt: new Date(expiresAtMs).toISOString() });

describe('DemoSession', () => {
  it('When the access token has time left, Then it is used as it is', async () => {
    const refresh = jest.fn();
    const session = new DemoSession(tokens(1, 900_000), refresh, () => 0);
    expect(await session.accessToken()).toBe('a1');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('When the access token is about to expire, Then it is refreshed once for concurrent callers, with the latest refresh token', async () => {
    let now = 0;
    const refresh = jest.fn(async (refreshToken: string) => tokens(Number(refreshToken.slice(1)) + 1, now + 900_000));
    const session = new DemoSession(tokens(1, 900_000), refresh, () => now);
    now = 880_000;
    expect(await Promise.all([session.accessToken(), session.accessToken()])).toEqual(['a2', 'a2']);
    expect(refresh).toHaveBeenCalledTimes(1);
    now = 1_800_000;
    expect(await session.accessToken()).toBe('a3');
    expect(refresh.mock.calls).toEqual([['r1'], ['r2']]);
  });
});
