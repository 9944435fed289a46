import { graphemesOf } from './graphemes';

const segmented = (text: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

describe('graphemesOf', () => {
  it('When text is plain ASCII, Latin or CJK, Then the quick split matches full segmentation', () => {
    for (const text of ['Sounds good, see you at 7!', 'Zoë’s café', '好的呀～今天吃什么？', 'それなwww', '']) {
      expect(graphemesOf(text)).toEqual(segmented(text));
    }
  });

  it('When text has combining marks, CRLF or emoji sequences, Then each user-perceived character is one item', () => {
    expect(graphemesOf('cafe\u0301')).toEqual(['c', 'a', 'f', 'e\u0301']);
    expect(graphemesOf('か\u3099')).toEqual(['か\u3099']);
    expect(graphemesOf('a\r\nb')).toEqual(['a', '\r\n', 'b']);
    expect(graphemesOf('hi 👋🏽👨‍👩‍👧')).toEqual(['h', 'i', ' ', '👋🏽', '👨‍👩‍👧']);
  });
});
