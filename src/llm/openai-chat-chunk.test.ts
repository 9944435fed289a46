import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { chunkFinishReason, chunkText, usageOf } from './openai-chat-chunk';

const chunk = (choices: ChatCompletionChunk['choices'], usage?: ChatCompletionChunk['usage']): ChatCompletionChunk => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'gpt-4o-mini',
  choices,
  ...(usage === undefined ? {} : { usage }),
});

describe('Reading streamed Chat Completions chunks', () => {
  it('When a chunk carries text, Then it is the first choice’s delta content; a role-only or empty chunk has none', () => {
    expect(chunkText(chunk([{ index: 0, delta: { content: 'Hi' }, finish_reason: null }]))).toBe('Hi');
    expect(chunkText(chunk([{ index: 0, delta: { role: 'assistant' }, finish_reason: null }]))).toBe('');
    expect(chunkText(chunk([{ index: 0, delta: { content: null }, finish_reason: null }]))).toBe('');
    expect(chunkText(chunk([]))).toBe('');
  });

  it.each([
    ['length', 'length'],
    ['stop', 'stop'],
    ['content_filter', 'stop'],
    [null, undefined],
  ] as const)('When finish_reason is %s, Then the reply ended with %s', (reason, expected) => {
    expect(chunkFinishReason(chunk([{ index: 0, delta: {}, finish_reason: reason }]))).toBe(expected);
  });

  it('When the final chunk reports usage (with no choices), Then its token counts are read; other chunks have none', () => {
    const final = chunk([], { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    expect(usageOf(final)).toEqual({ promptTokens: 12, completionTokens: 5 });
    expect(chunkFinishReason(final)).toBeUndefined();
    expect(usageOf(chunk([{ index: 0, delta: { content: 'x' }, finish_reason: null }], null))).toBeUndefined();
  });
});
