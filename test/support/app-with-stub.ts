import { startStubLlmServer, type StubLlmServer } from '../../src/llm/stub/stub-llm-server';
import { startTestApp, type TestApp } from './test-app';

/** The app wired to the project's stub model server over HTTP, as most feature suites need. */
export async function startAppWithStub(env: Record<string, string> = {}): Promise<{ t: TestApp; stub: StubLlmServer; close(): Promise<void> }> {
  const stub = await startStubLlmServer();
  const t = await startTestApp({ LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local', ...env });
  return {
    t,
    stub,
    close: async () => {
      await t.close();
      await stub.close();
    },
  };
}
