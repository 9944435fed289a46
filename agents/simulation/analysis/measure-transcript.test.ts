import { measureTranscript, type SidedLine } from './measure-transcript';

const line = (id: string, side: SidedLine['side'], text: string, sentAt?: Date | null): SidedLine => ({ id, side, text, sentAt });

describe('measureTranscript', () => {
  it('When two sides talk, Then speakers are [self, partner] and citations are the lines’ ids', () => {
    const m = measureTranscript([line('a', 'self', 'Sorry I was late, haha'), line('b', 'partner', 'No worries! How was work?'), line('c', 'self', 'Long. Thank you for waiting ❤️')], { self: 'Alex', partner: 'Mei' });
    expect(m.speakers).toEqual(['Alex', 'Mei']);
    expect(m.messages).toBe(3);
    expect(m.perSpeaker[0].warmth.apology.messageIds).toEqual(['a']);
    expect(m.perSpeaker[0].warmth.gratitude.messageIds).toEqual(['c']);
  });

  it('When both personas have the same name, Then the two sides are still told apart', () => {
    const m = measureTranscript([line('a', 'self', 'hi'), line('b', 'partner', 'hello')], { self: 'Sam', partner: 'Sam' });
    expect(m.speakers).toEqual(['Sam', 'Sam (partner)']);
    expect(m.perSpeaker.map((s) => s.reciprocity.messages)).toEqual([1, 1]);
  });

  // Odd but possible stored data: none of it may throw, an episode's score depends on it.
  it.each<[string, SidedLine[], { self: string; partner: string }]>([
    ['no lines', [], { self: 'Alex', partner: 'Mei' }],
    ['one side only', [line('a', 'self', 'anyone there?'), line('b', 'self', 'hello?')], { self: 'Alex', partner: 'Mei' }],
    ['empty and blank texts', [line('a', 'self', ''), line('b', 'partner', '   \n ')], { self: 'Alex', partner: 'Mei' }],
    ['a missing text', [line('a', 'self', undefined as never), line('b', 'partner', 'ok')], { self: 'Alex', partner: 'Mei' }],
    ['emoji, punctuation and CJK only', [line('a', 'self', '😂😂😂'), line('b', 'partner', '？？！'), line('c', 'self', '哈哈哈 好的呀')], { self: '小明', partner: '小红' }],
    ['invalid timestamps', [line('a', 'self', 'hi', new Date('nope')), line('b', 'partner', 'hey', null)], { self: 'Alex', partner: 'Mei' }],
    ['blank names and a duplicated id', [line('a', 'self', 'x'), line('a', 'partner', 'y')], { self: ' ', partner: '' }],
    ['a very long message', [line('a', 'self', 'why '.repeat(20_000)), line('b', 'partner', 'because')], { self: 'Alex', partner: 'Mei' }],
  ])('When the transcript has %s, Then the measures are computed without throwing', (_, lines, names) => {
    const m = measureTranscript(lines, names);
    expect(m.perSpeaker).toHaveLength(2);
    expect(m.speakers[0]).not.toBe(m.speakers[1]);
  });
});
