import { hanClause, markerPattern, wholeMessagePattern } from './marker-pattern';

describe('markerPattern', () => {
  it('When an English phrase sits inside a longer word, Then it does not match; next to Chinese or punctuation it does', () => {
    const we = markerPattern(['we']);
    expect(['we', 'We!', '我们we一起', '(we)'].map((t) => we.test(t))).toEqual([true, true, true, true]);
    expect(['western', 'owe', 'awesome', "we'"].map((t) => we.test(t))).toEqual([false, false, false, true]);
  });

  it('When a phrase has a space or an apostrophe, Then any whitespace and a straight, curly or missing apostrophe match', () => {
    const youre = markerPattern(["you're so"]);
    expect(["you're so", 'you’re  so', 'youre so', 'YOURE\nSO'].every((t) => youre.test(t))).toBe(true);
    expect(markerPattern(["let[’']s"]).test('lets go')).toBe(false);
  });

  it('When Chinese entries are given, Then they match as substrings', () => {
    expect(markerPattern([], ['谢谢']).test('好的谢谢你')).toBe(true);
  });

  it('When a list is empty, Then it matches nothing', () => {
    expect(markerPattern([]).test('anything')).toBe(false);
  });
});

describe('wholeMessagePattern', () => {
  it('When a message is only the listed words, repeated or punctuated, Then it matches; with anything else it does not', () => {
    const minimal = wholeMessagePattern(['ok', 'fine'], ['嗯+']);
    expect(['ok', 'ok.', 'Fine, ok', '嗯嗯', ' 嗯。'].every((t) => minimal.test(t))).toBe(true);
    expect(['ok ❤️', 'ok see you', 'okay', '嗯好'].some((t) => minimal.test(t))).toBe(false);
  });
});

describe('hanClause', () => {
  it('When a Chinese word stands as its own clause, Then it matches; inside a longer word it does not', () => {
    const right = new RegExp(hanClause(['对']), 'u');
    expect(['对', '对啊', '对对对', '对，我也这么想', 'ok对'].every((t) => right.test(t))).toBe(true);
    expect(['对不起', '对面', '不对劲', '面对'].some((t) => right.test(t))).toBe(false);
  });
});
