import {
  ChatSessionDocument,
  ChatSessionsDocument,
  CorrectMemoryDocument,
  DeleteChatDocument,
  ForgetMemoryDocument,
  ForkChatDocument,
  MemoriesDocument,
  RegenerateReplyDocument,
  RenameChatDocument,
  RevokeChatShareDocument,
  ScoreChatDocument,
  SendChatMessageDocument,
  ShareChatDocument,
  SharedChatDocument,
  ChatMessagesDocument,
  LaterChatMessagesDocument,
  ChatEventsDocument,
} from '../graphql/generated/graphql';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { chatDepsFrom } from '../src/domain/chats/chat-services';
import { enqueueChatMemoryRuns } from '../src/domain/memories/chat-memory-jobs';
import { DIMENSION_KEYS } from '../src/kernel/simulation/dimensions';
import { startAppWithStub } from './support/app-with-stub';
import { conversation, partnerRequests, send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import type { TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  // A small history budget, so what the partner knows from long ago must come from long-term memory.
  ({ t, stub, close } = await startAppWithStub({ CHAT_HISTORY_TOKENS: '300' }));
});
afterAll(() => close());
beforeEach(() => {
  stub.reset();
  stub.script([{ match: 'relationship coach', reply: { replies: ['Tell me more!', 'Haha, really?'], tip: 'They are inviting you to open up.' } }]);
});

/** Slow enough streams that a second message lands while the first reply is being written. */
const slowStreams = () => stub.configure('', { chunkCount: 12, chunkIntervalMs: 60 });

describe('Live chat: streaming, coaching, titles', () => {
  it('When a message is sent, Then the reply streams chunk by chunk in order, matches AI_COMPLETE, and suggestions and a title follow', async () => {
    stub.configure('', { chunkCount: 6, chunkIntervalMs: 15 });
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    await w.sub.ready;
    const sent = await send(t, token, sessionId, 'Hi Jun, how was climbing today?');
    expect(sent.message).toMatchObject({ role: 'USER', status: 'SENT', text: 'Hi Jun, how was climbing today?', seq: 1 });
    const complete = await w.finished(sent.replyId!);
    const chunks = w.chunksOf(sent.replyId!);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.map((c) => c.text).join('')).toBe(complete.text);
    expect(complete).toMatchObject({ type: 'AI_COMPLETE', status: 'COMPLETE', degraded: false, messageId: sent.replyId });
    expect(complete.text).toContain('how was climbing today');
    expect(complete.tokenCount).toBeGreaterThan(0);

    await eventually(() => w.events().some((e) => e.type === 'SUGGESTIONS') && w.events().some((e) => e.systemKind === 'TITLE'));
    const suggestions = w.events().find((e) => e.type === 'SUGGESTIONS')!;
    expect(suggestions).toMatchObject({ replyId: sent.replyId, suggestions: ['Tell me more!', 'Haha, really?'], tip: 'They are inviting you to open up.' });
    const seqs = w.events().map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const session = (await t.http.ok(ChatSessionDocument, { id: sessionId }, token)).chatSession;
    expect(session.title).toBeTruthy();
    expect(session.messageCount).toBe(2);
    // SYSTEM events carry typed fields per kind: the title as set, and the stored user message.
    expect(w.events().find((e) => e.systemKind === 'TITLE')?.title).toBe(session.title);
    expect(w.events().find((e) => e.systemKind === 'USER_MESSAGE')).toMatchObject({ type: 'SYSTEM', messageId: sent.message.id, clientMessageId: sent.message.clientMessageId, messageSeq: 1, replyId: sent.replyId });
    expect(complete.replaced).toBe(false);

    const messages = await conversation(t, token, sessionId);
    expect(messages.map((m) => [m.role, m.status, m.text])).toEqual([
      ['USER', 'SENT', 'Hi Jun, how was climbing today?'],
      ['PARTNER', 'COMPLETE', complete.text],
    ]);
    await w.close();
  });

  it('When the same clientMessageId is sent twice, Then the same message comes back and the model is asked once', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const first = await send(t, token, sessionId, 'Are you free on Saturday?', 'same-id-1');
    const again = await send(t, token, sessionId, 'Are you free on Saturday?', 'same-id-1');
    expect(again.message.id).toBe(first.message.id);
    expect(again.replyId).toBe(first.replyId);
    await w.finished(first.replyId!);
    const asked = partnerRequests(stub).filter((r) => r.messages.at(-1)?.content === 'Are you free on Saturday?');
    expect(asked).toHaveLength(1);
    expect((await conversation(t, token, sessionId)).filter((m) => m.role === 'USER')).toHaveLength(1);
    await w.close();
  });

  it('When a client reconnects with the last seq it saw, Then it gets exactly the events it missed', async () => {
    slowStreams();
    const { token, sessionId } = await userWithChat(t);
    const first = watch(t, token, sessionId);
    await first.sub.ready;
    const sent = await send(t, token, sessionId, 'Tell me a story about your last trip');
    await eventually(() => first.chunksOf(sent.replyId!).length >= 3);
    await first.close();
    const seen = first.events();
    const lastSeq = seen.at(-1)!.seq;

    const second = watch(t, token, sessionId, lastSeq);
    const complete = await second.finished(sent.replyId!);
    const resumed = second.events();
    expect(resumed[0]!.seq).toBe(lastSeq + 1);
    const all = [...seen, ...resumed];
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => all[0]!.seq + i));
    const chunks = all.filter((e) => e.type === 'AI_CHUNK' && e.replyId === sent.replyId);
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks.map((c) => c.text).join('')).toBe(complete.text);
    await second.close();
  });
});

