import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CreatePersonaDocument, RegisterDocument, ShareChatDocument, StartChatDocument } from '../graphql/generated/graphql';
import { newAccountInput, startTestApp, type TestApp } from './support/test-app';

/**
 * N+1: one `sharedChat` page (no sign-in) with every message's `alternatives` must cost the
 * same number of SQL statements for 20 messages as for 200. Statements are counted where
 * every one of them passes: node-postgres's Client.query (MikroORM, knex and the transcript
 * store all go through it).
 */
let t: TestApp;
let statements = 0;
let counting = false;
const realQuery = pg.Client.prototype.query;

beforeAll(async () => {
  t = await startTestApp();
  // Counts, then hands over unchanged: the spy only looks.
  jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    if (counting) statements += 1;
    return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t.close();
});

const SHARED_CHAT_WITH_ALTERNATIVES = `query ($token: String!) {
  sharedChat(token: $token) { title partnerName messages { id seq version role text alternatives { id version text } } }
}`;

interface SharedMessage {
  id: string;
  seq: number;
  version: number;
  role: string;
  text: string;
  alternatives: { id: string; version: number; text: string }[];
}

/**
 * A shared chat of `count` messages, user and partner in turn, written straight to the tables
 * the chat feature writes (rows, texts in the transcript store): going through the model 100
 * times would test the model, not the read. Every fifth partner reply was regenerated once,
 * so its first version is an alternative.
 */
async function sharedChatOf(count: number): Promise<{ token: string; regenerated: Map<number, string> }> {
  const owner = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register;
  const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Jun' } }, owner.accessToken)).createPersona.persona;
  const session = (await t.http.ok(StartChatDocument, { input: { partnerPersonaId: persona.id } }, owner.accessToken)).startChat.chat;
  const rows: { id: string; seq: number; version: number; role: 'USER' | 'PARTNER'; active: boolean; text: string }[] = [];
  const regenerated = new Map<number, string>();
  for (let seq = 1; seq <= count; seq++) {
    const role = seq % 2 === 1 ? 'USER' : 'PARTNER';
    if (role === 'PARTNER' && seq % 10 === 0) {
      const first = { id: randomUUID(), seq, version: 1, role, active: false, text: `first try at ${seq}` } as const;
      rows.push(first);
      regenerated.set(seq, first.text);
      rows.push({ id: randomUUID(), seq, version: 2, role, active: true, text: `second try at ${seq}` });
    } else {
      rows.push({ id: randomUUID(), seq, version: 1, role, active: true, text: `message ${seq}` });
    }
  }
  const db = t.app.services.orm.em.getConnection();
  for (const r of rows) {
    await db.execute(
      `insert into chat_messages (id, session_id, seq, version, role, status, active, created_at, completed_at) values (?, ?, ?, ?, ?, ?, ?, now(), now())`,
      [r.id, session.id, r.seq, r.version, r.role, r.role === 'USER' ? 'SENT' : 'COMPLETE', r.active],
    );
  }
  await t.app.services.transcripts.append(
    rows.map((r) => ({
      ownerId: owner.user.id,
      conversationId: session.id,
      kind: 'CHAT' as const,
      batchId: r.id,
      dedupeKey: r.id,
      sender: r.role === 'USER' ? 'me' : 'Jun',
      role: r.role === 'USER' ? ('user' as const) : ('persona' as const),
      text: r.text,
      sentAt: new Date(),
    })),
  );
  const { token } = (await t.http.ok(ShareChatDocument, { input: { sessionId: session.id } }, owner.accessToken)).shareChat;
  return { token, regenerated };
}

/** Statements one sharedChat request costs; the fewest of three runs, so unrelated background work cannot inflate it. */
async function statementsFor(token: string): Promise<{ count: number; messages: SharedMessage[] }> {
  let fewest = Infinity;
  let messages: SharedMessage[] = [];
  for (let run = 0; run < 3; run++) {
    statements = 0;
    counting = true;
    const result = await t.http.raw<{ sharedChat: { messages: SharedMessage[] } }>({ query: SHARED_CHAT_WITH_ALTERNATIVES, variables: { token } });
    counting = false;
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    messages = result.data!.sharedChat.messages;
    fewest = Math.min(fewest, statements);
  }
  return { count: fewest, messages };
}

describe('N+1: sharedChat with alternatives', () => {
  it('When a shared chat has 200 messages, Then reading it with every alternative costs as many SQL statements as 20 messages do, and the alternatives are right', async () => {
    const small = await sharedChatOf(20);
    const large = await sharedChatOf(200);

    const few = await statementsFor(small.token);
    const many = await statementsFor(large.token);
    process.stdout.write(`sharedChat SQL statements: 20 messages → ${few.count}, 200 messages → ${many.count}\n`);

    expect(many.messages).toHaveLength(200);
    expect(many.count).toBe(few.count);
    // Share lookup, page of rows, their texts, the alternatives, their texts (+ a key lookup): a handful, not hundreds.
    expect(many.count).toBeLessThanOrEqual(8);

    // What a reader sees: every regenerated reply lists its first version, the others none.
    for (const m of many.messages) {
      const first = large.regenerated.get(m.seq);
      if (first) {
        expect({ seq: m.seq, text: m.text, alternatives: m.alternatives.map((a) => [a.version, a.text]) }).toEqual({ seq: m.seq, text: `second try at ${m.seq}`, alternatives: [[1, first]] });
      } else {
        expect({ seq: m.seq, alternatives: m.alternatives }).toEqual({ seq: m.seq, alternatives: [] });
      }
    }
  });
});
