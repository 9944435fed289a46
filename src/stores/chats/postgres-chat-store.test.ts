import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { ChatStore } from '../../ports/chat-store.port';
import { connect } from '../encryption/fixtures/encryption-test-db';
import { pooledSql } from '../postgres/pooled-sql';
import { postgresChatStore } from './postgres-chat-store';

const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;

run('postgresChatStore', () => {
  let orm: MikroORM;
  let store: ChatStore;
  const sql = <T>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    orm = await connect();
    store = postgresChatStore(pooledSql(orm));
  });
  afterAll(() => orm.close(true));

  /** A user, a partner persona and a chat with the given policy. */
  async function newChat(policy = 'ENQUEUE'): Promise<string> {
    const [userId, personaId, sessionId] = [randomUUID(), randomUUID(), randomUUID()];
    await sql(`insert into users (id, email, display_name, created_at, updated_at) values (?, ?, 'Chat store test', now(), now())`, [userId, `${userId}@chat-store.test`]);
    await sql(
      `insert into personas (id, owner_id, kind, name, interests, values, goals, dealbreakers, created_at, updated_at)
       values (?, ?, 'PARTNER', 'Sam', '[]', '[]', '[]', '[]', now(), now())`,
      [personaId, userId],
    );
    await sql(`insert into chat_sessions (id, owner_id, persona_id, policy, created_at, updated_at, last_activity_at) values (?, ?, ?, ?, now(), now(), now())`, [
      sessionId,
      userId,
      personaId,
      policy,
    ]);
    return sessionId;
  }

  const send = (sessionId: string, clientMessageId: string, policy: 'ENQUEUE' | 'INTERRUPT' | 'ROLLBACK' = 'ENQUEUE') =>
    store.messages.storeUserMessage({ sessionId, messageId: randomUUID(), replyId: randomUUID(), clientMessageId, at: new Date(), policy });

  it('When the same clientMessageId is stored twice at once, Then one message and one reply exist and the loser took no positions', async () => {
    const sessionId = await newChat();
    const results = await Promise.all([send(sessionId, 'c-1'), send(sessionId, 'c-1')]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    const [row] = await sql<{ message_seq: number; message_count: number }>('select message_seq, message_count from chat_sessions where id = ?', [sessionId]);
    expect(row).toEqual({ message_seq: 2, message_count: 1 });
    expect(await store.messages.findByClientMessageId(sessionId, 'c-1')).toMatchObject({ seq: 1, role: 'USER', status: 'SENT' });
    expect(await store.messages.pendingReply(sessionId)).toBeDefined();
  });

  it.each(['INTERRUPT', 'ROLLBACK'] as const)('When the same clientMessageId is stored twice at once under %s, Then the loser took no positions and withdrew nothing', async (policy) => {
    const sessionId = await newChat(policy);
    await send(sessionId, 'c-1', policy);
    const results = await Promise.all([send(sessionId, 'c-2', policy), send(sessionId, 'c-2', policy)]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    const [row] = await sql<{ message_seq: number; message_count: number }>('select message_seq, message_count from chat_sessions where id = ?', [sessionId]);
    expect(row).toEqual({ message_seq: 4, message_count: 2 });
    expect(await store.messages.pendingReply(sessionId)).toBeDefined();
  });

  it('When the chat is gone by the time the message is stored, Then nothing is stored and no error escapes', async () => {
    expect(await send(randomUUID(), 'c-1')).toBeUndefined();
  });

  it('When a reply is being written and the next message comes with INTERRUPT, Then the reply is withdrawn as INTERRUPTED and kept', async () => {
    const sessionId = await newChat('INTERRUPT');
    await send(sessionId, 'c-1');
    const first = await store.replies.acquireLeaseAndClaim(sessionId, 'writer-a', 30_000);
    expect(first).toMatchObject({ leased: true, reply: { seq: 2 } });
    const second = await send(sessionId, 'c-2', 'INTERRUPT');
    expect(second!.withdrawn).toEqual([{ id: first.reply!.id, status: 'INTERRUPTED' }]);
    expect(await store.messages.status(first.reply!.id)).toBe('INTERRUPTED');
  });

  it('When another process holds the lease, Then it is not taken until released; the next holder claims the queued reply', async () => {
    const sessionId = await newChat();
    await send(sessionId, 'c-1');
    expect((await store.replies.acquireLeaseAndClaim(sessionId, 'writer-a', 30_000)).leased).toBe(true);
    expect(await store.replies.acquireLeaseAndClaim(sessionId, 'writer-b', 30_000)).toEqual({ leased: false, reply: undefined });
    await store.replies.releaseLease(sessionId, 'writer-a');
    // writer-a's reply is STREAMING with no lease holder: it counts as pending for the next one.
    const taken = await store.replies.acquireLeaseAndClaim(sessionId, 'writer-b', 30_000);
    expect(taken).toMatchObject({ leased: true, reply: { seq: 2 } });
    expect(await store.replies.hasQueued(sessionId)).toBe(false);
  });

  it('When a reply is regenerated twice at once, Then one new version is queued and the reply is uncounted once', async () => {
    const sessionId = await newChat();
    await send(sessionId, 'c-1');
    const claimed = await store.replies.acquireLeaseAndClaim(sessionId, 'writer-a', 30_000);
    expect(await store.messages.completeReply(claimed.reply!.id, { tokens: 3, degraded: false })).toEqual({ messageSeq: 2, memorySeq: 0 });
    const input = { sessionId, messageId: claimed.reply!.id, seq: 2, replyTo: claimed.reply!.replyTo };
    const results = await Promise.all([store.messages.queueRegeneration({ ...input, replyId: randomUUID() }), store.messages.queueRegeneration({ ...input, replyId: randomUUID() })]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r)).toMatchObject({ seq: 2, version: 2, status: 'QUEUED', active: true });
    const [row] = await sql<{ message_count: number }>('select message_count from chat_sessions where id = ?', [sessionId]);
    expect(row!.message_count).toBe(1);
  });

  it('When a reply completes with its event floor, Then the floor rises in the same statement, never falls, and a reply no longer streaming leaves it alone', async () => {
    const sessionId = await newChat();
    await send(sessionId, 'c-1');
    const claimed = await store.replies.acquireLeaseAndClaim(sessionId, 'writer-a', 30_000);
    await store.sessions.raiseEventFloor(sessionId, 70);
    expect(await store.messages.completeReply(claimed.reply!.id, { tokens: 3, degraded: false, eventFloor: 64 })).toEqual({ messageSeq: 2, memorySeq: 0 });
    expect((await sql<{ event_seq: number }>('select event_seq from chat_sessions where id = ?', [sessionId]))[0]!.event_seq).toBe(70);
    await send(sessionId, 'c-2');
    const second = await store.replies.claimNext(sessionId);
    expect(await store.messages.completeReply(second!.id, { tokens: 3, degraded: false, eventFloor: 140 })).toEqual({ messageSeq: 4, memorySeq: 0 });
    expect((await sql<{ event_seq: number }>('select event_seq from chat_sessions where id = ?', [sessionId]))[0]!.event_seq).toBe(140);
    // Completed already: nothing is counted and the floor stays.
    expect(await store.messages.completeReply(second!.id, { tokens: 3, degraded: false, eventFloor: 500 })).toBeUndefined();
    expect((await sql<{ event_seq: number }>('select event_seq from chat_sessions where id = ?', [sessionId]))[0]!.event_seq).toBe(140);
  });

  it('When a chat is forked, Then the branch and its copies are written together, or (one copy failing) neither is', async () => {
    const parentId = await newChat();
    await send(parentId, 'c-1');
    const [parent] = await sql<{ owner_id: string; persona_id: string }>('select owner_id, persona_id from chat_sessions where id = ?', [parentId]);
    const spoken = (await store.messages.latestSpoken(parentId, 10)).reverse();
    const fork = (id: string) => ({
      id,
      ownerId: parent!.owner_id,
      personaId: parent!.persona_id,
      scenarioId: null,
      title: null,
      policy: 'ENQUEUE' as const,
      parentId,
      forkedFromMessageId: spoken[0]!.id,
      messageSeq: 1,
      messageCount: 1,
      memorySeq: 1,
      at: new Date(),
    });
    const copy = { id: randomUUID(), seq: 1, role: 'USER' as const, status: 'SENT' as const, replyTo: null, tokenCount: 0, degraded: false, createdAt: spoken[0]!.createdAt, completedAt: null };

    const branchId = randomUUID();
    await store.sessions.createFork(fork(branchId), [copy]);
    expect(await store.messages.allSpoken(branchId)).toEqual([expect.objectContaining({ id: copy.id, sessionId: branchId, seq: 1, version: 1, role: 'USER', active: true })]);

    const failedId = randomUUID();
    // The same message id again: the copy violates the primary key, so the branch row goes too.
    await expect(store.sessions.createFork(fork(failedId), [copy])).rejects.toThrow();
    expect(await sql('select id from chat_sessions where id = ?', [failedId])).toEqual([]);
  });
});
