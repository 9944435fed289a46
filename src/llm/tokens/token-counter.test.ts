import { countChatPromptTokens, countTextTokens, encodingForModel, truncateToTokenBudget } from './token-counter';

// OpenAI cookbook "How to count tokens with tiktoken": these six messages are billed
// 129 prompt tokens by gpt-3.5-turbo/gpt-4 and 124 by gpt-4o/gpt-4o-mini.
const COOKBOOK_MESSAGES = [
  { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  { role: 'system', name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
  { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
  { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];

describe('token counter', () => {
  it('When a model is from the gpt-4o, gpt-4.1, o-series or gpt-5 families, or unknown, Then it counts with o200k_base', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-nano', 'o1', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'qwen2.5:7b', 'tinyllama']) {
      expect([model, encodingForModel(model)]).toEqual([model, 'o200k_base']);
    }
  });

  it('When a model is gpt-4, gpt-4-turbo, gpt-3.5 or a text-embedding model, Then it counts with cl100k_base', () => {
    for (const model of ['gpt-4', 'gpt-4-0613', 'gpt-4-turbo', 'gpt-3.5-turbo', 'gpt-35-turbo', 'text-embedding-3-small', 'openai/gpt-4']) {
      expect([model, encodingForModel(model)]).toEqual([model, 'cl100k_base']);
    }
  });

  it('When counting the OpenAI cookbook example, Then the totals equal what OpenAI bills', () => {
    expect(countChatPromptTokens(COOKBOOK_MESSAGES, 'gpt-3.5-turbo')).toBe(129);
    expect(countChatPromptTokens(COOKBOOK_MESSAGES, 'gpt-4-0613')).toBe(129);
    expect(countChatPromptTokens(COOKBOOK_MESSAGES, 'gpt-4o')).toBe(124);
    expect(countChatPromptTokens(COOKBOOK_MESSAGES, 'gpt-4o-mini')).toBe(124);
  });

  it('When counting English text, Then the count matches the published tokenisation', () => {
    // cookbook: "tiktoken is great!" is 6 tokens in both cl100k_base and o200k_base
    expect(countTextTokens('tiktoken is great!', 'gpt-4')).toBe(6);
    expect(countTextTokens('tiktoken is great!', 'gpt-4o')).toBe(6);
    expect(countTextTokens('', 'gpt-4o')).toBe(0);
  });

  it('When counting Chinese text, Then o200k_base needs fewer tokens than cl100k_base', () => {
    const chinese = '你好，世界！今天天气很好。';
    expect(countTextTokens(chinese, 'gpt-4o')).toBe(9);
    expect(countTextTokens(chinese, 'gpt-4')).toBe(16);
  });

  it('When counting emoji, Then multi-codepoint sequences are counted byte-exactly', () => {
    expect(countTextTokens('👍', 'gpt-4o')).toBe(1);
    expect(countTextTokens('👍', 'gpt-4')).toBe(3);
    expect(countTextTokens('👨‍👩‍👧‍👦 family', 'gpt-4o')).toBe(12);
  });

  it('When user text contains a special-token string, Then it is counted as plain text instead of throwing', () => {
    expect(countTextTokens('<|endoftext|>', 'gpt-4o')).toBe(7);
  });

  it('When a message carries a name, Then it costs the name tokens plus one', () => {
    const without = countChatPromptTokens([{ role: 'user', content: '我们周末去哪儿？🏖️' }], 'gpt-4o');
    const withName = countChatPromptTokens([{ role: 'user', content: '我们周末去哪儿？🏖️', name: 'alice' }], 'gpt-4o');
    expect(withName - without).toBe(1 + countTextTokens('alice', 'gpt-4o'));
    // 3 per message + role + content + 3 reply priming
    expect(without).toBe(3 + countTextTokens('user', 'gpt-4o') + countTextTokens('我们周末去哪儿？🏖️', 'gpt-4o') + 3);
  });
});

describe('token budget truncation', () => {
  it('When a reply exceeds max tokens, Then it is cut to a prefix that fits without splitting an emoji', () => {
    const text = 'Hello 世界 👨‍👩‍👧‍👦 and more words here';
    const cut = truncateToTokenBudget(text, 5, 'gpt-4o');
    expect(text.startsWith(cut)).toBe(true);
    expect(countTextTokens(cut, 'gpt-4o')).toBeLessThanOrEqual(5);
    expect(cut).not.toMatch(/\uFFFD/);
    expect(countTextTokens(Array.from(text).slice(0, Array.from(cut).length + 1).join(''), 'gpt-4o')).toBeGreaterThan(5);
  });

  it('When a reply fits, Then it is returned unchanged', () => {
    expect(truncateToTokenBudget('短回复', 100, 'gpt-4o')).toBe('短回复');
  });
});

describe('counting texts that come back', () => {
  it('When a long text is counted again after others (a prompt repeating the conversation so far), Then it counts the same as the first time', () => {
    const turn = 'I had the loveliest afternoon at the climbing gym, then hot pot. 早上好 😊 '.repeat(20);
    const first = countTextTokens(turn, 'gpt-4o');
    for (let i = 0; i < 50; i++) countTextTokens(`${turn} ${i}`, 'gpt-4o');
    expect(countTextTokens(turn, 'gpt-4o')).toBe(first);
    expect(countTextTokens(`${turn}!`, 'gpt-4o')).toBeGreaterThanOrEqual(first);
    // The same text under another encoding is its own count.
    expect(countTextTokens(turn, 'gpt-4')).not.toBe(first);
  });
});
