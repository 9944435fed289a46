import { providerOnStub } from './fixtures/provider-on-stub';
import type { ChatRequest } from '../ports/model-provider.port';
import { startStubLlmServer, type StubLlmServer } from './stub/stub-llm-server';

/**
 * Why the model stopped reaches the caller: the role-play nodes cut a line the token cap cut
 * off back to whole words, and only the endpoint knows for sure that the cap did it.
 */
let stub: StubLlmServer;
beforeAll(async () => {
  stub = await startStubLlmServer();
});
afterAll(async () => {
  await stub.close();
});

const request = (maxTokens: number): ChatRequest => ({
  tier: 'chat',
  maxTokens,
  messages: [{ role: 'user', content: 'Tell me about your weekend plans in a few sentences.' }],
  tag: { agent: 'partner', node: 'reply', purpose: 'test' },
});

describe('ResilientModelProvider finish reason', () => {
  it('When the token cap cuts the reply, Then the completion says finishReason length', async () => {
    const { provider } = providerOnStub(stub, ['gpt-4o-mini']);
    const reply = await provider.chat(request(3));
    expect(reply).toMatchObject({ degraded: false, finishReason: 'length' });
  });

  it('When the model ends the reply itself, Then the completion says finishReason stop', async () => {
    const { provider } = providerOnStub(stub, ['gpt-4o-mini']);
    const reply = await provider.chat(request(4_000));
    expect(reply).toMatchObject({ degraded: false, finishReason: 'stop' });
  });
});
