import { ImportParseError } from './import-parse.error';
import { parseChatLog } from './parse-chat-log';
import { messageRows } from './samples/message-rows';
import { readSample } from './samples/read-sample';

function parseError(run: () => unknown): ImportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportParseError) return error;
    throw error;
  }
  throw new Error('expected an ImportParseError');
}

describe('Plain "Name: message" lines', () => {
  it('When pasted lines are read, Then ASCII and full-width colons name the speaker, other lines continue the message, blank lines vanish', () => {
    const result = parseChatLog(readSample('plain.txt'), 'PLAIN');

    expect(result).toMatchObject({ format: 'PLAIN', participants: ['小雨', 'Alex'], skippedSystemLines: 0 });
    expect(messageRows(result.messages)).toEqual([
      [1, '小雨', null, 'text', '你到家了吗？'],
      [2, 'Alex', null, 'text', 'Just got in 🏠'],
      [3, 'Alex', null, 'text', 'The train was packed\nlike sardines 🐟'],
      [6, '小雨', null, 'text', '哈哈哈 辛苦啦 😂'],
      [7, '小雨', null, 'text', '明天记得带伞 ☔ https://weather.com.cn'],
      [8, 'Alex', null, 'text', 'Will do. Note to self: umbrella ☂️'],
      [9, 'Alex', null, 'text', 'Night night 🌙'],
    ]);
  });

  it('When a continuation line holds a colon inside a sentence, a URL or a clock time, Then it still continues the message', () => {
    const content = 'Mei: so\nthen she told me: no way 🙅\nhttps://example.com/a:b\n12:30 works\nAlex: ok';
    expect(messageRows(parseChatLog(content, 'PLAIN').messages)).toEqual([
      [1, 'Mei', null, 'text', 'so\nthen she told me: no way 🙅\nhttps://example.com/a:b\n12:30 works'],
      [5, 'Alex', null, 'text', 'ok'],
    ]);
  });

  it('When the first non-empty line names no speaker, Then the error names it', () => {
    const error = parseError(() => parseChatLog('\nhello there\nMei: hi', 'PLAIN'));
    expect(error).toMatchObject({ line: 2, reason: 'expected a "Name: message" line' });
  });

  it('When a WhatsApp export is declared plain, Then its timestamps are not taken for names and line 1 fails', () => {
    expect(parseError(() => parseChatLog(readSample('whatsapp-android-eu.txt'), 'PLAIN')).line).toBe(1);
    expect(parseError(() => parseChatLog('2023/12/31 下午9:41 - 小雨: 新年快乐', 'PLAIN')).line).toBe(1);
  });
});
