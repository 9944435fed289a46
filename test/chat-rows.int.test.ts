import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM, wrap, type EntityManager } from '@mikro-orm/postgresql';
import { entities } from '../src/entities';
import { User } from '../src/domain/accounts/user.entity';
import { ChatSession } from '../src/domain/chats/chat-session.entity';
import { ChatPolicy } from '../src/domain/chats/chat-policy';
import { chatFromRows, personaFromRow } from '../src/domain/chats/chat-from-rows';
import { findOwnChatInOneRead } from '../src/domain/chats/find-own-chat';
import { PersonaProfile, ProfileStatus } from '../src/domain/personas/persona-profile.entity';
import { Persona, PersonaKind } from '../src/domain/personas/persona.entity';
import { ormOptions } from '../src/stores/postgres/create-orm';
import { pooledSql } from '../src/stores/postgres/pooled-sql';
import { PostgresChatRows } from '../src/stores/chats/postgres-chat-rows';

/**
 * The live-chat hot path reads a chat with its persona (and owner, profile summary, SELF
 * persona) in one raw statement and maps the rows with em.map (ChatRowReader, chatFromRows).
 * What it hands the domain must be what em.findOne with populate gave: the same values, managed
 * entities with loaded references, nothing dirty for a later flush; and the ownership answer
 * must stay findOwned's.
 */
