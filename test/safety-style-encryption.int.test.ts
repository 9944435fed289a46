import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import {
  CharacterCardDocument,
  CreatePersonaDocument,
  ImportChatLogDocument,
  PersonaStyleFingerprintDocument,
  RegisterDocument,
  SetPersonaConsentDocument,
  StartChatDocument,
} from '../graphql/generated/graphql';
import { Migration20261204220000_seal_style_text } from '../migrations/Migration20261204220000_seal_style_text';
import { startAppWithStub } from './support/app-with-stub';
import { send, watch } from './support/chat-helpers';
import { newAccountInput, type TestApp } from './support/test-app';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';

let t: TestApp;
let stub: StubLlmServer;
let close: () => Promise<void>;
let pg: Client;
beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
  pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await close();
});

/** Words only this person writes, so finding them anywhere means their messages leaked there. */
const PHRASES = ['zebra pancakes at midnight', 'quokka lanterns forever', 'marzipan thunderstorm again'];

function chatLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 24; i++) {
    const hh = String(10 + Math.floor(i / 4)).padStart(2, '0');
    const mm = String((i % 4) * 10 + 1).padStart(2, '0');
    lines.push(`23/11/2026, ${hh}:${mm} - Alex: How was your day ${i}?`);
    lines.push(`23/11/2026, ${hh}:${String(Number(mm) + 2).padStart(2, '0')} - Rin: ${PHRASES[i % PHRASES.length]} haha`);
  }
  return lines.join('\n');
}

async function partnerWithImport() {
  const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
  const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Rin' } }, token)).createPersona.persona;
  await t.http.ok(ImportChatLogDocument, { input: { personaId: persona.id, format: 'WHATSAPP', content: chatLog(), personaSpeaker: 'Rin' } }, token);
  await t.http.ok(SetPersonaConsentDocument, { input: { id: persona.id, given: true } }, token);
  return { token, personaId: persona.id };
}

const rawFingerprint = async (personaId: string) =>
  (await pg.query<{ raw: string | null }>('select style_fingerprint::text as raw from personas where id = $1', [personaId])).rows[0]!.raw;

describe('Style fingerprints keep the person’s words encrypted', () => {
  it('When a chat log is imported, Then the stored fingerprint holds none of the person’s words in the clear, and the owner, the card and the partner’s prompt still get them', async () => {
    const { token, personaId } = await partnerWithImport();
    const raw = (await rawFingerprint(personaId))!;
    expect(raw).toContain('"sealedText": "enc1:');
    expect(raw).toContain('"messageCount"');
    for (const word of ['zebra', 'quokka', 'marzipan', 'pancakes', 'lanterns', 'thunderstorm']) expect({ word, inRaw: raw.includes(word) }).toEqual({ word, inRaw: false });

    const mine = (await t.http.ok(PersonaStyleFingerprintDocument, { id: personaId }, token)).persona.styleFingerprint!;
    expect(mine.samples!.some((s) => PHRASES.some((p) => s.includes(p)))).toBe(true);
    expect(mine.frequentPhrases!.length).toBeGreaterThan(0);

    const card = (await t.http.ok(CharacterCardDocument, { personaId }, token)).characterCard;
    expect(card.data.messageExample).toContain('zebra pancakes at midnight');
    expect(card.json).toContain('zebra pancakes at midnight');

    const session = (await t.http.ok(StartChatDocument, { input: { partnerPersonaId: personaId } }, token)).startChat.chat;
    const w = watch(t, token, session.id);
    const sent = await send(t, token, session.id, 'what are you up to tonight?');
    await w.finished(sent.replyId!);
    await w.close();
    // The partner's request (the one answering this message) carries the person's samples in its system prompt.
    const asked = stub
      .requests()
      .filter((r) => r.path === '/v1/chat/completions')
      .map((r) => r.body as { messages: { role: string; content: string }[] })
      .find((b) => b.messages.some((m) => m.role === 'user' && m.content.includes('what are you up to tonight?')) && b.messages[0]?.role === 'system');
    expect(PHRASES.some((p) => asked!.messages[0]!.content.includes(p))).toBe(true);
  }, 60_000);

  it('When the fingerprint is moved onto another persona’s row, Then it does not open there (sealed to its owner and persona)', async () => {
    const a = await partnerWithImport();
    const b = await partnerWithImport();
    await pg.query('update personas set style_fingerprint = (select style_fingerprint from personas where id = $1) where id = $2', [a.personaId, b.personaId]);
    const moved = await t.http.raw({ query: 'query($id: ID!) { persona(id: $id) { styleFingerprint { samples } } }', variables: { id: b.personaId } }, b.token);
    expect(moved.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(moved)).not.toContain('zebra');
  }, 60_000);

  it('When the migration runs over fingerprints stored before encryption, Then no plaintext words are left in them and their measurements stay', async () => {
    const { personaId } = await partnerWithImport();
    const legacy = { messageCount: 24, questionRate: 0.1, samples: ['zebra pancakes at midnight haha'], frequentPhrases: [{ phrase: 'quokka lanterns', count: 8 }] };
    await pg.query('update personas set style_fingerprint = $1 where id = $2', [JSON.stringify(legacy), personaId]);

    const orm = t.app.services.orm as MikroORM;
    const migration = new Migration20261204220000_seal_style_text(orm.em.getDriver(), orm.config);
    await migration.up();
    for (const sql of migration.getQueries()) await pg.query(typeof sql === 'string' ? sql : sql.toString());

    const raw = (await rawFingerprint(personaId))!;
    expect(raw).not.toContain('zebra');
    expect(raw).not.toContain('quokka');
    expect(JSON.parse(raw)).toEqual({ messageCount: 24, questionRate: 0.1 });
  });
});
