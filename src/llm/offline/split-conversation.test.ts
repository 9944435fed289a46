import { splitConversation } from './llama-runtime';

describe('splitConversation (an OpenAI message list as node-llama-cpp history and prompt)', () => {
  it('When the last message is the user’s, Then it is the prompt and the rest the history', () => {
    expect(
      splitConversation([
        { role: 'system', content: 'You are Alex.' },
        { role: 'user', content: 'Mei: morning!' },
      ]),
    ).toEqual({ history: [{ type: 'system', text: 'You are Alex.' }], prompt: 'Mei: morning!' });
  });

  it('When an assistant message follows the last user message, Then it is the start of the reply (prefill), not a finished turn', () => {
    expect(
      splitConversation([
        { role: 'system', content: 'You are Alex.' },
        { role: 'user', content: 'Mei: morning!' },
        { role: 'assistant', content: 'Alex:' },
      ]),
    ).toEqual({ history: [{ type: 'system', text: 'You are Alex.' }], prompt: 'Mei: morning!', responsePrefix: 'Alex:' });
  });

  it('When the conversation ends with assistant turns only, Then it is all history, answered after an empty prompt', () => {
    expect(splitConversation([{ role: 'assistant', content: 'Hi' }])).toEqual({ history: [{ type: 'model', response: ['Hi'] }], prompt: '' });
  });
});
