import { textFacts, wordsOf } from './tokenize';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].filter((p) => p.isWordLike).map((p) => p.segment.toLowerCase());

describe('wordsOf', () => {
  it.each([
    "It's not my fault, I was busy!!",
    'I paid 3.5 dollars at 10:30, ok?',
    'Hello-world well-known 42nd, e.g. the U.S. team',
    "rock'n'roll and ' a quote '",
    'x _ y, __init__ and a_b _c',
    'lol :) x2 — haha',
  ])('When plain ASCII text takes the fast path, Then it gives the segmenter’s words: %s', (text) => {
    expect(wordsOf(text)).toEqual(bySegmenter(text));
  });

  const mixed = [
    '我今天去了Starbucks，点了一杯latte😂 3点见？',
    '你呢？I’m fine！don’t worry',
    '1，2，3 好不好；a：b 还是 a: b',
    '第1名和第2名……都是我们的❤️👍🏻',
    '呵呵。。。“随便”（你）《说》【的】「对」～',
    'snake_case 不错，_ 也行',
    '今天は晴れ 很开心 café',
  ];

  it.each(mixed)('When Chinese or mixed text is tokenised (Han runs apart, or whole), Then it gives the segmenter’s words: %s', (text) => {
    expect(wordsOf(text)).toEqual(bySegmenter(text));
  });

  it('When many texts share segmenter calls, Then each gets its own words', () => {
    const texts = Array.from({ length: 60 }, (_, i) => mixed[i % mixed.length] + '我'.repeat(i % 5));
    expect(textFacts(texts).map((f) => f.words)).toEqual(texts.map(bySegmenter));
  });

  it('When text has Chinese, Then Chinese words come from Intl.Segmenter and English words stay whole', () => {
    expect(wordsOf('I think 我们 should try 火锅，好不好？😂')).toEqual(['i', 'think', '我们', 'should', 'try', '火锅', '好不好']);
  });
});
