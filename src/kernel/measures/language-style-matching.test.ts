import { prepareConversation, type ConversationMessage } from './conversation';
import { categoryBit, categoryMask, functionWordPieces } from './function-words';
import { languageStyleMatching, lsmCategoryScore } from './language-style-matching';

const chat = (lines: [string, string][]): ConversationMessage[] =>
  lines.map(([speaker, text], i) => ({ id: `t${i + 1}`, speaker, text }));

const percentOf = (lsm: ReturnType<typeof languageStyleMatching>, category: string) =>
  lsm.categories.find((c) => c.category === category)!;

describe('languageStyleMatching', () => {
  it('follows the published formula on a worked example', () => {
    // Ana, 9 words: i think the dog is not in the house
    //   personal pronouns  i        1/9 = 11.1111%
    //   articles           the the  2/9 = 22.2222%
    //   prepositions       in       1/9 = 11.1111%
    //   auxiliary verbs    is       1/9 = 11.1111%
    //   negations          not      1/9 = 11.1111%
    // Ben, 11 words: we really love the park and we go there a lot
    //   personal pronouns  we we          2/11 = 18.1818%
    //   articles           the a          2/11 = 18.1818%
    //   adverbs            really there   2/11 = 18.1818%
    //   conjunctions       and            1/11 =  9.0909%
    //   quantifiers        lot            1/11 =  9.0909%
    // Per category, 1 − |p1 − p2| / (p1 + p2 + 0.0001):
    //   personal pronouns  1 − 7.0707 / 29.2930 = 0.7586
    //   impersonal         both 0%: 1 − 0 / 0.0001 = 1
    //   articles           1 − 4.0404 / 40.4041 = 0.9000
    //   prepositions, auxiliaries, negations: 1 − 11.1111 / 11.1112 = 0.0000 (9e-6)
    //   adverbs            1 − 18.1818 / 18.1819 = 0.0000 (5e-6)
    //   conjunctions, quantifiers: 1 − 9.0909 / 9.0910 = 0.0000 (1.1e-5)
    // LSM = (0.758622 + 1 + 0.9 + 3 × 0.000009 + 0.000005 + 2 × 0.000011) / 9 = 0.2954
    const conv = prepareConversation(
      chat([
        ['Ana', 'I think the dog is not in the house.'],
        ['Ben', 'We really love the park and we go there a lot.'],
      ]),
    );
    const lsm = languageStyleMatching(conv);

    const expectedPercent: Record<string, [number, number]> = {
      personalPronouns: [100 / 9, 200 / 11],
      impersonalPronouns: [0, 0],
      articles: [200 / 9, 200 / 11],
      prepositions: [100 / 9, 0],
      auxiliaryVerbs: [100 / 9, 0],
      adverbs: [0, 200 / 11],
      conjunctions: [0, 100 / 11],
      negations: [100 / 9, 0],
      quantifiers: [0, 100 / 11],
    };
    for (const c of lsm.categories) {
      expect(c.percent[0]).toBeCloseTo(expectedPercent[c.category][0], 4);
      expect(c.percent[1]).toBeCloseTo(expectedPercent[c.category][1], 4);
    }
    expect(percentOf(lsm, 'personalPronouns').score).toBeCloseTo(0.7586, 4);
    expect(percentOf(lsm, 'impersonalPronouns').score).toBe(1);
    expect(percentOf(lsm, 'articles').score).toBeCloseTo(0.9, 4);
    expect(percentOf(lsm, 'prepositions').score).toBeCloseTo(0, 4);
    expect(lsm.overall.value).toBeCloseTo(0.2954, 4);
    expect(lsm.overall.n).toBe(2);
    expect(lsm.overall.messageIds).toEqual([]);
    expect(lsmCategoryScore(0, 0)).toBe(1);
  });

  it('gives 1 to two speakers who write the same thing', () => {
    const text = "Honestly I don't think we should go, but maybe some of them will come with us.";
    const lsm = languageStyleMatching(prepareConversation(chat([['Ana', text], ['Ben', text]])));
    expect(lsm.overall.value).toBe(1);
    expect(lsm.categories.every((c) => c.score === 1)).toBe(true);
  });

  it('scores a speaker who mirrors higher than one who does not', () => {
    const ana = [
      "I really think we should go to the beach, but it's not warm enough yet.",
      "Maybe we could go with some of your friends if they aren't busy.",
      'I was so tired after all that, and I never want to work on a Sunday again.',
    ];
    const mirror = [
      "I think so too, but I'm not sure it's warm enough for us yet.",
      'We could ask some of them, and maybe they will come with us.',
      "I know, I was really tired too and I don't want to do that again.",
    ];
    const terse = ['Beach sounds fun.', 'Friends busy probably.', 'Sundays terrible.'];
    const withMirror = languageStyleMatching(prepareConversation(chat(ana.flatMap((a, i) => [['Ana', a], ['Mei', mirror[i]]] as [string, string][]))));
    const withTerse = languageStyleMatching(prepareConversation(chat(ana.flatMap((a, i) => [['Ana', a], ['Jo', terse[i]]] as [string, string][]))));
    expect(withMirror.overall.value!).toBeGreaterThan(0.7);
    expect(withTerse.overall.value!).toBeLessThan(0.4);
    expect(withMirror.overall.value!).toBeGreaterThan(withTerse.overall.value!);
  });

  it('measures a Chinese pair, splitting glued segments and leaving articles at 0% (score 1)', () => {
    expect(functionWordPieces('我不')).toEqual(['我', '不']);
    expect(functionWordPieces('我爱你')).toEqual(['我', '爱', '你']);
    expect(functionWordPieces('很喜欢')).toEqual(['很', '喜欢']);
    expect(functionWordPieces('不知道')).toEqual(['不', '知道']);
    expect(functionWordPieces('其他')).toEqual(['其他']);
    expect(categoryMask('們') === 0).toBe(true); // a lone character that is not a word
    expect(categoryMask('我們') & categoryBit('personalPronouns')).toBeTruthy(); // traditional form
    expect(categoryMask('沒有') & categoryBit('negations')).toBeTruthy();

    const conv = prepareConversation(
      chat([
        ['美', '我不开心'], // 我不 | 开心 → 我 不 开心: personal 1, negation 1, 3 words
        ['明', '我们都很开心'], // 我们 | 都 | 很 | 开心: personal 1, adverb 2 (都 很), quantifier 1 (都), 4 words
      ]),
    );
    const lsm = languageStyleMatching(conv);
    expect(percentOf(lsm, 'personalPronouns').percent[0]).toBeCloseTo(100 / 3, 6);
    expect(percentOf(lsm, 'personalPronouns').percent[1]).toBeCloseTo(25, 6);
    expect(percentOf(lsm, 'negations').percent).toEqual([100 / 3, 0]);
    expect(percentOf(lsm, 'adverbs').percent).toEqual([0, 50]);
    expect(percentOf(lsm, 'quantifiers').percent).toEqual([0, 25]);
    expect(percentOf(lsm, 'articles')).toEqual({ category: 'articles', score: 1, percent: [0, 0] });
    // personal 1 − 8.3333/58.3334; articles, impersonal, prepositions, auxiliaries, conjunctions 1 each;
    // negations, adverbs, quantifiers ≈ 0.
    const personal = 1 - (100 / 3 - 25) / (100 / 3 + 25 + 0.0001);
    expect(lsm.overall.value).toBeCloseTo((personal + 5) / 9, 4);
  });

  it('is null when one side wrote nothing', () => {
    const lsm = languageStyleMatching(prepareConversation(chat([['Ana', 'Hello there, how are you?']])));
    expect(lsm.overall).toEqual({ value: null, n: 1, messageIds: [] });
    expect(lsm.categories.every((c) => c.score === null)).toBe(true);
    expect(languageStyleMatching(prepareConversation([]))).toEqual({
      overall: { value: null, n: 0, messageIds: [] },
      categories: expect.any(Array),
      windows: [],
    });
  });

  it('scores consecutive windows of windowSize messages', () => {
    const conv = prepareConversation(
      chat([
        ['Ana', 'I love it'],
        ['Ben', 'I love it'],
        ['Ana', 'We went to the park'],
        ['Ben', 'Pizza'],
        ['Ana', 'and then we left'],
      ]),
    );
    const lsm = languageStyleMatching(conv, { windowSize: 2 });
    expect(lsm.windows.map((w) => [w.fromIndex, w.toIndex, w.firstMessageId, w.lastMessageId])).toEqual([
      [0, 1, 't1', 't2'],
      [2, 3, 't3', 't4'],
      [4, 4, 't5', 't5'],
    ]);
    expect(lsm.windows[0].value).toBe(1);
    // "We went to the park" vs "Pizza": we / to / the are 0% for Ben (≈ 0 each); the six
    // categories neither used score 1 each.
    expect(lsm.windows[1].value).toBeCloseTo(6 / 9, 4);
    expect(lsm.windows[2].value).toBeNull(); // only Ana spoke in it

    const long = prepareConversation(chat(Array.from({ length: 45 }, (_, i) => [i % 2 ? 'Ben' : 'Ana', 'I think so'] as [string, string])));
    expect(languageStyleMatching(long).windows.map((w) => [w.fromIndex, w.toIndex])).toEqual([
      [0, 19],
      [20, 39],
      [40, 44],
    ]);
  });
});
