import {
  AnalyzePersonaDocument,
  CharacterCardDocument,
  CharacterCardPngDocument,
  ImportCharacterCardPngDocument,
  ImportCharacterCardDocument,
  CreatePersonaDocument,
  DeletePersonaDocument,
  ImportChatLogDocument,
  PersonaAnalysisEventsDocument,
  PersonaDocument,
  PersonaProfilesDocument,
  PersonasDocument,
  RegisterDocument,
  SetPersonaConsentDocument,
  UpdatePersonaDocument,
} from '../graphql/generated/graphql';
import { ChatImport } from '../src/domain/personas/chat-import.entity';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { errorCode } from './support/graphql-client';
import { newAccountInput, type TestApp } from './support/test-app';
import { collect, eventually, wsClient } from './support/ws-client';

let stub: StubLlmServer;
let t: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub());
});
afterAll(() => close());
beforeEach(() => stub.reset());

async function newUser(): Promise<string> {
  return (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
}

async function newPartner(token: string, name = 'Mei') {
  const { createPersona } = await t.http.ok(
    CreatePersonaDocument,
    { input: { kind: 'PARTNER', name, age: 27, relationshipContext: 'dating 3 months', interests: ['hiking', '火锅'] } },
    token,
  );
  return createPersona.persona;
}

/** A WhatsApp (Android, 24h) export: Mei and Alex, Chinese, emoji, a multi-line message, a system line. */
function whatsappExport(exchanges = 15): string {
  const lines = ['23/11/2026, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.'];
  const meiReplies = ['哈哈哈 好呀~ 😂', '今天好累啊 😩 但是看到你消息就开心了', '周末去爬山吗？🏔️', '你太坏了 😤 哈哈', '想吃火锅！！🍲'];
  for (let i = 0; i < exchanges; i++) {
    const hh = String(10 + Math.floor(i / 4)).padStart(2, '0');
    const mm = String((i % 4) * 10 + 1).padStart(2, '0');
    lines.push(`23/11/2026, ${hh}:${mm} - Alex: How was your day ${i}? Did you eat?`);
    lines.push(`23/11/2026, ${hh}:${String(Number(mm) + 2).padStart(2, '0')} - Mei: ${meiReplies[i % meiReplies.length]}`);
    if (i === 3) lines.push('and also... I miss you');
  }
  return lines.join('\n');
}

describe('Personas: CRUD, ownership and tier limits', () => {
  it('When a user creates, updates, lists and deletes personas, Then only their own appear', async () => {
    const token = await newUser();
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex', values: ['honesty'] } }, token)).createPersona.persona;
    const partner = await newPartner(token);
    const updated = await t.http.ok(UpdatePersonaDocument, { input: { id: partner.id, description: 'Loves spicy food', age: 28 } }, token);
    expect(updated.updatePersona.persona).toMatchObject({ name: 'Mei', age: 28, description: 'Loves spicy food', interests: ['hiking', '火锅'] });
    const list = await t.http.ok(PersonasDocument, {}, token);
    expect(list.personas.nodes.map((p) => p.id).sort()).toEqual([self.id, partner.id].sort());
    expect((await t.http.ok(PersonasDocument, { kind: 'SELF' }, token)).personas.nodes.map((p) => p.id)).toEqual([self.id]);
    expect((await t.http.ok(DeletePersonaDocument, { input: { id: partner.id } }, token)).deletePersona).toEqual({ deletedPersonaId: partner.id });
    expect(errorCode(await t.http.request(PersonaDocument, { id: partner.id }, token))).toBe('PERSONA_NOT_FOUND');
  });

  it('When a second SELF persona is created, Then it is refused', async () => {
    const token = await newUser();
    await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Me' } }, token);
    const again = await t.http.request(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Me again' } }, token);
    expect(errorCode(again)).toBe('VALIDATION_FAILED');
  });

  it('When a BASIC user creates a third partner persona, Then QUOTA_EXCEEDED and nothing is created', async () => {
    const token = await newUser();
    await newPartner(token, 'A');
    await newPartner(token, 'B');
    const third = await t.http.request(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'C' } }, token);
    expect(errorCode(third)).toBe('QUOTA_EXCEEDED');
    expect((await t.http.ok(PersonasDocument, { kind: 'PARTNER' }, token)).personas.nodes).toHaveLength(2);
  });

  it.each([
    ['an age under 16', { age: 12 }],
    ['a huge description', { description: 'x'.repeat(9000) }],
    ['too many interests', { interests: Array.from({ length: 40 }, (_, i) => `i${i}`) }],
    ['an empty name', { name: '  ' }],
  ])('When a persona has %s, Then VALIDATION_FAILED and nothing is created', async (_label, override) => {
    const token = await newUser();
    const result = await t.http.request(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei', ...override } }, token);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(PersonasDocument, {}, token)).personas.nodes).toHaveLength(0);
  });

  it('When another user tries to read, update, delete, import into, analyse or consent for a persona, Then PERSONA_NOT_FOUND', async () => {
    const owner = await newUser();
    const intruder = await newUser();
    const partner = await newPartner(owner);
    const attempts = await Promise.all([
      t.http.request(PersonaDocument, { id: partner.id }, intruder),
      t.http.request(UpdatePersonaDocument, { input: { id: partner.id, name: 'Hacked' } }, intruder),
      t.http.request(DeletePersonaDocument, { input: { id: partner.id } }, intruder),
      t.http.request(ImportChatLogDocument, { input: { personaId: partner.id, format: 'AUTO', content: whatsappExport(2), personaSpeaker: 'Mei' } }, intruder),
      t.http.request(AnalyzePersonaDocument, { input: { personaId: partner.id } }, intruder),
      t.http.request(SetPersonaConsentDocument, { input: { id: partner.id, given: true } }, intruder),
      t.http.request(PersonaProfilesDocument, { personaId: partner.id }, intruder),
    ]);
    expect(attempts.map(errorCode)).toEqual(Array(attempts.length).fill('PERSONA_NOT_FOUND'));
    // A malformed id is bad input (the argument check answers before any lookup), not someone else's persona.
    expect(errorCode(await t.http.request(PersonaDocument, { id: 'not-a-uuid' }, intruder))).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(PersonaDocument, { id: partner.id }, owner)).persona).toMatchObject({ name: 'Mei', importedMessageCount: 0 });

    const { client, closes } = wsClient(t.wsUrl, { authorization: `Bearer ${intruder}` });
    const sub = collect(client, PersonaAnalysisEventsDocument, { personaId: partner.id });
    await sub.done.catch(() => undefined);
    expect(sub.results[0]?.errors?.[0]?.extensions?.code ?? (sub.error as { message?: string } | undefined)).toBeDefined();
    expect(sub.results.every((r) => !r.data)).toBe(true);
    expect(closes.length).toBeLessThanOrEqual(1);
    await client.dispose();
  });
});

