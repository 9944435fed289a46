import { OutputWindows, SENTENCE_WINDOWS, type WindowSizes } from './output-windows';

/** Small windows, to see the cut at a space when a reply has no punctuation. */
const PHRASES: WindowSizes = { minChars: 12, wordCutChars: 16, maxChars: 80 };

const windowsOf = (pieces: string[], sizes: WindowSizes = SENTENCE_WINDOWS) => {
  const w = new OutputWindows(sizes);
  const out = pieces.flatMap((p) => w.push(p));
  return { out, rest: w.rest() };
};
const words = (text: string) => text.match(/\S+\s*/g)!;

describe('OutputWindows', () => {
  it('When a reply streams in word pieces, Then sentence windows end at sentence or clause ends and nothing is lost or reordered', () => {
    const text = 'Morning! I slept badly, the neighbours were loud again. Did you get the tickets? Let me know tonight';
    const { out, rest } = windowsOf(words(text));
    expect(out).toEqual(['Morning! I slept badly, ', 'the neighbours were loud again. ', 'Did you get the tickets? ']);
    expect(rest).toBe('Let me know tonight');
    expect(out.join('') + rest).toBe(text);
  });

  it('When windows are small, Then a reply without punctuation still streams a few words at a time', () => {
    const text = 'Stub reply to what do you think about moving in together someday';
    const { out, rest } = windowsOf(words(text), PHRASES);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const w of out) expect(w.length).toBeLessThanOrEqual(PHRASES.maxChars);
    expect(out.join('') + rest).toBe(text);
  });

  it('When a sentence end is not yet followed by anything, or is a decimal point, Then the window stays open', () => {
    const w = new OutputWindows(SENTENCE_WINDOWS);
    expect(w.push('The rent went up by 3.5 percent this year.')).toEqual([]);
    expect(w.push(' Wow')).toEqual(['The rent went up by 3.5 percent this year. ']);
  });

  it('When Chinese text streams, Then its full-width punctuation ends windows (a short clause joins the next)', () => {
    const { out, rest } = windowsOf(['今天真的好累啊。', '工作一直做不完，老板还一直催我交报告。', '你晚上想吃什么？', '我都可以']);
    expect(out).toEqual(['今天真的好累啊。工作一直做不完，老板还一直催我交报告。']);
    expect(rest).toBe('你晚上想吃什么？我都可以');
    expect(windowsOf(['今天真的好累啊。', '工作一直做不完，老板还一直催我交报告。'], PHRASES)).toEqual({ out: ['今天真的好累啊。工作一直做不完，'], rest: '老板还一直催我交报告。' });
  });

  it('When text runs on without a sentence end, Then windows end at a space within the size limit, never inside a surrogate pair', () => {
    const { out } = windowsOf([Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')]);
    expect(out.length).toBeGreaterThan(0);
    for (const w of out) {
      expect(w.length).toBeLessThanOrEqual(SENTENCE_WINDOWS.maxChars);
      expect(w.endsWith(' ')).toBe(true);
    }
    const emoji = windowsOf(['😀'.repeat(100)]).out;
    expect(emoji.length).toBeGreaterThan(0);
    expect(emoji.every((w) => !/[\ud800-\udbff]$/.test(w))).toBe(true);
  });
});