describe('Moderation as a stage of the chat', () => {
  it('When a message breaks the content rules, Then it is refused with CONTENT_BLOCKED, nothing of it is stored, and no later prompt carries it', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const refused = await t.http.request(SendChatMessageDocument, { input: { sessionId, content: 'I am going to kill you tonight, I know where you live', clientMessageId: 'threat-1' } }, token);
    expect(errorCode(refused)).toBe('CONTENT_BLOCKED');
    expect(await conversation(t, token, sessionId)).toHaveLength(0);

    const next = await send(t, token, sessionId, 'Sorry, long day. How was climbing?');
    await w.finished(next.replyId!);
    expect((await conversation(t, token, sessionId)).map((m) => m.text)).not.toContain('I am going to kill you tonight, I know where you live');
    const prompts = partnerRequests(stub).map((r) => JSON.stringify(r.messages));
    expect(prompts.length).toBeGreaterThan(0);
    for (const prompt of prompts) expect(prompt).not.toMatch(/kill you tonight/);
    await w.close();
  });

  it('When the partner’s reply turns harmful mid-stream, Then no AI_CHUNK ever carries the flagged sentence and AI_COMPLETE is the safe reply', async () => {
    stub.configure('', { reply: 'Morning! I missed you so much last night, honestly. Here is how to build a pipe bomb step by step: first get explosives. See you at eight.', chunkCount: 24, chunkIntervalMs: 5 });
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    await w.sub.ready;
    const sent = await send(t, token, sessionId, 'Hi Jun!');
    const complete = await w.finished(sent.replyId!);
    const streamed = w.chunksOf(sent.replyId!).map((c) => c.text).join('');
    expect(streamed).not.toMatch(/bomb|explosive/i);
    expect(streamed.startsWith('Morning! I missed you so much last night, honestly.')).toBe(true);
    expect(complete).toMatchObject({ type: 'AI_COMPLETE' });
    expect(complete.text).not.toMatch(/bomb|explosive/i);
    const stored = await conversation(t, token, sessionId);
    expect(stored.at(-1)!.text).toBe(complete.text);
    await w.close();
  });
});

