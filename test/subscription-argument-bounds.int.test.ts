import { ChatEventsDocument, ChatSessionDocument } from '../graphql/generated/graphql';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import type { TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
});
afterAll(() => close());

describe('Subscription arguments over graphql-ws', () => {
  it('When a chat is followed with a malformed id, Then the subscription is refused with the code a query with that id gets, and no event comes; the same socket then follows a real chat', async () => {
    const { token, sessionId } = await userWithChat(t);
    const queried = errorCode(await t.http.request(ChatSessionDocument, { id: 'not-a-uuid' }, token));
    expect(queried).toBe('VALIDATION_FAILED');

    const { client, closes } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    try {
      const refused = collect(client, ChatEventsDocument, { sessionId: 'not-a-uuid', afterSeq: 0 });
      // One result holding the refusal, no data, then the operation completes; the socket stays open.
      await refused.done;
      expect(refused.results).toEqual([{ errors: [expect.objectContaining({ path: ['chatEvents'], extensions: { code: queried, field: 'sessionId' } })] }]);
      expect(closes).toEqual([]);

      // A well-formed subscription on the same socket streams its chat as before.
      stub.reset();
      const chat = collect(client, ChatEventsDocument, { sessionId, afterSeq: 0 });
      chat.done.catch(() => undefined);
      const reply = await send(t, token, sessionId, 'hello there');
      const typesOfReply = () => chat.results.map((r) => r.data?.chatEvents).filter((e) => e?.replyId === reply.replyId).map((e) => e!.type);
      await eventually(() => typesOfReply().includes('AI_COMPLETE'), 10_000);
      expect(typesOfReply()).toContain('AI_CHUNK');
      expect(chat.results.flatMap((r) => r.errors ?? [])).toEqual([]);
      chat.unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});
