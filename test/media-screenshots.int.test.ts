import {
  CreatePersonaDocument,
  ImportScreenshotsDocument,
  MediaFileDocument,
  PersonaDocument,
  PreviewScreenshotImportDocument,
  RegisterDocument,
} from '../graphql/generated/graphql';
import { startAppWithStub } from './support/app-with-stub';
import { CHROMIUM_PATH, CJK_FONT_AVAILABLE, ChatScreenshotRenderer, type ChatRow } from './support/chat-screenshot';
import { errorCode } from './support/graphql-client';
import { uploadMedia } from './support/media-upload';
import { newAccountInput, type TestApp } from './support/test-app';

/*
 * Two overlapping screenshots of one WeChat-like conversation, rendered by headless Chromium
 * in the test: Chinese and English, bubbles left (white) and right (green), a relative date
 * separator and a time, a "new messages" divider and a recall notice, the chat title on top.
 */
const FIRST: ChatRow[] = [
  { center: '昨天 21:14' },
  { side: 'left', text: '你到家了吗？' },
  { side: 'right', text: 'Just got home, the train was late again' },
  { side: 'left', text: '那你早点休息，明天见' },
  { center: '以下为新消息' },
  { side: 'right', text: '晚安，明天见' },
];
const SECOND: ChatRow[] = [
  { side: 'left', text: '那你早点休息，明天见' },
  { side: 'right', text: '晚安，明天见' },
  { center: '10:32' },
  { side: 'left', text: 'Good morning! Did you sleep well?' },
  { center: 'You recalled a message' },
  { side: 'right', text: '睡得很好，你呢？' },
];

const describeWithChromium = CHROMIUM_PATH && CJK_FONT_AVAILABLE ? describe : describe.skip;

