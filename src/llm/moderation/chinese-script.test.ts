import { chineseScriptOf, toSimplified } from './chinese-script';

describe('chinese script', () => {
  it('When traditional text is folded, Then it reads as simplified', () => {
    expect(toSimplified('我想自殺，活著沒意思')).toBe('我想自杀，活着没意思');
  });

  it('When text is simplified, Then folding leaves it unchanged', () => {
    expect(toSimplified('我想你了，什么时候见面？')).toBe('我想你了，什么时候见面？');
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
