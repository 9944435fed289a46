import { Client } from 'pg';
import {
  AccessGrantsDocument,
  AccessLogDocument,
  AuditEventsDocument,
  ChatSessionDocument,
  GrantAccessDocument,
  MeDocument,
  ReadChatMessagesDocument,
  ReadMemoriesDocument,
  ReadPersonaDocument,
  RegisterDocument,
  RevokeAccessDocument,
  SharedWithMeDocument,
} from '../graphql/generated/graphql';
import { startAppWithStub } from './support/app-with-stub';
import { send, userWithChat, watch } from './support/chat-helpers';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';

let t: TestApp;
let close: () => Promise<void>;
let pg: Client;
beforeAll(async () => {
  ({ t, close } = await startAppWithStub());
  pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await close();
});

async function userWithRole(role: 'ANALYST' | 'ADMIN') {
  const input = newAccountInput();
  const token = (await t.http.ok(RegisterDocument, { input })).register.accessToken;
  await pg.query('update users set role = $1 where email = $2', [role, input.email.toLowerCase()]);
  return { token, email: input.email.toLowerCase(), id: (await t.http.ok(MeDocument, {}, token)).me.id };
}

describe('Sharing with analysts, admin access and the audit trail', () => {
  it('When an owner shares with an analyst, Then the analyst reads exactly that, every read is audited, and revoking ends it', async () => {
    const owner = await userWithChat(t);
    const w = watch(t, owner.token, owner.sessionId);
    const sent = await send(t, owner.token, owner.sessionId, 'shared line');
    await w.finished(sent.replyId!);
    await w.close();
    const analyst = await userWithRole('ANALYST');

    // Before any grant: nothing, and the attempt is on the owner's access log.
    expect(errorCode(await t.http.request(ReadPersonaDocument, { id: owner.personaId }, analyst.token))).toBe('PERSONA_NOT_FOUND');
    expect(errorCode(await t.http.request(ReadChatMessagesDocument, { sessionId: owner.sessionId }, analyst.token))).toBe('CHAT_NOT_FOUND');

    const personaGrant = (await t.http.ok(GrantAccessDocument, { input: { analystEmail: analyst.email, kind: 'PERSONA', resourceId: owner.personaId } }, owner.token)).grantAccess.grant;
    const chatGrant = (await t.http.ok(GrantAccessDocument, { input: { analystEmail: analyst.email, kind: 'CHAT' } }, owner.token)).grantAccess.grant;
    expect((await t.http.ok(SharedWithMeDocument, {}, analyst.token)).sharedWithMe.nodes.map((g) => g.id).sort()).toEqual([personaGrant.id, chatGrant.id].sort());
    expect((await t.http.ok(ReadPersonaDocument, { id: owner.personaId }, analyst.token)).readPersona.name).toBe('Jun');
    const chat = (await t.http.ok(ReadChatMessagesDocument, { sessionId: owner.sessionId }, analyst.token)).readChatMessages;
    expect(chat.nodes.map((m) => m.text)).toContain('shared line');
    // Memories were not shared.
    expect(errorCode(await t.http.request(ReadMemoriesDocument, { personaId: owner.personaId }, analyst.token))).toBe('PERSONA_NOT_FOUND');
    // Read-only: the analyst still cannot use the owner's chat as their own.
    expect(errorCode(await t.http.request(ChatSessionDocument, { id: owner.sessionId }, analyst.token))).toBe('CHAT_NOT_FOUND');

    await t.http.ok(RevokeAccessDocument, { input: { grantId: personaGrant.id } }, owner.token);
    expect(errorCode(await t.http.request(ReadPersonaDocument, { id: owner.personaId }, analyst.token))).toBe('PERSONA_NOT_FOUND');
    expect((await t.http.ok(AccessGrantsDocument, {}, owner.token)).accessGrants.nodes.find((g) => g.id === personaGrant.id)!.revokedAt).not.toBeNull();

    const log = (await t.http.ok(AccessLogDocument, { first: 50 }, owner.token)).accessLog.nodes.filter((e) => e.actorId === analyst.id);
    const outcomes = log.map((e) => `${e.kind}:${e.outcome}`).reverse();
    expect(outcomes).toEqual([
      'PERSONA:DENIED',
      'CHAT:DENIED',
      'PERSONA:SHARED',
      'CHAT:SHARED',
      'MEMORY:DENIED',
      'CHAT:DENIED',
      'PERSONA:DENIED',
    ]);
    expect(log.every((e) => e.actorRole === 'ANALYST')).toBe(true);
  });

  it('When an admin reads a user’s data, Then it works and is audited; plain users cannot use the read API at all', async () => {
    const owner = await userWithChat(t);
    const admin = await userWithRole('ADMIN');
    expect((await t.http.ok(ReadPersonaDocument, { id: owner.personaId }, admin.token)).readPersona.id).toBe(owner.personaId);
    const log = (await t.http.ok(AccessLogDocument, {}, owner.token)).accessLog.nodes;
    expect(log[0]).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN', outcome: 'ADMIN', kind: 'PERSONA', resourceId: owner.personaId, action: 'read' });
    const audited = (await t.http.ok(AuditEventsDocument, { actorId: admin.id }, admin.token)).auditEvents;
    expect(audited.nodes).toHaveLength(1);
    expect(audited).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(errorCode(await t.http.request(AuditEventsDocument, { actorId: admin.id, after: 'WyJub3QiXQ' }, admin.token))).toBe('VALIDATION_FAILED');

    const plain = await userWithChat(t);
    expect(errorCode(await t.http.request(ReadPersonaDocument, { id: owner.personaId }, plain.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.http.request(AuditEventsDocument, {}, plain.token))).toBe('FORBIDDEN');
    // A plain user probing another user's chat is a DENIED event on the owner's log.
    expect(errorCode(await t.http.request(ChatSessionDocument, { id: owner.sessionId }, plain.token))).toBe('CHAT_NOT_FOUND');
    const denied = (await t.http.ok(AccessLogDocument, {}, owner.token)).accessLog.nodes[0]!;
    expect(denied).toMatchObject({ outcome: 'DENIED', kind: 'CHAT', resourceId: owner.sessionId, actorRole: 'USER' });
    // Sharing needs a real analyst.
    expect(errorCode(await t.http.request(GrantAccessDocument, { input: { analystEmail: 'nobody@example.com', kind: 'PERSONA' } }, owner.token))).toBe('VALIDATION_FAILED');
  });
});
