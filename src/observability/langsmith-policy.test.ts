import { applyLangsmithPolicy } from './langsmith-policy';

describe('LangSmith tracing policy', () => {
  it('When LangChain tracing variables are set but SoulLink did not enable tracing, Then they are cleared', () => {
    const env: NodeJS.ProcessEnv = { LANGCHAIN_TRACING_V2: 'true', LANGSMITH_TRACING: 'true', LANGSMITH_TRACING_V2: 'true', LANGCHAIN_TRACING: 'true', OTHER: 'kept' };
    applyLangsmithPolicy({ langsmithTracing: false }, env);
    expect(env).toEqual({ OTHER: 'kept' });
  });

  it('When LANGSMITH_TRACING_ENABLED is true, Then the variables are left to LangChain', () => {
    const env: NodeJS.ProcessEnv = { LANGCHAIN_TRACING_V2: 'true' };
    applyLangsmithPolicy({ langsmithTracing: true }, env);
    expect(env).toEqual({ LANGCHAIN_TRACING_V2: 'true' });
  });
});