describe('Chat-log import', () => {
  it('When a WhatsApp export is imported twice, Then messages are stored once and the persona counts them', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    const input = { format: 'AUTO' as const, content: whatsappExport(15), personaSpeaker: 'Mei' };
    const first = (await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, ...input } }, token)).importChatLog.chatLogImport;
    expect(first).toMatchObject({ format: 'WHATSAPP', parsedMessages: 30, inserted: 30, duplicates: 0 });
    expect(first.participants.sort()).toEqual(['Alex', 'Mei']);
    const second = (await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, ...input } }, token)).importChatLog.chatLogImport;
    expect(second).toMatchObject({ inserted: 0, duplicates: 30 });
    expect((await t.http.ok(PersonaDocument, { id: partner.id }, token)).persona.importedMessageCount).toBe(30);
    const stored = await t.app.services.transcripts.list(partner.id, { limit: 100 });
    expect(stored.filter((m) => m.role === 'persona').map((m) => m.text)).toContain('哈哈哈 好呀~ 😂');
    expect(stored.some((m) => m.text.includes('and also... I miss you'))).toBe(true);
  });

  it('When a valid export holds more messages than one transcript append takes (12,000), Then every message is stored once', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    const content = Array.from({ length: 12_000 }, (_, i) => `${i % 2 === 0 ? 'Mei' : 'Alex'}: line ${i + 1}`).join('\n');
    const input = { format: 'PLAIN' as const, content, personaSpeaker: 'Mei' };
    const first = (await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, ...input } }, token)).importChatLog.chatLogImport;
    expect(first).toMatchObject({ parsedMessages: 12_000, inserted: 12_000, duplicates: 0 });
    const again = (await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, ...input } }, token)).importChatLog.chatLogImport;
    expect(again).toMatchObject({ inserted: 0, duplicates: 12_000 });
    expect(await t.app.services.transcripts.count(partner.id)).toBe(12_000);
  });

  it('When the file is malformed, Then IMPORT_PARSE_FAILED names the line and nothing is left behind', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    const content = 'this is not\na whatsapp export';
    const result = await t.http.request(ImportChatLogDocument, { input: { personaId: partner.id, format: 'WHATSAPP', content, personaSpeaker: 'Mei' } }, token);
    expect(errorCode(result)).toBe('IMPORT_PARSE_FAILED');
    expect(result.errors?.[0]?.extensions?.line).toBe(1);
    expect(await t.app.services.transcripts.count(partner.id)).toBe(0);
    expect(await t.app.services.orm.em.fork().count(ChatImport, { persona: partner.id })).toBe(0);
  });

  it('When the persona speaker is not in the log, Then VALIDATION_FAILED lists who is, and nothing is stored', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    const result = await t.http.request(ImportChatLogDocument, { input: { personaId: partner.id, format: 'AUTO', content: whatsappExport(3), personaSpeaker: 'Nobody' } }, token);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.participants).toEqual(expect.arrayContaining(['Mei', 'Alex']));
    expect(await t.app.services.transcripts.count(partner.id)).toBe(0);
  });

  it('When the export is larger than the limit, Then it is refused before parsing', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    const content = `Mei: ${'好'.repeat(600_000)}`;
    const result = await t.http.request(ImportChatLogDocument, { input: { personaId: partner.id, format: 'PLAIN', content, personaSpeaker: 'Mei' } }, token);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(await t.app.services.transcripts.count(partner.id)).toBe(0);
  });
});

