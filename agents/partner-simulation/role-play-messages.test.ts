import { rolePlayMessages } from './role-play-messages';

describe('rolePlayMessages', () => {
  it('When the chat has lines, Then the agent gets its system prompt and one transcript to continue, ending with whose turn it is', () => {
    const messages = rolePlayMessages('You are Mei.', [
      { speaker: 'self', name: 'Alex', text: 'Can we talk about the rent?' },
      { speaker: 'narrator', name: 'Narrator', text: 'Mei’s phone buzzes.' },
      { speaker: 'partner', name: 'Mei', text: 'Sure…\nwhat’s up' },
      { speaker: 'self', name: 'Alex', text: 'Half is a lot for me.' },
    ], 'Mei');
    expect(messages).toEqual([
      { role: 'system', content: 'You are Mei.' },
      { role: 'user', content: 'The chat so far:\nAlex: Can we talk about the rent?\n[Mei’s phone buzzes.]\nMei: Sure… what’s up\nAlex: Half is a lot for me.\nMei:' },
    ]);
  });

  it('When nobody has written yet, Then the agent writes the first line', () => {
    expect(rolePlayMessages('You are Alex.', [], 'Alex').at(-1)).toEqual({ role: 'user', content: 'Alex starts the chat.\nAlex:' });
  });

  it('When the model continues a prefilled reply (the small offline model), Then the reply starts with the speaker’s name as an assistant message', () => {
    const messages = rolePlayMessages('You are Mei.', [{ speaker: 'self', name: 'Alex', text: 'Can we talk about the rent?' }], 'Mei', { prefill: true });
    expect(messages).toEqual([
      { role: 'system', content: 'You are Mei.' },
      { role: 'user', content: 'The chat so far:\nAlex: Can we talk about the rent?' },
      { role: 'assistant', content: 'Mei:' },
    ]);
    expect(rolePlayMessages('You are Alex.', [], 'Alex', { prefill: true, other: 'Mei' })[1]).toEqual({ role: 'user', content: 'New chat with Mei.' });
  });
});
