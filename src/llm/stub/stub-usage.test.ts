import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { countChatPromptTokens, countTextTokens, type CountableChatMessage } from '../tokens/token-counter';
import { startStubLlmServer, type StubLlmServer } from './stub-llm-server';

// Chinese, English, emoji and mixed text, in conversations of one to three turns.
const CORPUS: { name: string; messages: CountableChatMessage[]; reply: string }[] = [
  { name: 'english', messages: [{ role: 'user', content: 'How was your day?' }], reply: 'Pretty good, thanks for asking!' },
  { name: 'chinese', messages: [{ role: 'system', content: '你是一个体贴的恋人。' }, { role: 'user', content: '你今天过得怎么样？' }], reply: '还不错，就是有点想你。' },
  { name: 'emoji', messages: [{ role: 'user', content: '🥰🥰🥰 👨‍👩‍👧‍👦 🏳️‍🌈' }], reply: '😘 ❤️‍🔥' },
  {
    name: 'mixed multi-turn with a name',
    messages: [
      { role: 'system', content: 'You are Lin (林), a partner persona. Reply briefly.' },
      { role: 'user', content: '周末一起去 hiking 吗？⛰️', name: 'alice' },
      { role: 'assistant', content: '好呀！Which trail? 🥾' },
      { role: 'user', content: 'The one near 西湖, around 10km.', name: 'alice' },
    ],
    reply: '10km 没问题 💪 Let’s bring snacks 🍙.',
  },
  { name: 'long chinese', messages: [{ role: 'user', content: '我们吵架了。'.repeat(40) }], reply: '先冷静一下，然后好好沟通。'.repeat(10) },
];

function toLangChain(messages: CountableChatMessage[]): BaseMessage[] {
  return messages.map((m) => {
    if (m.role === 'system') return new SystemMessage(m.content);
    if (m.role === 'assistant') return new AIMessage(m.content);
    return new HumanMessage({ content: m.content, ...(m.name ? { name: m.name } : {}) });
  });
}

// Streams with .stream(): invoke() on a `streaming: true` ChatOpenAI also estimates tokens with
// a tokenizer it downloads from the internet, which tests must never reach.
async function collectStream(chat: ChatOpenAI, messages: BaseMessage[]): Promise<AIMessageChunk> {
  let joined: AIMessageChunk | undefined;
  for await (const chunk of await chat.stream(messages)) joined = joined ? joined.concat(chunk) : chunk;
  if (!joined) throw new Error('empty stream');
  return joined;
}

describe('stub token usage', () => {
  let stub: StubLlmServer;
  beforeAll(async () => {
    stub = await startStubLlmServer({ defaults: { chunkCount: 7 } });
  });
  afterAll(() => stub.close());

  // gpt-4o-mini counts with o200k_base, gpt-4 with cl100k_base.
  for (const model of ['gpt-4o-mini', 'gpt-4']) {
    for (const streaming of [true, false]) {
      it(`When the corpus is sent to ${model} ${streaming ? 'streaming' : 'non-streaming'}, Then reported usage equals the token counter on every message (100%)`, async () => {
        const chat = new ChatOpenAI({ model, apiKey: 'stub', configuration: { baseURL: stub.baseUrl }, maxRetries: 0, streamUsage: true });
        const mismatches: string[] = [];
        for (const sample of CORPUS) {
          stub.reset();
          stub.configure('*', { reply: sample.reply });
          const result = streaming ? await collectStream(chat, toLangChain(sample.messages)) : await chat.invoke(toLangChain(sample.messages));
          const expected = {
            input_tokens: countChatPromptTokens(sample.messages, model),
            output_tokens: countTextTokens(sample.reply, model),
          };
          const actual = { input_tokens: result.usage_metadata?.input_tokens, output_tokens: result.usage_metadata?.output_tokens };
          if (result.content !== sample.reply || JSON.stringify(actual) !== JSON.stringify(expected)) {
            mismatches.push(`${sample.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  }
});
