import { asksQuestion, punctuationHabits, questionRate } from './punctuation-habits';

describe('punctuation habits', () => {
  it('When marks are typed full-width, Then they count like their ASCII forms', () => {
    expect(punctuationHabits(['真的！', '真的?', '好吧～', '算了……', 'hmm...'])).toEqual({
      exclamationRate: 0.2,
      questionRate: 0.2,
      ellipsisRate: 0.4,
      tildeRate: 0.2,
      noFinalPunctuationRate: 0,
    });
  });

  it('When 。。。 or two dots trail off, Then it is an ellipsis, but a single full stop is not', () => {
    expect(punctuationHabits(['好吧。。。', 'ok..', 'Fine.']).ellipsisRate).toBeCloseTo(2 / 3);
  });

  it('When a message ends in emoji, Then the text before the emoji decides the final punctuation', () => {
    expect(punctuationHabits(['ok 😂', 'Sure. 🙂', 'yes!! 🎉🎉']).noFinalPunctuationRate).toBeCloseTo(1 / 3);
  });

  it('When a message is only emoji, Then it is left out of the final punctuation rate', () => {
    expect(punctuationHabits(['😂', 'lol']).noFinalPunctuationRate).toBe(1);
  });

  it('When a Chinese sentence ends in 吗, 呢 or 吧, Then it asks something even without a question mark', () => {
    expect(asksQuestion('你吃饭了吗')).toBe(true);
    expect(asksQuestion('你呢～')).toBe(true);
    expect(asksQuestion('明天去吧 🥺')).toBe(true);
    expect(asksQuestion('行不行？')).toBe(true);
    expect(asksQuestion('我吃过了')).toBe(false);
    expect(questionRate(['wait what?', 'ok', '真的吗', '好'])).toBe(0.5);
  });
});
