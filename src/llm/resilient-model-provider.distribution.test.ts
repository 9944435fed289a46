import { DomainError } from '../kernel/errors';
import { providerOnStub } from './fixtures/provider-on-stub';
import type { DistributionRequest } from '../ports/model-provider.port';
import { startStubLlmServer, type StubLlmServer } from './stub/stub-llm-server';

/**
 * `distribution` through the real provider and openai SDK client against the stub model
 * server over HTTP: the request asks for one token with its top logprobs, and the options'
 * probabilities come back normalised, with their mass.
 */
let stub: StubLlmServer;
beforeAll(async () => {
  stub = await startStubLlmServer();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(() => stub.reset());

const setup = (models: string[]) => providerOnStub(stub, models, { cacheTtlSeconds: 60 });

const question = (content: string): DistributionRequest => ({
  tier: 'deep',
  messages: [{ role: 'user', content }],
  options: ['yes', 'no'],
  tag: { agent: 'analysis', node: 'score-episode', purpose: 'test' },
});

describe('ResilientModelProvider.distribution', () => {
  it('When the model reports its likeliest first tokens, Then the options get their share and the request asked for one token with top logprobs', async () => {
    stub.script([{ match: 'warm', reply: { top_logprobs: { Yes: 0.6, ' yes': 0.1, No: 0.1, The: 0.2 } } }]);
    const { provider, ledger } = setup(['judge']);
    const answer = await provider.distribution(question('Are they warm? Answer yes or no.'));
    expect(answer.probabilities[0]).toBeCloseTo(0.875);
    expect(answer.probabilities[1]).toBeCloseTo(0.125);
    expect(answer.mass).toBeCloseTo(0.8);
    expect(answer).toMatchObject({ model: 'judge', cached: false });
    const body = stub.requests().find((r) => r.path.endsWith('/chat/completions'))!.body as Record<string, unknown>;
    expect(body).toMatchObject({ logprobs: true, top_logprobs: 20, max_tokens: 1, temperature: 0 });
    expect(ledger.map((r) => ({ model: r.model, outcome: r.outcome, completionTokens: r.completionTokens }))).toEqual([{ model: 'judge', outcome: 'ok', completionTokens: 1 }]);
  });

  it('When the same question is asked again, Then the cached answer is returned without a model call', async () => {
    const { provider } = setup(['judge']);
    const first = await provider.distribution(question('Are they kind?'));
    const again = await provider.distribution(question('Are they kind?'));
    expect(again).toMatchObject({ probabilities: first.probabilities, cached: true });
    expect(stub.requests().filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
  });

  it('When the first model fails, Then the next model of the tier answers; when all fail, AI_SERVICE_UNAVAILABLE', async () => {
    stub.configure('down', { failStatus: 500 });
    const { provider, ledger } = setup(['down', 'judge']);
    const answer = await provider.distribution(question('Are they close?'));
    expect(answer.model).toBe('judge');
    expect(ledger.map((r) => r.outcome)).toEqual(['error', 'ok']);
    const { provider: alone } = setup(['down']);
    await expect(alone.distribution(question('Are they close?'))).rejects.toBeInstanceOf(DomainError);
  });
});