describe('chat rows read in one statement, mapped with em.map', () => {
  let orm: MikroORM;
  let rows: PostgresChatRows;

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions({ clientUrl: process.env.TEST_DATABASE_URL!, entities, migrations: [] }));
    rows = new PostgresChatRows(pooledSql(orm));
  });
  afterAll(() => orm.close(true));

  /** A user with a partner persona (every kind of column filled), profiles, optionally a SELF persona, and a chat. */
  async function seed(options: { self?: boolean; profiles?: { version: number; status: ProfileStatus; summary: unknown }[] } = {}) {
    const em = orm.em.fork();
    const user = em.create(User, { email: `${randomUUID()}@chat-rows.test`, displayName: 'Alex', emailVerifiedAt: new Date('2026-01-02T03:04:05.678Z') });
    const persona = em.create(Persona, {
      owner: user,
      kind: PersonaKind.PARTNER,
      name: 'Mei',
      age: 27,
      gender: 'woman',
      relationshipContext: 'dating 3 months',
      description: 'Nurse "on" rotating shifts; 夜班 😩',
      interests: ['hiking', 'tea'],
      values: [],
      goals: ['trust'],
      dealbreakers: ['smoking'],
      consentGiven: true,
      consentAt: new Date('2026-03-04T05:06:07.089Z'),
      styleFingerprint: { messageCount: 45, length: { medianChars: 28, p90Chars: 55 }, sealedText: 'v1:abc', zeta: 1, alpha: [1, 2] },
      importedMessageCount: 45,
    });
    if (options.self) em.create(Persona, { owner: user, kind: PersonaKind.SELF, name: 'Alex', age: 29, gender: 'man', description: 'Designer' });
    for (const p of options.profiles ?? []) em.create(PersonaProfile, { persona, version: p.version, status: p.status, profile: { summary: p.summary, traits: ['warm'] } });
    const session = em.create(ChatSession, {
      owner: user,
      persona,
      scenarioId: 'first-date',
      title: 'Friday',
      policy: ChatPolicy.INTERRUPT,
      messageSeq: 4,
      messageCount: 3,
      memorySeq: 2,
      eventSeq: 17,
      replyLeaseUntil: new Date('2026-05-06T07:08:09.123Z'),
      replyLeaseOwner: 'proc-1',
    });
    await em.flush();
    return { userId: user.id, personaId: persona.id, sessionId: session.id };
  }

  /** The entity's own values (references as ids), for comparing two loads. */
  const values = (entity: object) => wrap(entity).toObject();

  /** Whether a flush of `em` would write anything. */
  function changeSets(em: EntityManager): number {
    const uow = em.getUnitOfWork();
    uow.computeChangeSets();
    return uow.getChangeSets().length;
  }

  it('When a chat is read with its persona, Then the mapped entities equal findOne with populate, are managed, and nothing is dirty', async () => {
    const { sessionId } = await seed();
    const viaFind = await orm.em.fork().findOneOrFail(ChatSession, sessionId, { populate: ['persona'] });
    const em = orm.em.fork();
    const read = await rows.withPersona(sessionId);
    const session = chatFromRows(em, read!);

    expect(values(session)).toEqual(values(viaFind));
    expect(values(session.persona.getEntity())).toEqual(values(viaFind.persona.getEntity()));
    expect(session.persona.isInitialized()).toBe(true);
    expect(session.owner.isInitialized()).toBe(false);
    expect(session.replyLeaseUntil).toEqual(new Date('2026-05-06T07:08:09.123Z'));
    expect(session.persona.getEntity().styleFingerprint).toEqual({ messageCount: 45, length: { medianChars: 28, p90Chars: 55 }, sealedText: 'v1:abc', zeta: 1, alpha: [1, 2] });
    expect(em.getUnitOfWork().getById(ChatSession.name, sessionId)).toBe(session);
    expect(changeSets(em)).toBe(0);
  });

  it('When there is no such chat, Then both reads answer undefined', async () => {
    expect(await rows.withPersona(randomUUID())).toBeUndefined();
    expect(await rows.forReply(randomUUID())).toBeUndefined();
  });

  it("When a reply's context is read, Then session, owner and persona equal findOne's, with the latest COMPLETED profile's summary and the SELF persona", async () => {
    const { sessionId, userId } = await seed({
      self: true,
      profiles: [
        { version: 1, status: ProfileStatus.COMPLETED, summary: 'older' },
        { version: 2, status: ProfileStatus.COMPLETED, summary: 'latest' },
        { version: 3, status: ProfileStatus.PENDING, summary: 'not finished' },
      ],
    });
    const find = orm.em.fork();
    const viaFind = await find.findOneOrFail(ChatSession, sessionId, { populate: ['persona', 'owner'] });
    const selfViaFind = await find.findOneOrFail(Persona, { owner: userId, kind: PersonaKind.SELF });

    const em = orm.em.fork();
    const read = (await rows.forReply(sessionId))!;
    const session = chatFromRows(em, read);
    const self = personaFromRow(em, read.selfPersona);

    expect(values(session)).toEqual(values(viaFind));
    expect(values(session.owner.getEntity())).toEqual(values(viaFind.owner.getEntity()));
    expect(session.owner.getEntity().passwordHash).toBe(viaFind.owner.getEntity().passwordHash);
    expect(values(session.persona.getEntity())).toEqual(values(viaFind.persona.getEntity()));
    expect(values(self!)).toEqual(values(selfViaFind));
    expect(read.profileSummary).toBe('latest');
    expect(changeSets(em)).toBe(0);
  });

  it('When the owner has no SELF persona and no finished profile, Then both are null', async () => {
    const { sessionId } = await seed({ profiles: [{ version: 1, status: ProfileStatus.FAILED, summary: 'failed' }] });
    const read = (await rows.forReply(sessionId))!;
    expect(read.selfPersona).toBeNull();
    expect(read.profileSummary).toBeNull();
    expect(personaFromRow(orm.em.fork(), read.selfPersona)).toBeNull();
  });

  it('When the latest finished profile has a summary that is not text, Then it is passed on as it is (the caller keeps strings only)', async () => {
    const { sessionId } = await seed({ profiles: [{ version: 1, status: ProfileStatus.COMPLETED, summary: 'text' }, { version: 2, status: ProfileStatus.COMPLETED, summary: { nested: true } }] });
    expect((await rows.forReply(sessionId))!.profileSummary).toEqual({ nested: true });
  });

  describe('findOwnChatInOneRead', () => {
    const deniedAudits = async (resourceId: string) =>
      Number(((await orm.em.getConnection().execute(`select count(*)::int as n from audit_events where resource_id = ? and outcome = 'DENIED'`, [resourceId])) as { n: number }[])[0]!.n);

    it("When the caller owns the chat, Then it is the session with its persona loaded, and nothing is audited", async () => {
      const { sessionId, userId, personaId } = await seed();
      const session = await findOwnChatInOneRead(orm.em.fork(), rows, userId, sessionId);
      expect(session.id).toBe(sessionId);
      expect(session.persona.getEntity().id).toBe(personaId);
      expect(session.persona.getEntity().name).toBe('Mei');
      expect(await deniedAudits(sessionId)).toBe(0);
    });

    it("When it is another user's chat, a missing one or a malformed id, Then each answers CHAT_NOT_FOUND alike and is audited as findOwned does", async () => {
      const { sessionId } = await seed();
      const { userId: stranger } = await seed();
      const missing = randomUUID();
      for (const id of [sessionId, missing, 'not-a-uuid', `${missing}x`]) {
        await expect(findOwnChatInOneRead(orm.em.fork(), rows, stranger, id)).rejects.toMatchObject({ code: 'CHAT_NOT_FOUND', message: 'Chat not found' });
        expect(await deniedAudits(id)).toBe(1);
      }
    });
  });
});
