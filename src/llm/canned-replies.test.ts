import { cannedReply, isCannedReply } from './canned-replies';

describe('canned replies', () => {
  it('When a stand-in is picked for an English or a Chinese chat, Then it is recognised as one; a model’s line with the same opening is not', () => {
    const english = cannedReply([{ role: 'user', content: 'Are you there?' }], 3);
    const chinese = cannedReply([{ role: 'user', content: '你还在吗？' }], 1);
    expect(isCannedReply(english)).toBe(true);
    expect(isCannedReply(` ${chinese}\n`)).toBe(true);
    expect(isCannedReply('Sorry, give me a moment — I need to check the rent first.')).toBe(false);
  });
});
