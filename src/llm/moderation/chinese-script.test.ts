import { chineseScriptOf, toSimplified } from './chinese-script';

describe('chinese script', () => {
  it('When traditional text is folded, Then it reads as simplified', () => {
    expect(toSimplified('我想自殺，活著沒意思')).toBe('我想自杀，活着没意思');
  });

  it('When text is simplified, Then folding leaves it unchanged', () => {
    expect(toSimplified('我想你了，什么时候见面？')).toBe('我想你了，什么时候见面？');
  });

  it('When text mixes scripts, emoji and lone surrogates, Then the whole is folded as its code points one by one', () => {
    const parts = ['殺', '殺', '著', '這', '样', 'a', ' ', '😂', '\uD83D', '\uDE02', '个', '們', '你', 'К', '，'];
    let state = 3;
    const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % parts.length);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + (n % 25) }, () => parts[next()]).join('');
      expect(toSimplified(text)).toBe([...text].map((char) => toSimplified(char)).join(''));
    }
    expect(toSimplified('殺😂著\uD83D們')).toBe('杀😂着\uD83D们');
  });

  it.each([
    ['想死你了，什麼時候見面？', 'traditional'],
    ['想死你了，什么时候见面？', 'simplified'],
    ['你好', 'simplified'],
    ['台北后天下雨', 'simplified'],
  ] as const)('When the script of "%s" is asked for, Then it is %s', (text, script) => {
    expect(chineseScriptOf(text)).toBe(script);
  });
});
