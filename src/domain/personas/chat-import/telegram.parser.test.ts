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

function chat(messages: unknown[]): string {
  return JSON.stringify({ name: 'Lin Yue 林月', type: 'personal_chat', id: 5550001, messages }, null, 1);
}

describe('Telegram JSON export', () => {
  it('When a result.json is read, Then rich text is flattened, media normalised with captions kept, and service messages skipped', () => {
    const result = parseChatLog(readSample('telegram-result.json'), 'TELEGRAM');

    expect(result.format).toBe('TELEGRAM');
    expect(result.participants).toEqual(['Lin Yue 林月', 'Max']);
    // The phone call and the pin.
    expect(result.skippedSystemLines).toBe(2);
    // The export was made at UTC+8; date_unixtime carries the exact instant.
    expect(messageRows(result.messages)).toEqual([
      [2, 'Lin Yue 林月', '2023-12-31T13:40:12.000Z', 'text', '你到了吗？外面好冷 🥶'],
      [3, 'Max', '2023-12-31T13:41:05.000Z', 'text', 'Almost! Check this place: https://maps.app.goo.gl/xyz — the hotpot is amazing 🍲'],
      [4, 'Lin Yue 林月', '2023-12-31T13:42:30.000Z', 'text', '好呀好呀\n我先去排队\n你快点 😤'],
      [5, 'Lin Yue 林月', '2023-12-31T13:45:00.000Z', 'media', '[media: sticker]'],
      [6, 'Max', '2023-12-31T13:47:10.000Z', 'media', '[media: image]\n排队的人好多 😱'],
      [8, 'Lin Yue 林月', '2023-12-31T15:59:58.000Z', 'media', '[media: voice]'],
      [9, 'Max', '2023-12-31T16:00:05.000Z', 'text', '🎆 Happy New Year @linyue! 新年快乐 ❤️'],
    ]);
  });

  it('When an older export has no date_unixtime, Then the local date is read with the caller time zone', () => {
    const content = chat([{ id: 1, type: 'message', date: '2023-12-31T21:41:05', from: 'Max', text: 'hi' }]);
    expect(parseChatLog(content, 'TELEGRAM', { timeZoneOffsetMinutes: 480 }).messages[0]!.sentAt?.toISOString()).toBe('2023-12-31T13:41:05.000Z');
    expect(parseChatLog(content, 'TELEGRAM').messages[0]!.sentAt?.toISOString()).toBe('2023-12-31T21:41:05.000Z');
  });

  it('When the sender account was deleted, Then the message is kept under "Deleted Account"', () => {
    const content = chat([{ id: 1, type: 'message', date: '2023-12-31T21:41:05', from: null, text: '还在吗' }]);
    expect(parseChatLog(content, 'TELEGRAM').participants).toEqual(['Deleted Account']);
  });

  it('When a file is sent as a document, Then it is document media', () => {
    const content = chat([{ id: 1, type: 'message', date: '2023-12-31T21:41:05', from: 'Max', file: 'files/menu.pdf', mime_type: 'application/pdf', text: '' }]);
    expect(parseChatLog(content, 'TELEGRAM').messages[0]).toMatchObject({ kind: 'media', text: '[media: document]' });
  });
});

describe('Malformed Telegram exports', () => {
  it('When the JSON is broken, Then the error names the line the JSON parser stopped at', () => {
    const content = '{\n "name": "Max",\n "messages": [\n  {"id": 1 "type": "message"}\n ]\n}';
    const error = parseError(() => parseChatLog(content, 'TELEGRAM'));
    expect(error.line).toBe(4);
    expect(error.reason).toMatch(/^not valid JSON/);
  });

  it('When the JSON is cut off, Then the error names the last line', () => {
    expect(parseError(() => parseChatLog('{\n "messages": [\n  {"id": 1,', 'TELEGRAM')).line).toBe(3);
  });

  it('When a message lacks its date, Then the error names the message position', () => {
    const content = chat([
      { id: 1, type: 'message', date: '2023-12-31T21:41:05', from: 'Max', text: 'hi' },
      { id: 2, type: 'message', from: 'Max', text: 'no date' },
    ]);
    const error = parseError(() => parseChatLog(content, 'TELEGRAM'));
    expect(error.line).toBe(2);
    expect(error.reason).toContain('date');
  });

  it('When the JSON is not a chat export, Then the error names line 1', () => {
    expect(parseError(() => parseChatLog('[1, 2, 3]', 'TELEGRAM')).line).toBe(1);
    expect(parseError(() => parseChatLog('{"name": "x"}', 'TELEGRAM')).reason).toMatch(/messages/);
  });

  it('When a whole-account export is uploaded, Then the error asks for the single chat export', () => {
    const content = JSON.stringify({ about: 'Here is the data you requested.', chats: { about: '', list: [{ name: 'Max', messages: [] }] } });
    expect(parseError(() => parseChatLog(content, 'TELEGRAM')).reason).toMatch(/whole-account Telegram export/);
  });

  it('When the chat has only service messages, Then it fails as having no messages', () => {
    const content = chat([{ id: 1, type: 'service', date: '2023-12-31T21:41:05', actor: 'Max', action: 'create_group', text: '' }]);
    expect(parseError(() => parseChatLog(content, 'TELEGRAM')).reason).toMatch(/no messages/);
  });
});
