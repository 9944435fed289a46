import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { PURGE_EXPIRED_SESSIONS } from '../src/jobs/purge-expired-sessions.job';
import { startStubLlmServer, type StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { inMemoryTracing } from '../src/observability/fixtures/in-memory-tracing';
import { ChatEventsDocument } from '../graphql/generated/graphql';
import { errorCode } from './support/graphql-client';
import { collect, wsClient } from './support/ws-client';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

/** What the user wrote and what the partner answered: neither may reach a span. */
const MESSAGE = 'I still think about the lighthouse where we kissed, Jun';
const REPLY = 'The lighthouse keeper waved at us, remember? I miss that night too';

const tracing = inMemoryTracing();
let stub: StubLlmServer;
let t: TestApp;

beforeAll(async () => {
  stub = await startStubLlmServer();
  t = await startTestApp({ LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: 'stub', MODERATION: 'local' }, { tracer: tracing.tracer });
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

type Data = Record<string, any>;
async function ok(query: string, variables: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<Data> {
  const result = await t.http.raw<Data>({ query, variables }, token, headers);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function userWithChat() {
  const { register } = await ok('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', { input: newAccountInput() });
  const token = register.accessToken as string;
  const persona = (await ok('mutation($input: CreatePersonaInput!) { createPersona(input: $input) { persona { id } } }', { input: { kind: 'PARTNER', name: 'Jun', description: 'Playful' } }, token)).createPersona.persona;
  const session = (await ok('mutation($input: StartChatInput!) { startChat(input: $input) { chat { id } } }', { input: { partnerPersonaId: persona.id } }, token)).startChat.chat;
  return { token, sessionId: session.id as string };
}

describe('OpenTelemetry tracing (OTEL_TRACES_EXPORTER), exported to memory', () => {
  it('When a chat message is sent over GraphQL, Then the request, the operation and the model call are spans with names and counts, and no chat text', async () => {
    const { token, sessionId } = await userWithChat();
    stub.script([{ match: 'lighthouse', reply: REPLY }]);
    tracing.reset();

    const sent = await ok(
      'mutation($input: SendChatMessageInput!) { sendChatMessage(input: $input) { replyId } }',
      { input: { sessionId, content: MESSAGE, clientMessageId: 'trace-1' } },
      token,
      { 'x-request-id': 'trace-test-request-1' },
    );
    expect(sent.sendChatMessage.replyId).toBeTruthy();
    await eventually(() => tracing.named('llm stream_chat').some((s) => s.attributes['soullink.llm.outcome'] !== undefined));

    const http = tracing.spans().find((s) => s.name === 'POST /graphql' && s.attributes['soullink.request_id'] === 'trace-test-request-1')!;
    expect(http.kind).toBe(SpanKind.SERVER);
    expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/graphql', 'http.response.status_code': 200 });

    const [operation] = tracing.named('mutation sendChatMessage');
    expect(operation!.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(operation!.attributes).toEqual({ 'graphql.operation.type': 'mutation', 'soullink.graphql.root_fields': 'sendChatMessage', 'soullink.graphql.outcome': 'ok' });

    const reply = tracing.named('llm stream_chat').find((s) => s.attributes['soullink.llm.tier'] === 'chat')!;
    expect(reply.kind).toBe(SpanKind.CLIENT);
    expect(reply.attributes).toMatchObject({ 'soullink.llm.outcome': 'ok', 'gen_ai.operation.name': 'chat' });
    expect(reply.attributes['gen_ai.response.model']).toEqual(expect.any(String));
    expect(reply.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    // The model really was asked with the message and answered with the scripted reply…
    expect(JSON.stringify(stub.requests())).toContain('lighthouse where we kissed');
    // …and neither left the process in a span, nor did the variables or the user's token.
    const exported = tracing.exported();
    expect(exported).not.toMatch(/lighthouse|kissed|miss that night/);
    expect(exported).not.toContain(token);
    expect(exported).not.toContain('trace-1');
  });

  it('When a chat is followed over the websocket, Then the subscription is one span with its event count and no chat text', async () => {
    const { token, sessionId } = await userWithChat();
    stub.script([{ match: 'lighthouse', reply: REPLY }]);
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      tracing.reset();
      const stream = collect(client, ChatEventsDocument, { sessionId });
      await stream.ready;
      await ok('mutation($input: SendChatMessageInput!) { sendChatMessage(input: $input) { replyId } }', { input: { sessionId, content: MESSAGE, clientMessageId: 'trace-ws-1' } }, token);
      // Two events follow AI_COMPLETE here: the automatic TITLE (a SYSTEM event) and the coach's
      // outcome (SUGGESTIONS, or ERROR: the scripted reply is no JSON). Unsubscribing before they
      // arrive would race the server's count against the client's.
      const types = () => stream.results.map((r) => r.data?.chatEvents.type);
      await eventually(() => types().includes('AI_COMPLETE') && types().slice(types().indexOf('AI_COMPLETE') + 1).length >= 2);
      stream.unsubscribe();
      await eventually(() => tracing.named('subscription chatEvents').length > 0);

      const [span] = tracing.named('subscription chatEvents');
      expect(span!.kind).toBe(SpanKind.SERVER);
      expect(span!.attributes).toMatchObject({ 'graphql.operation.type': 'subscription', 'soullink.graphql.root_fields': 'chatEvents', 'soullink.graphql.transport': 'websocket', 'soullink.graphql.outcome': 'ok' });
      expect(span!.attributes['soullink.graphql.events']).toBe(stream.results.length);
      expect(tracing.exported()).not.toMatch(/lighthouse|kissed|miss that night/);
      expect(tracing.exported()).not.toContain(token);
    } finally {
      await client.dispose();
    }
  });

  it('When a websocket operation is refused, Then its span is failed with the error code', async () => {
    const { token } = await userWithChat();
    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      tracing.reset();
      const stream = collect(client, ChatEventsDocument, { sessionId: '00000000-0000-4000-8000-000000000000' });
      await stream.done.catch(() => undefined);
      await eventually(() => tracing.named('subscription chatEvents').length > 0);
      const [span] = tracing.named('subscription chatEvents');
      expect(span!.status.code).toBe(SpanStatusCode.ERROR);
      expect(span!.attributes['soullink.graphql.outcome']).toBe('error');
      expect(String(span!.attributes['soullink.graphql.error_codes'])).toMatch(/^[A-Z_]+$/);
    } finally {
      await client.dispose();
    }
  });

  it('When an operation fails, Then its span is failed with the error code', async () => {
    tracing.reset();
    const result = await t.http.raw({ query: '{ me { id email } }' });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    const [operation] = tracing.named('query me');
    expect(operation!.attributes).toMatchObject({ 'soullink.graphql.error_codes': 'UNAUTHENTICATED', 'soullink.graphql.outcome': 'error' });
    expect(operation!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'UNAUTHENTICATED' });
  });

  it('When a background job runs, Then it is a consumer span with its name and outcome', async () => {
    tracing.reset();
    await t.app.services.jobs.enqueue(PURGE_EXPIRED_SESSIONS, {});
    await eventually(() => tracing.named(`job ${PURGE_EXPIRED_SESSIONS}`).length > 0);
    const [job] = tracing.named(`job ${PURGE_EXPIRED_SESSIONS}`);
    expect(job!.kind).toBe(SpanKind.CONSUMER);
    expect(job!.attributes).toEqual({ 'soullink.job.name': PURGE_EXPIRED_SESSIONS, 'soullink.job.outcome': 'ok' });
  });

  it('When /healthz or /metrics is scraped, Then no span is made for it', async () => {
    tracing.reset();
    await fetch(`${t.baseUrl}/healthz`);
    await fetch(`${t.baseUrl}/metrics`);
    expect(tracing.spans().filter((s) => s.kind === SpanKind.SERVER)).toEqual([]);
  });
});
