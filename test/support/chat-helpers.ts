import {
  ChatEventsDocument,
  ChatMessagesDocument,
  CreatePersonaDocument,
  RegisterDocument,
  SendChatMessageDocument,
  StartChatDocument,
  type ChatEventsSubscription,
} from '../../graphql/generated/graphql';
import type { StubLlmServer } from '../../src/llm/stub/stub-llm-server';
import { newAccountInput, type TestApp } from './test-app';
import { collect, eventually, wsClient } from './ws-client';

export type ChatEventResult = ChatEventsSubscription['chatEvents'];

/** A user with a PARTNER persona and a chat with it. */
export async function userWithChat(t: TestApp, policy?: 'ENQUEUE' | 'INTERRUPT' | 'REJECT' | 'ROLLBACK') {
  const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Jun', interests: ['climbing'], description: 'Playful, teases a lot' } }, token)).createPersona.persona;
  const session = (await t.http.ok(StartChatDocument, { input: { partnerPersonaId: persona.id, policy } }, token)).startChat.chat;
  return { token, personaId: persona.id, sessionId: session.id };
}

let clientIds = 0;
export async function send(t: TestApp, token: string, sessionId: string, content: string, clientMessageId = `c-${Date.now()}-${++clientIds}`) {
  return (await t.http.ok(SendChatMessageDocument, { input: { sessionId, content, clientMessageId } }, token)).sendChatMessage;
}

/** A chatEvents subscription that records every event. */
export function watch(t: TestApp, token: string, sessionId: string, afterSeq = 0) {
  const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
  const sub = collect(client, ChatEventsDocument, { sessionId, afterSeq });
  // A socket closed by the test's end is not a failure of its own.
  sub.done.catch(() => undefined);
  const events = () => sub.results.map((r) => r.data?.chatEvents).filter((e): e is ChatEventResult => Boolean(e));
  return {
    events,
    sub,
    /** Waits for the AI_COMPLETE (or ERROR) of a reply and returns it. */
    async finished(replyId: string, timeoutMs = 10_000): Promise<ChatEventResult> {
      await eventually(() => events().some((e) => e.replyId === replyId && (e.type === 'AI_COMPLETE' || (e.type === 'ERROR' && e.errorSource !== 'SUGGESTIONS'))), timeoutMs);
      return events().find((e) => e.replyId === replyId && (e.type === 'AI_COMPLETE' || e.type === 'ERROR'))!;
    },
    chunksOf: (replyId: string) => events().filter((e) => e.type === 'AI_CHUNK' && e.replyId === replyId),
    async close() {
      sub.unsubscribe();
      await client.dispose();
    },
  };
}

/**
 * The whole conversation as chatMessages shows it, oldest first: pages of 25 backwards from
 * the latest (a page of messages with their alternatives costs ~145 each against the cost limit).
 */
export async function conversation(t: TestApp, token: string, sessionId: string) {
  let page = (await t.http.ok(ChatMessagesDocument, { sessionId, last: 25 }, token)).chatMessages;
  const messages = [...page.nodes];
  while (page.pageInfo.hasPreviousPage) {
    page = (await t.http.ok(ChatMessagesDocument, { sessionId, last: 25, before: page.pageInfo.startCursor }, token)).chatMessages;
    messages.unshift(...page.nodes);
  }
  return messages;
}

/** Requests the partner agent made to the stub (its system prompt says who it plays). */
export function partnerRequests(stub: StubLlmServer) {
  return stub
    .requests()
    .filter((r) => r.path === '/v1/chat/completions')
    .map((r) => r.body as { messages: { role: string; content: string }[]; stream?: boolean })
    .filter((b) => b.messages[0]?.role === 'system' && b.messages[0].content.includes('Stay in character as this real person'));
}
