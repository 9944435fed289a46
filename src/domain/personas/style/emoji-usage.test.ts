import { emojiIn, emojiUsage } from './emoji-usage';

describe('emoji counting', () => {
  it('When a ZWJ sequence is typed, Then it is one emoji, not its parts', () => {
    expect(emojiIn('family time 👨‍👩‍👧‍👦 and 🏃‍♀️')).toEqual(['👨‍👩‍👧‍👦', '🏃‍♀️']);
  });

  it('When an emoji carries a skin tone, Then tone and emoji count together and tones stay distinct', () => {
    expect(emojiIn('👍🏽👍🏻👍')).toEqual(['👍🏽', '👍🏻', '👍']);
  });

  it('When flags and keycaps are typed, Then each is one emoji', () => {
    expect(emojiIn('🇨🇳🇯🇵 1️⃣')).toEqual(['🇨🇳', '🇯🇵', '1️⃣']);
  });

  it('When a heart is typed with or without the emoji selector, Then both count as the same emoji', () => {
    expect(emojiIn('❤ ❤️ ☺')).toEqual(['❤️', '❤️', '☺️']);
  });

  it('When text has typographic symbols, digits or CJK punctuation, Then they are not emoji', () => {
    expect(emojiIn('© 2024 ACME™ 好！～ #1 ‼')).toEqual([]);
  });

  it('When usage is summarised, Then the rate is per message and the top list is most frequent first', () => {
    const usage = emojiUsage(['😂😂', 'ok 😂', 'no emoji', '🥺']);
    expect(usage.perMessage).toBe(1);
    expect(usage.top).toEqual([
      { emoji: '😂', count: 3 },
      { emoji: '🥺', count: 1 },
    ]);
  });
});