describe('Persona analysis', () => {
  const observationReply = { observations: [{ kind: 'extraversion', note: 'Playful and warm, lots of laughter', citations: ['m2', 'm4', 'm999'] }] };
  const trait = (score: number) => ({ score, confidence: 0.6, citations: ['m2'] });
  const profileReply = {
    summary: 'Warm, playful, food-loving; needs reassurance after long days.',
    bigFive: { openness: trait(0.7), conscientiousness: trait(0.5), extraversion: trait(0.8), agreeableness: trait(0.75), neuroticism: trait(0.4) },
    attachmentStyle: { style: 'anxious', confidence: 0.5, citations: ['m4', 'm12345'] },
    loveLanguages: [{ language: 'quality-time', weight: 0.7, citations: ['m6'] }],
    communicationStyle: { summary: 'Short, emoji-rich, teasing', directness: 0.6, warmth: 0.9, humor: 0.8, citations: ['m2'] },
    conflictStyle: { criticism: 0.2, contempt: 0.05, defensiveness: 0.3, stonewalling: 0.1, repairHabits: [{ habit: 'jokes to defuse', citations: ['m8'] }], citations: [] },
    values: [{ value: 'family', citations: [] }],
    interests: [{ interest: 'hotpot', citations: ['m10'] }],
    greenFlags: [{ flag: 'checks in daily', citations: ['m2'] }],
    redFlags: [],
  };

  function scriptAnalysis() {
    stub.script([
      { match: 'relationship psychologist reading part of a chat log', reply: observationReply },
      { match: 'Combine the observations', reply: profileReply },
      // The profiled partner answers like Mei does; the generic baseline gets the stub's default reply.
      { system: 'Stay in character', reply: '哈哈哈 好呀~ 😂 今天好累啊' },
    ]);
  }

  it('When analysis runs without consent for an imported partner, Then CONSENT_REQUIRED and no profile is created', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, format: 'AUTO', content: whatsappExport(5), personaSpeaker: 'Mei' } }, token);
    expect(errorCode(await t.http.request(AnalyzePersonaDocument, { input: { personaId: partner.id } }, token))).toBe('CONSENT_REQUIRED');
    expect((await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes).toHaveLength(0);
  });

  it('When analysis runs, Then progress streams to COMPLETED and the profile cites real imported messages and beats the baseline', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    await t.http.ok(ImportChatLogDocument, { input: { personaId: partner.id, format: 'AUTO', content: whatsappExport(15), personaSpeaker: 'Mei' } }, token);
    await t.http.ok(SetPersonaConsentDocument, { input: { id: partner.id, given: true } }, token);
    scriptAnalysis();

    const { client } = wsClient(t.wsUrl, { authorization: `Bearer ${token}` });
    const sub = collect(client, PersonaAnalysisEventsDocument, { personaId: partner.id });
    await sub.ready;
    await new Promise((r) => setTimeout(r, 100));
    const { analyzePersona } = await t.http.ok(AnalyzePersonaDocument, { input: { personaId: partner.id } }, token);
    expect(analyzePersona.profile).toMatchObject({ version: 1, status: 'PENDING' });
    await eventually(() => sub.results.some((r) => r.data?.personaAnalysisEvents.status === 'COMPLETED'), 20_000);
    const statuses = sub.results.map((r) => r.data?.personaAnalysisEvents.status);
    expect(statuses[0]).toBe('PENDING');
    expect(statuses).toContain('PROCESSING');
    sub.unsubscribe();
    await client.dispose();

    const [profile] = (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes;
    expect(profile).toMatchObject({ version: 1, status: 'COMPLETED' });
    const realIds = new Set((await t.app.services.transcripts.list(partner.id, { limit: 1000 })).map((m) => m.id));
    const cited: string[] = [];
    JSON.stringify(profile!.profile, (key, value) => {
      if (key === 'citations') cited.push(...(value as string[]));
      return value;
    });
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((id) => realIds.has(id))).toBe(true);
    // Typed, with the model's lowercase labels as enum values: the invented ref (m12345) is dropped.
    expect(profile!.profile!.attachmentStyle).toMatchObject({ style: 'ANXIOUS', confidence: 0.5 });
    expect(profile!.profile!.attachmentStyle!.citations).toHaveLength(1);
    expect(profile!.profile!.loveLanguages.map((l) => l.language)).toEqual(['QUALITY_TIME']);
    expect(profile!.profile!.bigFive!.extraversion!.score).toBe(0.8);
    expect(profile!.profile!.conflictStyle!.repairHabits.map((h) => h.text)).toEqual(['jokes to defuse']);
    expect(profile!.profile!.interests.map((i) => i.text)).toEqual(['hotpot']);
    expect(profile!.prompts).toEqual(expect.arrayContaining(['persona-analysis.aggregate-profile@1']));
    expect(profile!.fidelity!.sampleSize).toBe(3);
    expect(profile!.fidelity!.score).toBeGreaterThan(profile!.fidelity!.baseline);
  });

  it('When a persona is analysed again, Then a new version is added and the old one kept', async () => {
    const token = await newUser();
    const partner = await newPartner(token);
    scriptAnalysis();
    await t.http.ok(AnalyzePersonaDocument, { input: { personaId: partner.id } }, token);
    await eventually(async () => (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes[0]?.status === 'COMPLETED', 20_000);
    await t.http.ok(AnalyzePersonaDocument, { input: { personaId: partner.id } }, token);
    await eventually(async () => (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes[0]?.status === 'COMPLETED', 20_000);
    const versions = (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes.map((p) => [p.version, p.status]);
    expect(versions).toEqual([
      [2, 'COMPLETED'],
      [1, 'COMPLETED'],
    ]);
  });

  it('When every model fails, Then the profile is FAILED with a reason', async () => {
    const token = await newUser();
    // A name no earlier test used: deterministic analysis calls are cached, and a cache hit would succeed.
    const partner = await newPartner(token, `Nobody ${Date.now()}`);
    stub.configure('*', { failStatus: 500 });
    await t.http.ok(AnalyzePersonaDocument, { input: { personaId: partner.id } }, token);
    await eventually(async () => (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes[0]?.status === 'FAILED', 20_000);
    const [profile] = (await t.http.ok(PersonaProfilesDocument, { personaId: partner.id }, token)).personaProfiles.nodes;
    expect(profile!.failureReason).toMatch(/try again/i);
  });
});

describe('Character Card V2', () => {
  it('When a persona is exported as a card and imported back, Then the new persona has the same fields', async () => {
    const token = await newUser();
    const partner = await newPartner(token, 'Mei');
    await t.http.ok(UpdatePersonaDocument, { input: { id: partner.id, description: 'Loves spicy food', values: ['family'], goals: ['travel'], dealbreakers: ['smoking'] } }, token);
    const { characterCard } = await t.http.ok(CharacterCardDocument, { personaId: partner.id }, token);
    expect(characterCard).toMatchObject({ spec: 'chara_card_v2', specVersion: '2.0', data: { name: 'Mei', soullink: { values: ['family'], dealbreakers: ['smoking'] } } });
    expect(JSON.parse(characterCard.json)).toMatchObject({ spec: 'chara_card_v2', spec_version: '2.0', data: { name: 'Mei' } });
    const other = await newUser();
    const imported = (await t.http.ok(ImportCharacterCardDocument, { input: { card: characterCard.json } }, other)).importCharacterCard.persona;
    expect(imported).toMatchObject({
      kind: 'PARTNER',
      name: 'Mei',
      age: 27,
      relationshipContext: 'dating 3 months',
      description: 'Loves spicy food',
      interests: ['hiking', '火锅'],
      values: ['family'],
      goals: ['travel'],
      dealbreakers: ['smoking'],
    });
  });

  it('When a card is exported as PNG, Then the PNG carries the card and imports back', async () => {
    const token = await newUser();
    const partner = await newPartner(token, '小美');
    const { characterCardPng } = await t.http.ok(CharacterCardPngDocument, { personaId: partner.id }, token);
    const png = Buffer.from(characterCardPng, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const other = await newUser();
    const imported = (await t.http.ok(ImportCharacterCardPngDocument, { input: { card: characterCardPng, format: 'PNG_BASE64' } }, other)).importCharacterCard.persona;
    expect(imported).toMatchObject({ name: '小美', interests: ['hiking', '火锅'] });
  });

  it('When the card is not a valid card, Then VALIDATION_FAILED and nothing is created', async () => {
    const token = await newUser();
    const result = await t.http.request(ImportCharacterCardDocument, { input: { card: JSON.stringify({ spec: 'chara_card_v2', data: { name: 42 } }) } }, token);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect((await t.http.ok(PersonasDocument, {}, token)).personas.nodes).toHaveLength(0);
  });
});
