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

describe('LINE export', () => {
  it('When an English export is read, Then day lines date the entries, quoted and unquoted multi-line messages join, and notices are skipped', () => {
    const result = parseChatLog(readSample('line-english.txt'), 'LINE');

    expect(result.format).toBe('LINE');
    expect(result.participants).toEqual(['Kenji', 'Mei']);
    // The unsent-message notice and the call log.
    expect(result.skippedSystemLines).toBe(2);
    expect(messageRows(result.messages)).toEqual([
      [5, 'Kenji', '2023-12-31T21:41:00.000Z', 'text', 'Are you watching the countdown? 🎆'],
      [6, 'Mei', '2023-12-31T21:42:00.000Z', 'text', 'Yes!! 紅白 is on 📺'],
      [7, 'Mei', '2023-12-31T21:43:00.000Z', 'media', '[media: sticker]'],
      [8, 'Kenji', '2023-12-31T21:45:00.000Z', 'text', 'Happy almost new year 🎉\nsee you at the shrine tomorrow?\nLet\'s meet at the "big" gate'],
      [11, 'Mei', '2023-12-31T21:46:00.000Z', 'media', '[media: image]'],
      [13, 'Mei', '2023-12-31T23:59:00.000Z', 'text', '新年快樂!!! 🥳'],
      [16, 'Kenji', '2024-01-01T00:01:00.000Z', 'text', 'Happy new year 😊'],
      [18, 'Mei', '2024-01-01T09:30:00.000Z', 'text', "I'm at the station\nnear the north exit"],
    ]);
  });

  it('When a Simplified Chinese export is read, Then its title, （周日） day lines and [贴图]/[照片] stand-ins are understood', () => {
    const result = parseChatLog(readSample('line-chinese.txt'), 'LINE');

    expect(result.participants).toEqual(['阿明', '小美']);
    expect(result.skippedSystemLines).toBe(1);
    expect(messageRows(result.messages)).toEqual([
      [5, '阿明', '2023-12-31T21:41:00.000Z', 'text', '你在看跨年晚会吗？🎆'],
      [6, '小美', '2023-12-31T21:42:00.000Z', 'text', '在看！！人好多 😂'],
      [7, '小美', '2023-12-31T21:43:00.000Z', 'media', '[media: sticker]'],
      [8, '阿明', '2023-12-31T21:45:00.000Z', 'text', '新年快乐🎉\n明天一起去爬山？\n十点见'],
      [11, '小美', '2023-12-31T21:46:00.000Z', 'media', '[media: image]'],
      [13, '小美', '2023-12-31T23:59:00.000Z', 'text', '新年快乐！！！🥳'],
      [16, '阿明', '2024-01-01T00:01:00.000Z', 'text', '新年快乐 😊'],
      [17, '小美', '2024-01-01T09:30:00.000Z', 'text', '我到车站了\n在北口等你'],
    ]);
  });

  it('When a Traditional Chinese export writes 上午/下午 before the time, Then times are read on the 24-hour clock and [貼圖] is a sticker', () => {
    const result = parseChatLog(readSample('line-chinese-traditional.txt'), 'LINE');

    expect(result.skippedSystemLines).toBe(1);
    expect(messageRows(result.messages)).toEqual([
      [5, '阿明', '2023-12-31T21:41:00.000Z', 'text', '妳在看跨年嗎？🎆'],
      [6, '小美', '2023-12-31T21:43:00.000Z', 'media', '[media: sticker]'],
      [7, '阿明', '2023-12-31T21:45:00.000Z', 'text', '新年快樂🎉\n明天一起去拜拜？'],
      [9, '小美', '2023-12-31T21:46:00.000Z', 'media', '[media: image]'],
      [11, '小美', '2023-12-31T23:59:00.000Z', 'text', '新年快樂!!! 🥳'],
      [14, '阿明', '2024-01-01T00:01:00.000Z', 'text', '新年快樂 😊'],
      [15, '小美', '2024-01-01T09:30:00.000Z', 'text', '我到車站了'],
    ]);
  });

  it('When an Android English export writes "Sun, 12/31/2023" day lines and 12-hour times, Then both are read', () => {
    const content = '[LINE] Chat history with Mei\nSaved on: 1/2/2024 10:15\n\nSun, 12/31/2023\n09:41PM\tKenji\thi 👋\n9:42 PM\tMei\t[Voice message]\n';
    expect(messageRows(parseChatLog(content, 'LINE').messages)).toEqual([
      [5, 'Kenji', '2023-12-31T21:41:00.000Z', 'text', 'hi 👋'],
      [6, 'Mei', '2023-12-31T21:42:00.000Z', 'media', '[media: voice]'],
    ]);
  });

  it('When a group export has no title and join notices without a sender column, Then the notices are skipped', () => {
    const content = '2024/01/15(Mon)\n10:00\tKenji joined the group.\n10:01\tKenji\tこんにちは 🙇\n';
    const result = parseChatLog(content, 'LINE');
    expect(result.skippedSystemLines).toBe(1);
    expect(result.participants).toEqual(['Kenji']);
  });

  it('When a message merely starts with a quote that never closes, Then it stays one message and the next entry is not swallowed', () => {
    const content = '2024.01.01 Monday\n10:00\tMei\t"best day ever\n10:01\tKenji\tagreed 😄 "really"\n';
    expect(messageRows(parseChatLog(content, 'LINE').messages)).toEqual([
      [2, 'Mei', '2024-01-01T10:00:00.000Z', 'text', '"best day ever'],
      [3, 'Kenji', '2024-01-01T10:01:00.000Z', 'text', 'agreed 😄 "really"'],
    ]);
  });

  it('When the caller gives the export time zone, Then local times become the right instants', () => {
    const result = parseChatLog(readSample('line-chinese.txt'), 'LINE', { timeZoneOffsetMinutes: 480 });
    expect(result.messages[0]!.sentAt?.toISOString()).toBe('2023-12-31T13:41:00.000Z');
  });
});

describe('Malformed LINE exports', () => {
  it('When a line under the title is neither a saved-on line, a day line nor an entry, Then the error names it', () => {
    const error = parseError(() => parseChatLog('[LINE] Chat history with Mei\nSaved on: 2024/01/02 10:15\nsomething odd\n2024.01.01 Monday\n10:00\tMei\thi', 'LINE'));
    expect(error.line).toBe(3);
  });

  it('When an entry comes before any day line, Then the error names it', () => {
    const error = parseError(() => parseChatLog('[LINE] Chat history with Mei\n\n10:00\tMei\thi', 'LINE'));
    expect(error).toMatchObject({ line: 3, reason: 'message before any date line' });
  });

  it('When an entry has an impossible time, Then the error names its line', () => {
    const error = parseError(() => parseChatLog('2024.01.01 Monday\n10:00\tMei\thi\n25:61\tKenji\tyo', 'LINE'));
    expect(error.line).toBe(3);
    expect(error.reason).toContain('25:61');
  });

  it('When the file is a WhatsApp export, Then the error names line 1', () => {
    expect(parseError(() => parseChatLog(readSample('whatsapp-ios.txt'), 'LINE')).line).toBe(1);
  });
});