describeWithChromium('Chat screenshots → messages (offline OCR, rendered fixtures)', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  let shots: Buffer[];

  beforeAll(async () => {
    const renderer = await ChatScreenshotRenderer.start();
    try {
      shots = [await renderer.render('Mei', FIRST), await renderer.render('Mei', SECOND)];
    } finally {
      await renderer.close();
    }
    ({ t, close } = await startAppWithStub());
  }, 120_000);
  afterAll(() => close?.());

  it('When two overlapping screenshots are previewed, confirmed and imported, Then the persona gets each message once with the right speaker and time', async () => {
    const account = newAccountInput({ displayName: 'Alex' });
    const token = (await t.http.ok(RegisterDocument, { input: account })).register.accessToken;
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    const ids: string[] = [];
    for (const shot of shots) {
      const up = await uploadMedia(t.baseUrl, token, shot, { purpose: 'SCREENSHOT' });
      expect(up.status).toBe(201);
      ids.push(up.json.id);
    }
    const uploadedAt = new Date((await t.http.ok(MediaFileDocument, { id: ids[0]! }, token)).mediaFile.createdAt);

    const input = { personaId: persona.id, screenshotIds: ids, timeZoneOffsetMinutes: 480 };
    const preview = (await t.http.ok(PreviewScreenshotImportDocument, { input }, token)).previewScreenshotImport.preview;
    expect(preview.messages.map((m) => `${m.side}: ${m.text}`)).toEqual([
      'LEFT: 你到家了吗？',
      'RIGHT: Just got home, the train was late again',
      'LEFT: 那你早点休息，明天见',
      'RIGHT: 晚安，明天见',
      'LEFT: Good morning! Did you sleep well?',
      'RIGHT: 睡得很好，你呢？',
    ]);
    expect(preview.messages.map((m) => m.screenshotId)).toEqual([ids[0], ids[0], ids[0], ids[0], ids[1], ids[1]]);
    expect(preview.overlapsRemoved).toBe(2);
    expect(preview.timeSeparators).toBe(2);
    // The title twice, "以下为新消息" and "You recalled a message".
    expect(preview.droppedSystemLines).toBe(4);
    expect(preview.proposedMapping).toEqual({ leftSpeaker: 'Mei', rightSpeaker: 'Alex', personaSide: 'LEFT' });

    // "昨天 21:14" and "10:32" in the user's clock (UTC+8), the day read against the upload.
    const local = new Date(uploadedAt.getTime() + 480 * 60_000);
    const at = (daysBack: number, h: number, m: number) =>
      new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysBack, h, m) - 480 * 60_000).toISOString();
    expect(preview.messages.map((m) => m.sentAt)).toEqual([at(1, 21, 14), at(1, 21, 14), at(1, 21, 14), at(1, 21, 14), at(0, 10, 32), at(0, 10, 32)]);

    // Nothing is imported by a preview.
    expect((await t.http.ok(PersonaDocument, { id: persona.id }, token)).persona.importedMessageCount).toBe(0);

    const confirmed = { ...input, leftSpeaker: 'Mei', rightSpeaker: 'Alex', personaSide: 'LEFT' as const };
    const imported = (await t.http.ok(ImportScreenshotsDocument, { input: confirmed }, token)).importScreenshots.chatLogImport;
    expect(imported).toMatchObject({ format: 'SCREENSHOT', parsedMessages: 6, inserted: 6, duplicates: 0, participants: ['Mei', 'Alex'] });
    expect((await t.http.ok(PersonaDocument, { id: persona.id }, token)).persona.importedMessageCount).toBe(6);

    // The stored transcript: who said what, as confirmed.
    const stored = await t.app.services.transcripts.list(persona.id);
    expect(stored.map((m) => [m.sender, m.role, m.text])).toEqual([
      ['Mei', 'persona', '你到家了吗？'],
      ['Alex', 'other', 'Just got home, the train was late again'],
      ['Mei', 'persona', '那你早点休息，明天见'],
      ['Alex', 'other', '晚安，明天见'],
      ['Mei', 'persona', 'Good morning! Did you sleep well?'],
      ['Alex', 'other', '睡得很好，你呢？'],
    ]);

    // Importing the same screenshots again adds nothing twice (same dedupe as chat logs).
    const again = (await t.http.ok(ImportScreenshotsDocument, { input: confirmed }, token)).importScreenshots.chatLogImport;
    expect(again).toMatchObject({ inserted: 0, duplicates: 6 });
  });

  it('When the user corrects the mapping, Then the corrections are what is imported', async () => {
    const token = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, token)).createPersona.persona;
    const up = await uploadMedia(t.baseUrl, token, shots[0]!, { purpose: 'SCREENSHOT' });
    // This phone's owner is on the left (a shared screenshot): swap, fix one side, drop one line.
    const result = (
      await t.http.ok(
        ImportScreenshotsDocument,
        { input: { personaId: persona.id, screenshotIds: [up.json.id], leftSpeaker: 'Me', rightSpeaker: 'Mei', personaSide: 'RIGHT', sideCorrections: [{ index: 2, side: 'RIGHT' }], dropIndexes: [3] } },
        token,
      )
    ).importScreenshots.chatLogImport;
    expect(result).toMatchObject({ parsedMessages: 3, inserted: 3 });
    const stored = await t.app.services.transcripts.list(persona.id);
    expect(stored.map((m) => [m.sender, m.role])).toEqual([
      ['Me', 'other'],
      ['Mei', 'persona'],
      ['Mei', 'persona'],
    ]);
  });

  it("When someone previews another user's screenshot, Then it is NOT_FOUND", async () => {
    const owner = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const up = await uploadMedia(t.baseUrl, owner, shots[1]!, { purpose: 'SCREENSHOT' });
    const intruder = (await t.http.ok(RegisterDocument, { input: newAccountInput() })).register.accessToken;
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'X' } }, intruder)).createPersona.persona;
    const attempt = await t.http.request(PreviewScreenshotImportDocument, { input: { personaId: persona.id, screenshotIds: [up.json.id] } }, intruder);
    expect(errorCode(attempt)).toBe('NOT_FOUND');
  });
});

if (!CHROMIUM_PATH || !CJK_FONT_AVAILABLE) {
  it.skip('Chat screenshot suite (no Chromium or no Chinese font to render fixtures: apt-get install -y chromium fonts-wqy-microhei)', () => undefined);
}