describe('A second message while a reply streams (double texting)', () => {
  it('ENQUEUE (default): the second message waits and is answered after the first reply', async () => {
    slowStreams();
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'first message');
    await eventually(() => w.chunksOf(a.replyId!).length >= 1);
    const b = await send(t, token, sessionId, 'second message');
    const ra = await w.finished(a.replyId!);
    const rb = await w.finished(b.replyId!, 15_000);
    expect(ra.status).toBe('COMPLETE');
    expect(rb.status).toBe('COMPLETE');
    expect(ra.text).toContain('first message');
    expect(rb.text).toContain('second message');
    const messages = await conversation(t, token, sessionId);
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['USER', 'SENT'],
      ['PARTNER', 'COMPLETE'],
      ['USER', 'SENT'],
      ['PARTNER', 'COMPLETE'],
    ]);
    await w.close();
  });

  it('INTERRUPT: the streaming reply stops where it is and is kept as INTERRUPTED; the new message is answered', async () => {
    slowStreams();
    const { token, sessionId } = await userWithChat(t, 'INTERRUPT');
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'what do you think about moving in together someday');
    await eventually(() => w.chunksOf(a.replyId!).length >= 2);
    const b = await send(t, token, sessionId, 'wait, actually never mind');
    const ra = await w.finished(a.replyId!);
    const rb = await w.finished(b.replyId!, 15_000);
    expect(ra.status).toBe('INTERRUPTED');
    expect(rb.status).toBe('COMPLETE');
    const full = 'Stub reply to "what do you think about moving in together someday".';
    expect(ra.text!.length).toBeGreaterThan(0);
    expect(ra.text!.length).toBeLessThan(full.length);
    expect(full.startsWith(ra.text!)).toBe(true);
    const messages = await conversation(t, token, sessionId);
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['USER', 'SENT'],
      ['PARTNER', 'INTERRUPTED'],
      ['USER', 'SENT'],
      ['PARTNER', 'COMPLETE'],
    ]);
    expect(messages[1]!.text).toBe(ra.text);
    await w.close();
  });

  it('REJECT: the second message is refused with REPLY_IN_PROGRESS and nothing of it is stored', async () => {
    slowStreams();
    const { token, sessionId } = await userWithChat(t, 'REJECT');
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'hello there');
    await eventually(() => w.chunksOf(a.replyId!).length >= 1);
    const refused = await t.http.request(SendChatMessageDocument, { input: { sessionId, content: 'hello again', clientMessageId: 'rejected-1' } }, token);
    expect(errorCode(refused)).toBe('REPLY_IN_PROGRESS');
    expect(refused.errors![0]!.extensions!.retryable).toBe(true);
    await w.finished(a.replyId!);
    const messages = await conversation(t, token, sessionId);
    expect(messages.map((m) => m.text)).not.toContain('hello again');
    expect(messages).toHaveLength(2);
    // Once the reply is complete the same message goes through.
    const later = await send(t, token, sessionId, 'hello again', 'rejected-1');
    expect(later.message.text).toBe('hello again');
    await w.finished(later.replyId!);
    await w.close();
  });

  it('ROLLBACK: the streaming reply is withdrawn and one reply answers both messages', async () => {
    slowStreams();
    const { token, sessionId } = await userWithChat(t, 'ROLLBACK');
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'I got the job');
    await eventually(() => w.chunksOf(a.replyId!).length >= 1);
    const b = await send(t, token, sessionId, 'in Shanghai!');
    await eventually(() => w.events().some((e) => e.type === 'SYSTEM' && e.systemKind === 'REPLY_DISCARDED' && e.replyId === a.replyId));
    const rb = await w.finished(b.replyId!, 15_000);
    expect(rb.status).toBe('COMPLETE');
    expect(w.events().some((e) => e.type === 'AI_COMPLETE' && e.replyId === a.replyId)).toBe(false);
    const messages = await conversation(t, token, sessionId);
    expect(messages.map((m) => [m.role, m.text])).toEqual([
      ['USER', 'I got the job'],
      ['USER', 'in Shanghai!'],
      ['PARTNER', rb.text],
    ]);
    const last = partnerRequests(stub).at(-1)!;
    expect(last.messages.slice(-2).map((m) => [m.role, m.content])).toEqual([
      ['user', 'I got the job'],
      ['user', 'in Shanghai!'],
    ]);
    await w.close();
  });
});

