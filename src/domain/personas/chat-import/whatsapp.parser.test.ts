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

describe('WhatsApp Android export', () => {
  it('When a US 12-hour export is read, Then senders, times, multi-line joins, media and system lines come out right', () => {
    const result = parseChatLog(readSample('whatsapp-android-us.txt'), 'WHATSAPP');

    expect(result.format).toBe('WHATSAPP');
    expect(result.participants).toEqual(['Alex', '小雨']);
    // Encryption notice, group created, member added, subject renamed, message deleted.
    expect(result.skippedSystemLines).toBe(5);
    expect(messageRows(result.messages)).toEqual([
      [4, 'Alex', '2023-12-30T20:17:00.000Z', 'text', 'Hey! Are we still on for hiking tomorrow? 🥾'],
      [5, '小雨', '2023-12-30T20:20:00.000Z', 'text', '当然！我已经准备好了 😆'],
      [6, '小雨', '2023-12-30T20:21:00.000Z', 'text', 'Packing list:\n- water 💧\n- snacks (辣条!!)\n- sunscreen'],
      [10, 'Alex', '2023-12-30T20:22:00.000Z', 'media', '[media: unknown]'],
      [11, 'Alex', '2023-12-30T20:22:00.000Z', 'text', 'Found this trail map 👆'],
      [12, '小雨', '2023-12-30T23:59:00.000Z', 'text', '晚安～明天见 🌙'],
      [14, 'Alex', '2023-12-31T07:02:00.000Z', 'text', 'Good morning ☀️ Leaving in 10'],
      [16, '小雨', '2023-12-31T07:04:00.000Z', 'text', '等我一下！5 min'],
      [17, '小雨', '2023-12-31T12:30:00.000Z', 'media', '[media: image]\n山顶的风景太美了 😍'],
      [19, 'Alex', '2023-12-31T12:31:00.000Z', 'text', 'Wow 🤩 send me the rest later?'],
      [20, '小雨', '2023-12-31T21:41:00.000Z', 'text', '今天超开心，谢谢你 ❤️'],
    ]);
    expect(result.messages.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('When a European 24-hour export saved with a BOM and CRLF is read, Then dates are day-first and line breaks inside messages survive', () => {
    const result = parseChatLog(readSample('whatsapp-android-eu.txt'), 'WHATSAPP');

    expect(result.participants).toEqual(['Sophie', '陈伟']);
    expect(result.skippedSystemLines).toBe(2);
    expect(messageRows(result.messages)).toEqual([
      [2, 'Sophie', '2024-01-03T09:12:00.000Z', 'text', 'Bonjour ! Did you land ok? ✈️'],
      [3, '陈伟', '2024-01-03T09:30:00.000Z', 'text', '到了到了 🙌\n刚出海关，好累\n\n明天见？'],
      [7, '陈伟', '2024-01-03T09:31:00.000Z', 'media', '[media: unknown]'],
      [8, 'Sophie', '2024-01-03T09:33:00.000Z', 'text', '😂😂😂'],
      [9, 'Sophie', '2024-01-05T18:45:00.000Z', 'media', '[media: location]'],
      [10, 'Sophie', '2024-01-05T18:46:00.000Z', 'text', 'Meet me here at 7?'],
      [11, '陈伟', '2024-01-05T18:50:00.000Z', 'text', "好的 👌 I'll be there"],
      [12, '陈伟', '2024-01-14T22:05:00.000Z', 'media', '[media: voice]'],
      [14, 'Sophie', '2024-01-14T22:10:00.000Z', 'text', 'Bonne nuit 😘'],
    ]);
  });

  it('When no day in the file passes 12 and the clock is 24-hour, Then dates are read day-first', () => {
    const result = parseChatLog('03/04/2024, 09:00 - Mei: 早\n05/04/2024, 21:00 - Alex: night', 'WHATSAPP');
    expect(result.messages.map((m) => m.sentAt?.toISOString())).toEqual(['2024-04-03T09:00:00.000Z', '2024-04-05T21:00:00.000Z']);
  });

  it('When no day in the file passes 12 and the clock is 12-hour, Then dates are read month-first as US phones write them', () => {
    const result = parseChatLog('3/4/24, 9:00 AM - Mei: morning\n3/5/24, 9:00 PM - Alex: night', 'WHATSAPP');
    expect(result.messages.map((m) => m.sentAt?.toISOString())).toEqual(['2024-03-04T09:00:00.000Z', '2024-03-05T21:00:00.000Z']);
  });

  it('When a Chinese-locale export writes year-first dates and 下午 before the time, Then times are read on the 24-hour clock', () => {
    const result = parseChatLog('2023/12/31 下午9:41 - 小雨: 新年快乐 🎉\n2024/1/1 上午12:05 - Alex: 你也是！', 'WHATSAPP');
    expect(messageRows(result.messages)).toEqual([
      [1, '小雨', '2023-12-31T21:41:00.000Z', 'text', '新年快乐 🎉'],
      [2, 'Alex', '2024-01-01T00:05:00.000Z', 'text', '你也是！'],
    ]);
  });

  it('When the caller gives the export time zone, Then local times become the right instants', () => {
    const result = parseChatLog('31/12/2023, 21:41 - 小雨: 新年快乐', 'WHATSAPP', { timeZoneOffsetMinutes: 480 });
    expect(result.messages[0]!.sentAt?.toISOString()).toBe('2023-12-31T13:41:00.000Z');
  });

  it('When a group subject containing ": " is changed, Then the notice is a system line, not a message from a strange sender', () => {
    const result = parseChatLog(
      '31/12/2023, 10:00 - Alex changed the subject from "Trip" to "Trip: Japan 🇯🇵"\n31/12/2023, 10:01 - Alex: 🎉',
      'WHATSAPP',
    );
    expect(result.participants).toEqual(['Alex']);
    expect(result.skippedSystemLines).toBe(1);
  });

  it('When a German export writes dotted dates, Then they are read day-first', () => {
    const result = parseChatLog('24.12.23, 18:30 - Oma: Frohe Weihnachten 🎄\n25.12.23, 09:15 - 小雨: 圣诞快乐！', 'WHATSAPP');
    expect(result.messages.map((m) => m.sentAt?.toISOString())).toEqual(['2023-12-24T18:30:00.000Z', '2023-12-25T09:15:00.000Z']);
  });

  it('When a message could not be decrypted or was a view-once photo, Then the first is skipped and the second is media', () => {
    const content = '31/12/2023, 10:00 - Mei: Waiting for this message. This may take a while.\n31/12/2023, 10:01 - Mei: null\n31/12/2023, 10:02 - Mei: 看到了吗';
    const result = parseChatLog(content, 'WHATSAPP');
    expect(result.skippedSystemLines).toBe(1);
    expect(result.messages.map((m) => [m.kind, m.text])).toEqual([['media', '[media: unknown]'], ['text', '看到了吗']]);
  });

  it('When a phone number is the sender, Then the invisible direction marks around it are removed', () => {
    const result = parseChatLog('31/12/2023, 10:00 - \u202a+86 138 0013 8000\u202c: 你好', 'WHATSAPP');
    expect(result.participants).toEqual(['+86 138 0013 8000']);
  });
});

describe('WhatsApp iOS export', () => {
  it('When an iOS export is read, Then bracketed timestamps with seconds, marked notices and attachments are understood', () => {
    const result = parseChatLog(readSample('whatsapp-ios.txt'), 'WHATSAPP');

    expect(result.participants).toEqual(['Alex', '小雨']);
    // Encryption notice, deleted message, missed call.
    expect(result.skippedSystemLines).toBe(3);
    expect(messageRows(result.messages)).toEqual([
      [2, 'Alex', '2023-12-31T21:40:15.000Z', 'text', '新年快乐提前说！🎆'],
      [3, '小雨', '2023-12-31T21:41:05.000Z', 'text', '哈哈 谢谢～\n你今晚在哪里跨年？'],
      [5, '小雨', '2023-12-31T21:41:30.000Z', 'media', '[media: image]'],
      [6, 'Alex', '2023-12-31T21:42:00.000Z', 'media', '[media: image]'],
      [7, 'Alex', '2023-12-31T21:43:10.000Z', 'text', 'At the Bund with friends 🥳'],
      [8, '小雨', '2023-12-31T21:44:00.000Z', 'media', '[media: sticker]'],
      [10, '小雨', '2024-01-01T00:00:03.000Z', 'text', 'Happy New Year!!! 🎉🎉 新年快乐 ❤️'],
      [12, 'Alex', '2024-01-01T00:02:40.000Z', 'media', '[media: voice]'],
      [13, 'Alex', '2024-01-01T00:03:15.000Z', 'text', '🥹❤️'],
    ]);
  });

  it('When an iOS group notice has no sender, Then it is skipped with any lines under it', () => {
    const content = '[31/12/2023, 10:00:00] Alex: 大家好\n\u200e[31/12/2023, 10:01:00] \u200eAlex changed the group description\nBring snacks: lots\n[31/12/2023, 10:02:00] 小雨: 👍';
    const result = parseChatLog(content, 'WHATSAPP');
    expect(result.skippedSystemLines).toBe(1);
    expect(result.messages.map((m) => [m.sender, m.text])).toEqual([['Alex', '大家好'], ['小雨', '👍']]);
  });

  it('When a US iOS export uses a 12-hour clock with seconds, Then the afternoon is read correctly', () => {
    const result = parseChatLog('[12/31/23, 9:41:05\u202fPM] Alice: hi 👋', 'WHATSAPP');
    expect(result.messages[0]!.sentAt?.toISOString()).toBe('2023-12-31T21:41:05.000Z');
  });
});

describe('Malformed WhatsApp exports', () => {
  it('When the first line is not a WhatsApp line, Then the error names line 1', () => {
    const error = parseError(() => parseChatLog('this is not\na whatsapp export', 'WHATSAPP'));
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^line 1: expected a WhatsApp line/);
  });

  it('When blank lines precede a bad first line, Then the error names the first non-empty line', () => {
    expect(parseError(() => parseChatLog('\n\nhello there\n31/12/2023, 10:00 - A: b', 'WHATSAPP')).line).toBe(3);
  });

  it('When a timestamp names a day that does not exist, Then the error names its line', () => {
    const content = '31/12/2023, 10:00 - Mei: a\n31/12/2023, 10:01 - Alex: b\n31/02/2024, 10:02 - Mei: c';
    const error = parseError(() => parseChatLog(content, 'WHATSAPP'));
    expect(error.line).toBe(3);
    expect(error.reason).toContain('31/02/2024, 10:02');
  });

  it('When the export holds only system lines, Then it fails as having no messages', () => {
    const content = '31/12/2023, 10:00 - Messages and calls are end-to-end encrypted.\n31/12/2023, 10:00 - Alex created group "x"';
    expect(parseError(() => parseChatLog(content, 'WHATSAPP')).reason).toMatch(/no messages/);
  });
});
