import { parseConversation } from './parse-conversation';

describe('parseConversation', () => {
  it('When the cell holds "Name: message" lines, Then each becomes a message and unprefixed lines continue the last', () => {
    expect(parseConversation('Mei: hi! how was the hike?\nTom: great: long, though\nthe view was worth it\n\nMei: nice')).toEqual([
      { id: 'm1', speaker: 'Mei', text: 'hi! how was the hike?', sentAt: null },
      { id: 'm2', speaker: 'Tom', text: 'great: long, though\nthe view was worth it', sentAt: null },
      { id: 'm3', speaker: 'Mei', text: 'nice', sentAt: null },
    ]);
  });

  it('When lines carry [date time] stamps, Then they become times (UTC when no zone is given)', () => {
    const messages = parseConversation('[2024-01-02 10:00] Mei: hi\r\n[2024-01-02 10:05:30] Tom: hey')!;
    expect(messages.map((m) => m.sentAt!.toISOString())).toEqual(['2024-01-02T10:00:00.000Z', '2024-01-02T10:05:30.000Z']);
    expect(() => parseConversation('[2024-13-45 99:00] Mei: hi')).toThrow(/unreadable time/);
  });

  it('When the cell holds a JSON array, Then speaker or sender, text and at are read', () => {
    const messages = parseConversation('[{"sender":"Mei","text":"hi","at":"2024-01-02T10:00:00Z"},{"speaker":"Tom","text":"hey","at":1704189900000}]')!;
    expect(messages).toEqual([
      { id: 'm1', speaker: 'Mei', text: 'hi', sentAt: new Date('2024-01-02T10:00:00Z') },
      { id: 'm2', speaker: 'Tom', text: 'hey', sentAt: new Date(1704189900000) },
    ]);
  });

  it('When the cell is blank, Then there is no conversation; when it is malformed, Then it says why', () => {
    expect(parseConversation('')).toBeNull();
    expect(parseConversation(null)).toBeNull();
    expect(() => parseConversation('hello there')).toThrow('conversation line 1 is not "Name: message"');
    expect(() => parseConversation('[{"text": "hi"}]')).toThrow(/message 1 has no speaker/);
    expect(() => parseConversation('[{"speaker": "Mei", "text": 3}]')).toThrow(/message 1 has no text/);
    expect(() => parseConversation('[{"speaker": "Mei", "text": "hi"')).toThrow(/not valid JSON/);
    expect(() => parseConversation('[]')).toThrow(/no message/);
  });
});