describe('Regenerate, fork, score and share', () => {
  it('When the latest reply is regenerated, Then the new version streams and the earlier one stays as an alternative', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'pick a restaurant for tonight');
    const first = await w.finished(a.replyId!);
    stub.script([{ system: 'Stay in character', reply: 'How about the dumpling place?' }]);
    const regenerated = (await t.http.ok(RegenerateReplyDocument, { input: { messageId: a.replyId! } }, token)).regenerateReply.message;
    expect(regenerated).toMatchObject({ version: 2, status: 'QUEUED', seq: first ? 2 : 0 });
    const second = await w.finished(regenerated.id);
    expect(second.text).toBe('How about the dumpling place?');
    const messages = (await t.http.ok(ChatMessagesDocument, { sessionId }, token)).chatMessages.nodes;
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ id: regenerated.id, version: 2, text: 'How about the dumpling place?' });
    expect(messages[1]!.alternatives.map((m) => [m.version, m.text])).toEqual([[1, first.text]]);
    // Only the latest reply can be regenerated.
    const older = await t.http.request(RegenerateReplyDocument, { input: { messageId: a.message.id } }, token);
    expect(errorCode(older)).toBe('VALIDATION_FAILED');
    await w.close();
  });

  it('When a chat is forked with another message, Then the branch shares the history up to there, answers the new message, and can be scored', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'I forgot our anniversary');
    await w.finished(a.replyId!);
    const b = await send(t, token, sessionId, 'it is not a big deal though');
    await w.finished(b.replyId!);

    const fork = (await t.http.ok(ForkChatDocument, { input: { messageId: a.replyId!, content: 'I am so sorry, let me make it up to you' } }, token)).forkChat.chat;
    expect(fork).toMatchObject({ parentSessionId: sessionId, forkedFromMessageId: a.replyId });
    const fw = watch(t, token, fork.id);
    await eventually(async () => (await conversation(t, token, fork.id)).at(-1)?.status === 'COMPLETE');
    const branch = await conversation(t, token, fork.id);
    expect(branch.map((m) => m.text.slice(0, 40))).toEqual([
      'I forgot our anniversary',
      expect.stringContaining('I forgot our anniversary'),
      'I am so sorry, let me make it up to you',
      expect.stringContaining('I am so sorry'),
    ]);
    expect((await conversation(t, token, sessionId)).map((m) => m.text)).toContain('it is not a big deal though');

    stub.script([
      {
        match: 'couples researcher scoring',
        reply: {
          dimensions: Object.fromEntries(DIMENSION_KEYS.map((key) => [key, { reasoning: 'Repair attempt accepted', score: 7, citations: ['t3'] }])),
          horsemen: { criticism: 0, contempt: 0, defensiveness: 0, stonewalling: 0 },
          positiveInteractions: 3,
          negativeInteractions: 1,
          criticalMoments: [{ turn: 't3', dimension: 'conflictRepair', impact: 4, note: 'A sincere apology' }],
        },
      },
    ]);
    const score = (await t.http.ok(ScoreChatDocument, { input: { sessionId: fork.id } }, token)).scoreChat.score;
    expect(score.overall).toBe(7);
    expect(score.dimensions.map((d) => d.dimension)).toEqual(DIMENSION_KEYS.map((k) => k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()));
    expect(score.dimensions[0]).toMatchObject({ score: 7, reasoning: 'Repair attempt accepted', citedMessageIds: [branch[2]!.id] });
    expect(score.horsemen).toEqual({ criticism: 0, contempt: 0, defensiveness: 0, stonewalling: 0 });
    expect(score.positiveToNegativeRatio).toBe(3);
    expect(score.criticalMoments).toEqual([{ messageId: branch[2]!.id, quote: 'I am so sorry, let me make it up to you', dimension: 'CONFLICT_REPAIR', impact: 4, note: 'A sincere apology' }]);
    expect(score.messagesScored).toBe(4);
    // The measures read the same four messages, the user first; the apology is cited.
    expect(score.measures.speakers).toEqual([expect.any(String), 'Jun']);
    expect(score.measures.messages).toBe(4);
    expect(score.measures.perSpeaker[0]!.warmth.apology.messageIds).toEqual([branch[2]!.id]);
    await w.close();
    await fw.close();
  });

  it('When a chat is shared, Then anyone with the token reads it (without signing in) until the link is revoked', async () => {
    const { token, sessionId } = await userWithChat(t);
    const w = watch(t, token, sessionId);
    const a = await send(t, token, sessionId, 'see you at eight');
    await w.finished(a.replyId!);
    await t.http.ok(RenameChatDocument, { input: { id: sessionId, title: 'Friday plans' } }, token);
    const { token: shareToken, chat: session } = (await t.http.ok(ShareChatDocument, { input: { sessionId } }, token)).shareChat;
    expect(session.shared).toBe(true);
    const shared = (await t.http.ok(SharedChatDocument, { token: shareToken })).sharedChat;
    expect(shared).toMatchObject({ title: 'Friday plans', partnerName: 'Jun' });
    expect(shared.messages.map((m) => m.text)).toEqual(['see you at eight', expect.stringContaining('see you at eight')]);
    await t.http.ok(RevokeChatShareDocument, { input: { sessionId } }, token);
    expect(errorCode(await t.http.request(SharedChatDocument, { token: shareToken }))).toBe('CHAT_NOT_FOUND');
    await w.close();
  });

  it('When chats are listed, renamed and deleted, Then the list and the messages follow', async () => {
    const { token, sessionId, personaId } = await userWithChat(t);
    const page = (await t.http.ok(ChatSessionsDocument, { first: 10, partnerPersonaId: personaId }, token)).chatSessions;
    expect(page.totalCount).toBe(1);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(page.nodes[0]).toMatchObject({ id: sessionId, partnerName: 'Jun', policy: 'ENQUEUE' });
    const w = watch(t, token, sessionId);
    for (let i = 0; i < 3; i++) await w.finished((await send(t, token, sessionId, `message ${i}`)).replyId!);
    // Newest last: `last` pages backwards from the latest messages, `first`/`after` forwards again.
    const newest = (await t.http.ok(ChatMessagesDocument, { sessionId, last: 4 }, token)).chatMessages;
    expect(newest.nodes.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const older = (await t.http.ok(ChatMessagesDocument, { sessionId, last: 4, before: newest.pageInfo.startCursor }, token)).chatMessages;
    expect(older.nodes.map((m) => m.seq)).toEqual([1, 2]);
    expect(older.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const forwards = (await t.http.ok(LaterChatMessagesDocument, { sessionId, first: 3, after: older.pageInfo.endCursor }, token)).chatMessages;
    expect(forwards.nodes.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(forwards.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(errorCode(await t.http.request(ChatMessagesDocument, { sessionId, last: 4, before: 'not-a-cursor!' }, token))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.http.raw({ query: `{ chatMessages(sessionId: "${sessionId}", first: 2, last: 2) { nodes { id } } }` }, token))).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(DeleteChatDocument, { input: { id: sessionId } }, token)).deleteChat).toEqual({ deletedChatId: sessionId });
    expect(errorCode(await t.http.request(ChatSessionDocument, { id: sessionId }, token))).toBe('CHAT_NOT_FOUND');
    await w.close();
  });
});

