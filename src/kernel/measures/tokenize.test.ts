import { wordsOf } from './tokenize';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const bySegmenter = (text: string) => [...segmenter.segment(text)].filter((p) => p.isWordLike).map((p) => p.segment.toLowerCase());

describe('wordsOf', () => {
  it.each([
    "It's not my fault, I was busy!!",
    'I paid 3.5 dollars at 10:30, ok?',
    'Hello-world well-known 42nd, e.g. the U.S. team',
    "rock'n'roll and ' a quote '",
    'lol :) x2 — haha',
  ])('When plain ASCII text takes the fast path, Then it gives the segmenter’s words: %s', (text) => {
    expect(wordsOf(text)).toEqual(bySegmenter(text));
  });

  it('When text has Chinese, Then Chinese words come from Intl.Segmenter and English words stay whole', () => {
    expect(wordsOf('I think 我们 should try 火锅，好不好？😂')).toEqual(['i', 'think', '我们', 'should', 'try', '火锅', '好不好']);
  });
});
