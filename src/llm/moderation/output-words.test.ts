import { chineseTermsOf, CHINESE_TERM_PREFIXES, LONGEST_CHINESE_TERM_PREFIX } from './chinese-term-prefixes';
import { OutputWords } from './output-words';

const wordsOf = (pieces: string[]) => {
  const w = new OutputWords();
  const out = pieces.map((p) => w.push(p));
  return { out, rest: w.rest() };
};
/** The streaming bench's model reply: 6-character chunks that split words anywhere. */
const sixCharChunks = (text: string) => text.match(/[^]{1,6}/g)!;

describe('OutputWords', () => {
  it('When a reply streams in pieces that split words, Then each piece gives the words it completes, and only a word still being written is held', () => {
    const { out, rest } = wordsOf(['I had ', 'the lo', 'velies', 't afte', 'rnoon ', 'at the']);
    expect(out).toEqual([['I ', 'had '], ['the '], [], ['loveliest '], ['afternoon '], ['at ']]);
    expect(rest).toBe('the');
  });

  it('When the bench reply streams, Then nothing is lost or reordered and every released word is whole', () => {
    const text = 'I had the loveliest afternoon at the climbing gym, then we went for hot pot and laughed about it for hours. Tell me about yours! ';
    const { out, rest } = wordsOf(sixCharChunks(text));
    expect(out.flat().join('') + rest).toBe(text);
    for (const word of out.flat()) expect(text.split(/\s+/)).toContain(word.trim());
  });

  it('When Latin punctuation sits inside a word ("k!ll", "3.5", "e.g."), Then the word is held until whitespace ends it', () => {
    const w = new OutputWords();
    expect(w.push('I said k!')).toEqual(['I ', 'said ']);
    expect(w.push('ll it, 3.')).toEqual(['k!ll ', 'it, ']);
    expect(w.push('5 ')).toEqual(['3.5 ']);
  });

  it('When Chinese streams, Then each character is a word of its own, released as it comes', () => {
    const { out, rest } = wordsOf(['今天', '好开心。', '你呢']);
    // "天" may start "天台" (a jump-down rule), so it waits for the character after it.
    expect(out).toEqual([['今'], ['天', '好', '开', '心', '。'], ['你', '呢']]);
    expect(rest).toBe('');
  });

  it('When Chinese ends in the first characters of a rule term, Then they are held until the next characters decide, across punctuation and Traditional script', () => {
    const w = new OutputWords();
    expect(w.push('我觉得自')).toEqual(['我', '觉', '得']);
    expect(w.push('，')).toEqual([]);
    // "自杀" is complete (and checked); "杀" alone may still start "杀了".
    expect(w.push('杀')).toEqual(['自', '，']);
    expect(w.push('这件事')).toEqual(['杀', '这', '件', '事']);
    expect(w.push('一了百')).toEqual([]);
    expect(w.push('了吧')).toEqual(['一', '了', '百', '了', '吧']);
    expect(new OutputWords().push('他殺')).toEqual(['他']);
    expect(new OutputWords().push('自 ok ')).toEqual(['自 ', 'ok ']);
  });

  it('When a term could start anywhere in the last characters, Then at most the longest term prefix is held', () => {
    expect(LONGEST_CHINESE_TERM_PREFIX).toBeGreaterThan(1);
    expect(LONGEST_CHINESE_TERM_PREFIX).toBeLessThan(8);
    const w = new OutputWords();
    const out = w.push('我们说好了明天一起去公园有什么').join('');
    expect(out.length).toBeGreaterThanOrEqual('我们说好了明天一起去公园有什么'.length - LONGEST_CHINESE_TERM_PREFIX);
    expect(out + w.rest()).toBe('我们说好了明天一起去公园有什么');
  });

  it('When a "word" runs on without whitespace (a URL, emoji), Then it is cut after its last punctuation or kept back only a little, never inside a surrogate pair', () => {
    const url = `https://example.com/${'a'.repeat(70)}/path`;
    expect(new OutputWords().push(url)).toEqual([`https://example.com/${'a'.repeat(70)}/`]);
    const w = new OutputWords();
    const emoji = w.push('😀'.repeat(50)).join('');
    expect(emoji.length).toBeGreaterThan(60);
    expect(/[\ud800-\udbff]$/.test(emoji)).toBe(false);
    expect(emoji + w.rest()).toBe('😀'.repeat(50));
  });
});

describe('Chinese rule terms', () => {
  it('When a pattern is read, Then its terms are the runs of Chinese characters outside classes, groups and escapes', () => {
    expect(chineseTermsOf(/(?<![理梦你])想(?:去)?死|一了百了|跨性别者?\b/)).toEqual(['想', '去', '死', '一了百了', '跨性别者']);
    expect(CHINESE_TERM_PREFIXES.has('自')).toBe(true);
    expect(CHINESE_TERM_PREFIXES.has('一了百')).toBe(true);
    expect(CHINESE_TERM_PREFIXES.has('一了百了')).toBe(false);
  });
});
