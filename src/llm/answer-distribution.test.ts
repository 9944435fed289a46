import { distributionOf, firstTokenCandidates } from './answer-distribution';

describe('distributionOf', () => {
  it('When candidates spell an option differently, Then they count as that option and the result is normalised over the options', () => {
    const d = distributionOf(
      [
        { token: 'Yes', logprob: Math.log(0.5) },
        { token: ' yes', logprob: Math.log(0.1) },
        { token: 'No', logprob: Math.log(0.2) },
        { token: 'The', logprob: Math.log(0.2) },
      ],
      ['yes', 'no'],
    );
    expect(d.mass).toBeCloseTo(0.8);
    expect(d.probabilities[0]).toBeCloseTo(0.75);
    expect(d.probabilities[1]).toBeCloseTo(0.25);
  });

  it('When no candidate is an option, Then the mass is 0 (no answer)', () => {
    expect(distributionOf([{ token: 'The', logprob: 0 }], ['yes', 'no'])).toEqual({ probabilities: [0.5, 0.5], mass: 0 });
  });
});

describe('firstTokenCandidates', () => {
  it('When a completion reports top logprobs, Then the first token’s are returned; else undefined', () => {
    expect(firstTokenCandidates({ content: [{ token: 'Yes', logprob: -0.1, top_logprobs: [{ token: 'Yes', logprob: -0.1 }] }] })).toEqual([{ token: 'Yes', logprob: -0.1 }]);
    expect(firstTokenCandidates(null)).toBeUndefined();
    expect(firstTokenCandidates({ content: [{ token: 'Yes', logprob: -0.1, top_logprobs: [] }] })).toBeUndefined();
  });
});
