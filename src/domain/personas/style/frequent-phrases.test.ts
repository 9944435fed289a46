import { frequentPhrases } from './frequent-phrases';

describe('frequentPhrases', () => {
  it('When a phrase is repeated within one message, Then it counts once for that message', () => {
    expect(frequentPhrases(['love you love you love you', 'love you'])).toEqual([{ phrase: 'love you', count: 2 }]);
  });

  it('When a phrase occurs only once, Then it is not a habit', () => {
    expect(frequentPhrases(['sounds good to me', 'see you soon'])).toEqual([]);
  });

  it('When a shorter phrase never occurs outside a longer one, Then only the longer one is kept', () => {
    const phrases = frequentPhrases(['no worries mate', 'No worries mate!', 'no worries', '晚安宝贝', '晚安宝贝🌙']);
    // "no worries" also stands alone, so it stays; "worries mate" and "安宝" do not.
    expect(phrases).toEqual([
      { phrase: 'no worries', count: 3 },
      { phrase: 'no worries mate', count: 2 },
      { phrase: '晚安宝贝', count: 2 },
    ]);
  });

  it('When a phrase starts or ends with a function word or is all stop words, Then it is dropped', () => {
    const phrases = frequentPhrases(['going to the park', 'going to the shop', 'i am so', 'i am so']).map((p) => p.phrase);
    expect(phrases).toEqual([]);
  });

  it('When a phrase would cross a sentence mark, an emoji or a change of script, Then it is not formed', () => {
    expect(frequentPhrases(['fine. thanks', 'fine. thanks', 'ok 😂 sure', 'ok 😂 sure', '好的ok', '好的ok'])).toEqual([
      { phrase: '好的', count: 2 },
    ]);
  });
});
