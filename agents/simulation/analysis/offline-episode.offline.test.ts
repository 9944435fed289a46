import { DIMENSION_KEYS } from '../../../src/kernel/simulation/dimensions';
import { startOfflineEpisodes } from '../../../bench/support/offline-episodes';

// Slow and model-bound: runs only with SOULLINK_OFFLINE_TESTS=1 (the model is fetched on first
// use, ~320 MB). The quick start's couple plays one 6-turn demo episode on the offline model
// (TinyLlama) through the real episode graph, provider and offline server, as the README's
// first command does; the transcript is printed for a person to judge. No timing is asserted
// here (bench/offline-episode.bench.ts measures seconds per turn and per episode).
const describeOffline = process.env.SOULLINK_OFFLINE_TESTS === '1' ? describe : describe.skip;
jest.setTimeout(30 * 60_000);

describeOffline('A demo episode on the offline model', () => {
  it('When the couple plays a 6-turn episode, Then every line is a chat message that recites no prompt, and every dimension is scored', async () => {
    const offline = await startOfflineEpisodes();
    try {
      const episode = await offline.play('money-rent-on-unequal-incomes', 'demo', 6);
      console.log(
        `${episode.seconds.toFixed(1)} s, ${episode.spoken.length} generated turns, ${episode.drafts.length} drafts\n` +
          episode.transcript.map((t) => `  ${t.name}: ${t.text}`).join('\n') +
          `\n${episode.score?.dimensions.map((d) => `  ${d.dimension.padEnd(24)} ${d.score} ${JSON.stringify(d.reasoning)}`).join('\n')}`,
      );
      expect(episode.spoken.length).toBeGreaterThan(0);
      for (const turn of episode.spoken) {
        expect(turn.leak).toBeNull();
        expect(turn.text.trim()).not.toMatch(/^(…|\.\.\.)?$/);
      }
      expect(episode.score?.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS);
    } finally {
      await offline.close();
    }
  });
});
