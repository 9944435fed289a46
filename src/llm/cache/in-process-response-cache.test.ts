import { InProcessResponseCache } from './in-process-response-cache';
import { responseCacheContract } from './response-cache.contract';

responseCacheContract('in-process', async () => ({ cache: new InProcessResponseCache(), close: async () => undefined }));

describe('InProcessResponseCache', () => {
  it('When more keys than the bound are stored, Then the least recently used are evicted', async () => {
    const cache = new InProcessResponseCache(2);
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.get('a');
    await cache.set('c', '3', 60);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('1');
  });
});
