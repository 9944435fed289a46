import { episodeSlots } from './episode-slots';

describe('episodeSlots', () => {
  it.each([1, 2, 3])('When 8 episodes start with %i slot(s), Then never more run at once and all finish', async (max) => {
    const run = episodeSlots(max);
    let running = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5 + (i % 3)));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(max);
  });
});
