import { detectChatLogFormat } from './detect-format';
import { readSample, type SampleName } from './samples/read-sample';

describe('Chat export format detection', () => {
  it.each<[SampleName, string]>([
    ['whatsapp-android-us.txt', 'WHATSAPP'],
    ['whatsapp-android-eu.txt', 'WHATSAPP'],
    ['whatsapp-ios.txt', 'WHATSAPP'],
    ['line-english.txt', 'LINE'],
    ['line-chinese.txt', 'LINE'],
    ['line-chinese-traditional.txt', 'LINE'],
    ['telegram-result.json', 'TELEGRAM'],
    ['plain.txt', 'PLAIN'],
  ])('When %s is uploaded, Then it is detected as %s', (name, format) => {
    expect(detectChatLogFormat(readSample(name))).toBe(format);
  });

  it('When a LINE group export starts with a day line instead of a title, Then it is still LINE', () => {
    expect(detectChatLogFormat('\n2024/01/15(Mon)\n10:00\tKenji\tこんにちは\n')).toBe('LINE');
  });

  it('When JSON mentions messages but is broken, Then it is Telegram so the parse error can name the line', () => {
    expect(detectChatLogFormat('{\n "messages": [ oops')).toBe('TELEGRAM');
  });

  it('When the content is prose, other JSON or empty, Then no format is detected', () => {
    expect(detectChatLogFormat('this is not\na chat export')).toBeNull();
    expect(detectChatLogFormat('{"users": []}')).toBeNull();
    expect(detectChatLogFormat('  \n\n')).toBeNull();
  });
});
