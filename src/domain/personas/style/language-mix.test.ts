import { languageMix, languageOf } from './language-mix';

describe('language by script', () => {
  it('When a message mixes scripts, Then the dominant one wins', () => {
    expect(languageOf('今天的meeting好长啊')).toBe('zh');
    expect(languageOf('ok 好的')).toBe('zh');
    expect(languageOf('that is so 可爱')).toBe('en');
    expect(languageOf('今日は楽しかった')).toBe('ja');
    expect(languageOf('привет')).toBe('other');
  });

  it('When a message has no letters, Then it has no language and is left out of the shares', () => {
    expect(languageOf('😂😂 233')).toBeNull();
    expect(languageMix(['😂', 'hello there', '你好', '好的呀'])).toEqual([
      { lang: 'zh', share: 2 / 3 },
      { lang: 'en', share: 1 / 3 },
    ]);
  });
});
