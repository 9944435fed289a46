import { representativeSamples } from './representative-samples';

describe('representativeSamples', () => {
  it('When messages repeat or are links only, Then samples hold each text once and no links', () => {
    const samples = representativeSamples(['see you soon', 'See you  soon', 'https://example.com/x', 'on my way']);
    expect(samples).toEqual(['see you soon', 'on my way']);
  });

  it('When many messages exist, Then at most eight are picked, closest to the median length first', () => {
    const texts = Array.from({ length: 30 }, (_, i) => `message number ${i} ${'x'.repeat(i)}`);
    const samples = representativeSamples(texts);
    expect(samples).toHaveLength(8);
    const median = texts.map((t) => t.length).sort((a, b) => a - b)[15];
    for (const sample of samples) expect(Math.abs(sample.length - median)).toBeLessThanOrEqual(8);
  });

  it('When two messages say nearly the same thing, Then only one of them is a sample', () => {
    const samples = representativeSamples(['good night babe sleep well', 'good night babe sleep well!!', 'pizza tonight?']);
    expect(samples).toHaveLength(2);
  });
});
