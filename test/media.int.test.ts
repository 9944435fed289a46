import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  AnalyzePersonaPhotoDocument,
  CreatePersonaDocument,
  DeleteMediaFileDocument,
  DeleteMyAccountDocument,
  ExportMyDataDocument,
  MediaFileDocument,
  MeDocument,
  PersonaPhotosDocument,
  RegisterDocument,
  SetPersonaConsentDocument,
} from '../graphql/generated/graphql';
import type { StubLlmServer } from '../src/llm/stub/stub-llm-server';
import { startAppWithStub } from './support/app-with-stub';
import { errorCode } from './support/graphql-client';
import { downloadMedia, uploadMedia } from './support/media-upload';
import { newAccountInput, type TestApp } from './support/test-app';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Every file under a folder (the filesystem object store's root). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  } catch {
    return [];
  }
}

/** A JPEG as a phone writes it: large, with the camera and the GPS position in its EXIF. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
    .toBuffer();
}

let t: TestApp;
let stub: StubLlmServer;
let close: () => Promise<void>;
let mediaRoot: string;

beforeAll(async () => {
  ({ t, stub, close } = await startAppWithStub({ LLM_VISION_MODELS: 'stub-vision' }));
  mediaRoot = (t.app.services.config.objectStore as { root: string }).root;
});
afterAll(() => close());

async function signUp() {
  const account = newAccountInput();
  const token = (await t.http.ok(RegisterDocument, { input: account })).register.accessToken;
  return { token, account, userId: (await t.http.ok(MeDocument, {}, token)).me.id };
}

describe('Uploads: content-checked limits, ownership, encryption at rest', () => {
  it('When a user uploads a screenshot, Then only they can read it back, and the bytes at rest are sealed', async () => {
    const a = await signUp();
    const b = await signUp();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ededed' } }).png().toBuffer();
    const up = await uploadMedia(t.baseUrl, a.token, png, { purpose: 'SCREENSHOT' }, { 'content-type': 'image/jpeg' });
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ purpose: 'SCREENSHOT', contentType: 'image/png', width: 40, height: 30, personaId: null });

    const own = await downloadMedia(t.baseUrl, a.token, up.json.id);
    expect(own.status).toBe(200);
    expect(own.type).toBe('image/png');
    expect(own.bytes.subarray(0, 8)).toEqual(PNG_MAGIC);

    // Another user: the file does not exist for them, over HTTP and GraphQL alike.
    const theirs = await downloadMedia(t.baseUrl, b.token, up.json.id);
    expect(theirs.status).toBe(404);
    expect(JSON.parse(theirs.bytes.toString()).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(MediaFileDocument, { id: up.json.id }, b.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.http.request(DeleteMediaFileDocument, { input: { id: up.json.id } }, b.token))).toBe('NOT_FOUND');
    expect((await t.http.ok(MediaFileDocument, { id: up.json.id }, a.token)).mediaFile.byteSize).toBe(own.bytes.length);

    const atRest = filesUnder(join(mediaRoot, 'users', a.userId));
    expect(atRest).toHaveLength(1);
    expect(readFileSync(atRest[0]!).subarray(0, 8).equals(PNG_MAGIC)).toBe(false);
    expect(readFileSync(atRest[0]!).includes(own.bytes.subarray(16, 48))).toBe(false);

    await t.http.ok(DeleteMediaFileDocument, { input: { id: up.json.id } }, a.token);
    expect((await downloadMedia(t.baseUrl, a.token, up.json.id)).status).toBe(404);
    expect(filesUnder(join(mediaRoot, 'users', a.userId))).toEqual([]);
  });

  it('When an upload is mislabelled, oversized or anonymous, Then it is refused and nothing is kept', async () => {
    const a = await signUp();
    const text = Buffer.from('definitely not a picture, whatever the name says');
    const mislabelled = await uploadMedia(t.baseUrl, a.token, text, { purpose: 'SCREENSHOT', filename: 'chat.png' }, { 'content-type': 'image/png' });
    expect(mislabelled.status).toBe(415);
    expect(mislabelled.json.errors[0].extensions.code).toBe('MEDIA_TYPE_UNSUPPORTED');

    // An image is not audio, whatever the purpose claims.
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await uploadMedia(t.baseUrl, a.token, png, { purpose: 'AUDIO' })).json.errors[0].extensions.code).toBe('MEDIA_TYPE_UNSUPPORTED');

    // Over 10 MB with a PNG signature: refused by its declared length…
    const big = Buffer.concat([PNG_MAGIC, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const declared = await uploadMedia(t.baseUrl, a.token, big, { purpose: 'AVATAR' });
    expect(declared.status).toBe(413);
    expect(declared.json.errors[0].extensions.code).toBe('MEDIA_TOO_LARGE');
    // …and, streamed without a length, by the bytes as they arrive.
    const chunks = [PNG_MAGIC, ...Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024))];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await uploadMedia(t.baseUrl, a.token, stream, { purpose: 'SCREENSHOT' });
    expect(streamed.status).toBe(413);
    expect(streamed.json.errors[0].extensions.code).toBe('MEDIA_TOO_LARGE');

    expect((await uploadMedia(t.baseUrl, undefined, png, { purpose: 'SCREENSHOT' })).status).toBe(401);
    expect(filesUnder(join(mediaRoot, 'users', a.userId))).toEqual([]);
  });
});

describe('Persona photos', () => {
  it('When a phone photo is uploaded, Then its EXIF location is gone and it is shrunk; the vision model (stub) observes it with the photo cited', async () => {
    const a = await signUp();
    const persona = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'PARTNER', name: 'Mei' } }, a.token)).createPersona.persona;
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD is there

    const up = await uploadMedia(t.baseUrl, a.token, original, { purpose: 'LIFESTYLE', personaId: persona.id });
    expect(up.status).toBe(201);
    const stored = await downloadMedia(t.baseUrl, a.token, up.json.id);
    const meta = await sharp(stored.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([1600, 1200]);

    // A partner is a real person: their photos need consent first.
    expect(errorCode(await t.http.request(AnalyzePersonaPhotoDocument, { input: { photoId: up.json.id } }, a.token))).toBe('CONSENT_REQUIRED');
    await t.http.ok(SetPersonaConsentDocument, { input: { id: persona.id, given: true } }, a.token);
    const analysed = (await t.http.ok(AnalyzePersonaPhotoDocument, { input: { photoId: up.json.id } }, a.token)).analyzePersonaPhoto.photo;
    expect(analysed.analysisModel).toBe('stub-vision');
    expect(analysed.observations).toEqual([{ kind: 'interest', note: expect.stringMatching(/^stub vision: image 1 of 1 \(image\/jpeg, [\d.]+ KB, sha256 [0-9a-f]{8}\)$/), citations: [up.json.id] }]);

    const photos = (await t.http.ok(PersonaPhotosDocument, { personaId: persona.id }, a.token)).personaPhotos;
    expect(photos.map((p) => [p.id, p.kind, p.observations.length])).toEqual([[up.json.id, 'LIFESTYLE', 1]]);

    // The model was shown the stored (EXIF-free) image as an OpenAI image part.
    const call = stub.requests().find((r) => r.model === 'stub-vision')!.body as { messages: { content: unknown }[] };
    const part = (call.messages.at(-1)!.content as { type: string; image_url?: { url: string } }[]).find((p) => p.type === 'image_url')!;
    expect(Buffer.from(part.image_url!.url.replace(/^data:image\/jpeg;base64,/, ''), 'base64')).toEqual(stored.bytes);

    // Another user can neither list nor analyse it.
    const other = await signUp();
    expect(errorCode(await t.http.request(PersonaPhotosDocument, { personaId: persona.id }, other.token))).toBe('PERSONA_NOT_FOUND');
    expect(errorCode(await t.http.request(AnalyzePersonaPhotoDocument, { input: { photoId: up.json.id } }, other.token))).toBe('NOT_FOUND');
  });

  it('When no vision model is configured, Then analysis says VISION_NOT_CONFIGURED and the photo is still stored', async () => {
    const plain = await startAppWithStub();
    try {
      const account = newAccountInput();
      const token = (await plain.t.http.ok(RegisterDocument, { input: account })).register.accessToken;
      const self = (await plain.t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, token)).createPersona.persona;
      const avatar = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c89a8a' } }).webp().toBuffer();
      const up = await uploadMedia(plain.t.baseUrl, token, avatar, { purpose: 'AVATAR', personaId: self.id });
      expect(up.status).toBe(201);
      expect(up.json.contentType).toBe('image/webp');
      const refused = await plain.t.http.request(AnalyzePersonaPhotoDocument, { input: { photoId: up.json.id } }, token);
      expect(errorCode(refused)).toBe('VISION_NOT_CONFIGURED');
      const photos = (await plain.t.http.ok(PersonaPhotosDocument, { personaId: self.id }, token)).personaPhotos;
      expect(photos.map((p) => [p.id, p.analyzedAt, p.observations])).toEqual([[up.json.id, null, []]]);
      expect(plain.stub.requests().filter((r) => r.path === '/v1/chat/completions')).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('Data rights cover files', () => {
  it('When a user with files exports and then erases their account, Then the export holds the files and erasure leaves none', async () => {
    const a = await signUp();
    const self = (await t.http.ok(CreatePersonaDocument, { input: { kind: 'SELF', name: 'Alex' } }, a.token)).createPersona.persona;
    const avatar = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#8aa4c8' } }).png().toBuffer();
    const up = await uploadMedia(t.baseUrl, a.token, avatar, { purpose: 'AVATAR', personaId: self.id });
    await t.http.ok(AnalyzePersonaPhotoDocument, { input: { photoId: up.json.id } }, a.token);
    const stored = await downloadMedia(t.baseUrl, a.token, up.json.id);

    const bundle = (await t.http.ok(ExportMyDataDocument, {}, a.token)).exportMyData as { media: { id: string; base64: string; observations: { citations: string[] }[] }[]; postgres: Record<string, { id: string }[]> };
    expect(bundle.media.map((m) => m.id)).toEqual([up.json.id]);
    expect(Buffer.from(bundle.media[0]!.base64, 'base64')).toEqual(stored.bytes);
    expect(bundle.media[0]!.observations[0]!.citations).toEqual([up.json.id]);
    expect(bundle.postgres.media_files!.map((r) => r.id)).toEqual([up.json.id]);

    expect(filesUnder(join(mediaRoot, 'users', a.userId))).toHaveLength(1);
    await t.http.ok(DeleteMyAccountDocument, { input: { confirmEmail: a.account.email } }, a.token);
    expect(filesUnder(join(mediaRoot, 'users', a.userId))).toEqual([]);
    const rows = await t.app.services.orm.em.getConnection().execute('select count(*)::int as n from media_files where owner_id = ?', [a.userId]);
    expect(rows[0].n).toBe(0);
  });
});
