import { ImportParseError, ImportTooLargeError } from './import-parse.error';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_MESSAGES, parseChatLog } from './parse-chat-log';
import { SAMPLE_NAMES, readSample } from './samples/read-sample';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseChatLog', () => {
  it('When the format is AUTO, Then each sample is parsed as the format it is in', () => {
    const formats = SAMPLE_NAMES.map((name) => parseChatLog(readSample(name), 'AUTO').format);
    expect(formats).toEqual(['WHATSAPP', 'WHATSAPP', 'WHATSAPP', 'LINE', 'LINE', 'LINE', 'TELEGRAM', 'PLAIN']);
  });

  it('When the same export is parsed twice, Then the results are identical, so re-imports deduplicate', () => {
    for (const name of SAMPLE_NAMES) {
      const content = readSample(name);
      const first = parseChatLog(content, 'AUTO', { timeZoneOffsetMinutes: 480 });
      const second = parseChatLog(content, 'AUTO', { timeZoneOffsetMinutes: 480 });
      expect(second).toEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it('When an export is saved with CRLF line endings and a BOM, Then it parses exactly like the LF original', () => {
    for (const name of ['whatsapp-android-us.txt', 'whatsapp-ios.txt', 'line-english.txt', 'plain.txt'] as const) {
      const lf = readSample(name);
      const windows = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
      expect(parseChatLog(windows, 'AUTO')).toEqual(parseChatLog(lf, 'AUTO'));
    }
  });

  it('When AUTO finds no known format, Then line 1 is reported as unrecognised', () => {
    const error = thrown(() => parseChatLog('this is not\na chat export', 'AUTO'));
    expect(error).toBeInstanceOf(ImportParseError);
    expect(error).toMatchObject({ line: 1, message: expect.stringMatching(/^line 1: unrecognised chat export format/) });
  });

  it('When the file is empty or blank, Then line 1 is reported', () => {
    expect(thrown(() => parseChatLog('', 'AUTO'))).toMatchObject({ line: 1, reason: 'the file is empty' });
    expect(thrown(() => parseChatLog('\ufeff \r\n', 'PLAIN'))).toMatchObject({ line: 1, reason: 'the file is empty' });
  });

  it.each([
    ['WHATSAPP', 'line-english.txt'],
    ['LINE', 'telegram-result.json'],
    ['TELEGRAM', 'whatsapp-android-us.txt'],
    ['PLAIN', 'line-chinese.txt'],
  ] as const)('When a file is declared %s but is %s, Then it fails at line 1', (format, name) => {
    expect(thrown(() => parseChatLog(readSample(name), format))).toMatchObject({ line: 1 });
  });

  it('When the content is over maxBytes in UTF-8, Then it is refused before parsing, even though it has fewer characters than the limit', () => {
    const content = `Mei: ${'好'.repeat(400)}`; // 405 characters, 1205 bytes
    const error = thrown(() => parseChatLog(content, 'PLAIN', { maxBytes: 1000 }));
    expect(error).toBeInstanceOf(ImportTooLargeError);
    expect(error).toMatchObject({ limit: 'bytes', max: 1000 });
    // Refused before parsing: garbage of the same size is too large, not malformed.
    expect(thrown(() => parseChatLog('x'.repeat(1001), 'WHATSAPP', { maxBytes: 1000 }))).toMatchObject({ limit: 'bytes' });
    expect(parseChatLog(content, 'PLAIN', { maxBytes: 1205 }).messages).toHaveLength(1);
  });

  it('When an export has more messages than maxMessages, Then it is refused; exactly the limit is fine', () => {
    const content = readSample('whatsapp-android-us.txt'); // 11 messages
    expect(thrown(() => parseChatLog(content, 'AUTO', { maxMessages: 10 }))).toMatchObject({ limit: 'messages', max: 10 });
    expect(parseChatLog(content, 'AUTO', { maxMessages: 11 }).messages).toHaveLength(11);
  });

  it('When no limits are given, Then 5 MiB and 50 000 messages apply', () => {
    expect(DEFAULT_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(DEFAULT_MAX_MESSAGES).toBe(50_000);
    expect(thrown(() => parseChatLog('a'.repeat(DEFAULT_MAX_BYTES + 1), 'PLAIN'))).toMatchObject({ limit: 'bytes', max: DEFAULT_MAX_BYTES });
    const many = Array.from({ length: DEFAULT_MAX_MESSAGES + 1 }, (_, i) => `Mei: ${i}`).join('\n');
    expect(thrown(() => parseChatLog(many, 'PLAIN'))).toMatchObject({ limit: 'messages', max: DEFAULT_MAX_MESSAGES });
  });

  it('When errors are raised, Then they carry their fields and readable messages', () => {
    const parse = new ImportParseError(7, 'bad line');
    expect(parse).toMatchObject({ name: 'ImportParseError', line: 7, reason: 'bad line', message: 'line 7: bad line' });
    expect(new ImportTooLargeError('messages', 10)).toMatchObject({ name: 'ImportTooLargeError', limit: 'messages', max: 10 });
  });
});
