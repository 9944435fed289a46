import { SessionCache } from './session-cache';

function cacheAt(ttlMs = 1000) {
  let now = 0;
  const cache = new SessionCache<{ name: string }>(ttlMs, 3, () => now);
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('SessionCache', () => {
  it('When a session was stored, Then it answers until the TTL runs out, not after', () => {
    const { cache, advance } = cacheAt(1000);
    cache.store('s1', { userId: 'u1', user: { name: 'Ann' } }, cache.begin());
    advance(999);
    expect(cache.get('s1')?.user).toEqual({ name: 'Ann' });
    advance(1);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('When a session or its user is forgotten, Then it is gone and other users stay', () => {
    const { cache } = cacheAt();
    for (const [s, u] of [['s1', 'u1'], ['s2', 'u1'], ['s3', 'u2']] as const) cache.store(s, { userId: u, user: { name: u } }, cache.begin());
    cache.forgetSession('s1');
    expect(cache.get('s1')).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.get('s2')).toBeUndefined();
    expect(cache.get('s3')?.userId).toBe('u2');
  });

  it('When a session changed while its row was being read, Then what the read found is not kept', () => {
    const { cache } = cacheAt();
    const startedIn = cache.begin();
    cache.forgetSession('s1'); // revoked while the lookup was in flight
    cache.store('s1', { userId: 'u1', user: { name: 'stale' } }, startedIn);
    expect(cache.get('s1')).toBeUndefined();
    cache.store('s1', { userId: 'u1', user: { name: 'fresh' } }, cache.begin());
    expect(cache.get('s1')?.user.name).toBe('fresh');
  });

  it('When the cache is suspended, Then everything is dropped and nothing is stored until the time is up', () => {
    const { cache, advance } = cacheAt();
    cache.store('s1', { userId: 'u1', user: { name: 'Ann' } }, cache.begin());
    cache.suspend(500);
    expect(cache.get('s1')).toBeUndefined();
    cache.store('s1', { userId: 'u1', user: { name: 'Ann' } }, cache.begin());
    expect(cache.get('s1')).toBeUndefined();
    advance(500);
    cache.store('s1', { userId: 'u1', user: { name: 'Ann' } }, cache.begin());
    expect(cache.get('s1')?.user.name).toBe('Ann');
  });

  it('When more sessions are stored than it holds, Then the oldest goes first', () => {
    const { cache } = cacheAt();
    for (const s of ['s1', 's2', 's3', 's4']) cache.store(s, { userId: s, user: { name: s } }, cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.get('s4')?.userId).toBe('s4');
  });
});