describe('Memory', () => {
  it('When a fact was told 60 messages earlier and the memory job ran, Then it is recalled into the prompt; a corrected fact replaces it', async () => {
    const { token, sessionId, personaId } = await userWithChat(t);
    stub.script([
      {
        match: 'long-term memory of a chat',
        reply: {
          summary: { text: 'They chatted about family and weekend plans.', importance: 4 },
          facts: [{ key: 'sister.name', text: "The user's sister is called Mei.", importance: 8, sources: [1] }],
          events: [],
          coachNote: '',
        },
        times: 1,
      },
    ]);
    const w = watch(t, token, sessionId);
    const first = await send(t, token, sessionId, "My sister's name is Mei, she is visiting next month.");
    await w.finished(first.replyId!);
    for (let i = 1; i < 30; i++) await w.finished((await send(t, token, sessionId, `Small talk number ${i} about the weather and work.`)).replyId!);

    // 60 messages: the every-50-messages memory job has run.
    await eventually(async () => (await t.http.ok(MemoriesDocument, { personaId }, token)).memories.nodes.some((m) => m.kind === 'FACT'), 45_000);
    const fact = (await t.http.ok(MemoriesDocument, { personaId }, token)).memories.nodes.find((m) => m.kind === 'FACT')!;
    expect(fact).toMatchObject({ text: "The user's sister is called Mei.", factKey: 'sister.name', view: 'partner', validTo: null, sourceMessageIds: [first.message.id] });

    const ask = await send(t, token, sessionId, "Do you remember my sister's name?");
    await w.finished(ask.replyId!);
    const prompt = partnerRequests(stub).at(-1)!;
    expect(prompt.messages.slice(1).map((m) => m.content).join('\n')).not.toContain('Mei'); // not from recent history…
    expect(prompt.messages[0]!.content).toContain("The user's sister is called Mei."); // …but recalled from long-term memory

    const corrected = (await t.http.ok(CorrectMemoryDocument, { input: { id: fact.id, text: "The user's sister is called Lin." } }, token)).correctMemory.memory;
    expect(corrected).toMatchObject({ text: "The user's sister is called Lin.", validTo: null });
    const history = (await t.http.ok(MemoriesDocument, { personaId, includeInvalid: true }, token)).memories.nodes.filter((m) => m.kind === 'FACT');
    expect(history.find((m) => m.id === fact.id)!.validTo).not.toBeNull();

    const again = await send(t, token, sessionId, "What's my sister called again?");
    await w.finished(again.replyId!);
    const system = partnerRequests(stub).at(-1)!.messages[0]!.content;
    expect(system).toContain('Lin');
    expect(system).not.toContain('Mei');

    const searched = (await t.http.ok(MemoriesDocument, { personaId, search: 'sister' }, token)).memories.nodes;
    expect(searched[0]!.text).toContain('Lin');
    expect((await t.http.ok(ForgetMemoryDocument, { input: { id: corrected.id } }, token)).forgetMemory).toEqual({ deletedMemoryId: corrected.id });
    expect((await t.http.ok(MemoriesDocument, { personaId }, token)).memories.nodes.some((m) => m.id === corrected.id)).toBe(false);
    await w.close();
  }, 150_000);
});

describe('Memory jobs', () => {
  it('When a chat has been idle for CHAT_IDLE_MINUTES, Then the sweep summarises its new messages into memory once', async () => {
    const { token, sessionId, personaId } = await userWithChat(t);
    stub.script([
      {
        match: 'long-term memory of a chat',
        reply: { summary: { text: 'They planned a hike on Sunday.', importance: 5 }, facts: [], events: [{ text: 'A hike is planned for Sunday.', importance: 6, sources: [1] }], coachNote: 'Asks open questions.' },
      },
    ]);
    const w = watch(t, token, sessionId);
    await w.finished((await send(t, token, sessionId, 'Hike on Sunday?')).replyId!);
    await w.close();
    const db = t.app.services.orm.em.getConnection();
    await db.execute(`update chat_sessions set last_activity_at = now() - interval '1 hour' where id = ?`, [sessionId]);
    const deps = chatDepsFrom(t.app.services);
    expect(await enqueueChatMemoryRuns(deps, t.app.services.config.chat.idleMs)).toBe(1);
    await eventually(async () => (await t.http.ok(MemoriesDocument, { personaId }, token)).memories.nodes.length >= 2, 30_000);
    const partner = (await t.http.ok(MemoriesDocument, { personaId, view: 'partner' }, token)).memories.nodes.map((m) => [m.kind, m.text]);
    expect(partner).toEqual(expect.arrayContaining([['SUMMARY', 'They planned a hike on Sunday.'], ['EVENT', 'A hike is planned for Sunday.']]));
    const coach = (await t.http.ok(MemoriesDocument, { personaId, view: 'coach' }, token)).memories.nodes.map((m) => m.text);
    expect(coach).toContain('Asks open questions.');
    // Consolidated: the next sweep has nothing to do for this chat.
    await eventually(async () => (await db.execute<{ memory_seq: number; message_seq: number }[]>('select memory_seq, message_seq from chat_sessions where id = ?', [sessionId]))[0]!.memory_seq === 2);
    expect(await enqueueChatMemoryRuns(deps, t.app.services.config.chat.idleMs)).toBe(0);
  });
});

describe('Ownership', () => {
  it("Another user cannot read, send to, regenerate, fork, share, score, delete or subscribe to a chat, nor touch its memories", async () => {
    const owner = await userWithChat(t);
    const w = watch(t, owner.token, owner.sessionId);
    const a = await send(t, owner.token, owner.sessionId, 'private words');
    await w.finished(a.replyId!);
    const other = await userWithChat(t);
    const s = owner.sessionId;
    const codes = await Promise.all([
      t.http.request(ChatSessionDocument, { id: s }, other.token),
      t.http.request(ChatMessagesDocument, { sessionId: s }, other.token),
      t.http.request(SendChatMessageDocument, { input: { sessionId: s, content: 'hi', clientMessageId: 'x1' } }, other.token),
      t.http.request(RenameChatDocument, { input: { id: s, title: 'mine' } }, other.token),
      t.http.request(ShareChatDocument, { input: { sessionId: s } }, other.token),
      t.http.request(ScoreChatDocument, { input: { sessionId: s } }, other.token),
      t.http.request(DeleteChatDocument, { input: { id: s } }, other.token),
      t.http.request(RegenerateReplyDocument, { input: { messageId: a.replyId! } }, other.token),
      t.http.request(ForkChatDocument, { input: { messageId: a.message.id } }, other.token),
    ]).then((results) => results.map(errorCode));
    expect(codes).toEqual(['CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'CHAT_NOT_FOUND', 'MESSAGE_NOT_FOUND', 'MESSAGE_NOT_FOUND']);
    expect(errorCode(await t.http.request(MemoriesDocument, { personaId: owner.personaId }, other.token))).toBe('PERSONA_NOT_FOUND');
    expect(errorCode(await t.http.request(ForgetMemoryDocument, { input: { id: '00000000-0000-4000-8000-000000000000' } }, other.token))).toBe('MEMORY_NOT_FOUND');

    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${other.token}` });
    const sub = collect(client, ChatEventsDocument, { sessionId: s, afterSeq: 0 });
    await sub.done.catch(() => undefined);
    expect(sub.results.every((r) => !r.data)).toBe(true);
    expect(sub.error ?? sub.results[0]?.errors?.[0]).toBeTruthy();
    await client.dispose();
    // The owner's chat is untouched.
    expect((await conversation(t, owner.token, s)).map((m) => m.text)).toContain('private words');
    await w.close();
  });
});
