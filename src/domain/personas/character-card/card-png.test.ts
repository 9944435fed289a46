import { crc32, deflateSync } from 'node:zlib';
import { CardParseError } from './card-parse-error';
import { embedCardInPng, extractCardFromPng } from './card-png';
import { fromCharacterCard } from './from-character-card';
import type { PersonaCardFields } from './persona-card-fields';
import { toCharacterCardV2 } from './to-character-card';

// The test writes and checks PNG bytes itself rather than through png-chunks.ts, so a bug
// there cannot hide behind a matching bug in the check.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])));
  return Buffer.concat([length, Buffer.from(type, 'ascii'), data, crc]);
}

/** A 1×1 grey pixel: IHDR (8-bit greyscale), one IDAT scanline (filter byte + pixel), IEND. */
function tinyPng(...extraChunks: Buffer[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    ...extraChunks,
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface RawChunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function chunksOf(png: Buffer): RawChunk[] {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  const chunks: RawChunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    chunks.push({
      type: typeAndData.toString('ascii', 0, 4),
      data: typeAndData.subarray(4),
      crcOk: png.readUInt32BE(at + 8 + length) === crc32(typeAndData),
    });
    at += 12 + length;
  }
  return chunks;
}

const textChunk = (keyword: string, text: string) => chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));

const persona: PersonaCardFields = {
  name: 'Mia',
  age: 26,
  gender: 'female',
  relationshipContext: 'crush',
  description: 'Nurse, night shifts, loves ramen. 喜欢拉面。',
  interests: ['baking shows', 'hiking (reluctantly)'],
  values: ['loyalty'],
  goals: [],
  dealbreakers: ['rudeness to waiters'],
  personalitySummary: 'Bubbly, teasing, quick to reassure.',
  speakingSamples: ['omg stop 😭💕', 'ur literally the best'],
  greeting: 'heyyy 👀',
};

describe('character card in a PNG', () => {
  it('When a card is embedded and extracted, Then the same card comes back and the persona is unchanged', () => {
    const card = toCharacterCardV2(persona);
    const png = embedCardInPng(tinyPng(), card);
    expect(extractCardFromPng(png)).toEqual(card);
    expect(fromCharacterCard(extractCardFromPng(png))).toEqual(persona);
  });

  it('When a card is embedded, Then every chunk CRC is valid and the image chunks are untouched', () => {
    const original = tinyPng();
    const png = embedCardInPng(original, toCharacterCardV2(persona));
    const chunks = chunksOf(png);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
    const before = chunksOf(original);
    expect(chunks[0].data.equals(before[0].data)).toBe(true);
    expect(chunks[1].data.equals(before[1].data)).toBe(true);
  });

  it('When the chunk is written, Then it is tEXt "chara" holding base64 of the UTF-8 JSON', () => {
    const card = toCharacterCardV2(persona);
    const text = chunksOf(embedCardInPng(tinyPng(), card)).find((c) => c.type === 'tEXt')!.data.toString('latin1');
    const [keyword, value] = text.split('\0');
    expect(keyword).toBe('chara');
    expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(Buffer.from(value, 'base64').toString('utf8'))).toEqual(card);
  });

  it('When the PNG already carries a card (chara or a V3 ccv3), Then it is replaced, not duplicated', () => {
    const old = Buffer.from(JSON.stringify({ name: 'Old' })).toString('base64');
    const png = tinyPng(textChunk('chara', old), textChunk('ccv3', old), textChunk('Software', 'paint'));
    const updated = embedCardInPng(png, toCharacterCardV2(persona));
    const texts = chunksOf(updated)
      .filter((c) => c.type === 'tEXt')
      .map((c) => c.data.toString('latin1').split('\0')[0]);
    expect(texts).toEqual(['Software', 'chara']);
    expect(fromCharacterCard(extractCardFromPng(updated)).name).toBe('Mia');
    expect(chunksOf(updated).every((c) => c.crcOk)).toBe(true);
  });

  it('When an old tool stored the JSON itself rather than base64, Then it is still read', () => {
    const png = tinyPng(textChunk('chara', Buffer.from('{"name":"Zoë"}', 'utf8').toString('latin1')));
    expect(extractCardFromPng(png)).toEqual({ name: 'Zoë' });
  });

  it.each([
    ['a JPEG', 'png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ['an empty file', 'png', Buffer.alloc(0)],
    ['a PNG without a card', 'png', tinyPng()],
    ['a PNG cut off in its second chunk', 'png.chunk[1]', tinyPng().subarray(0, 40)],
    ['a card chunk that is not base64', 'png.chara', tinyPng(textChunk('chara', 'not base64 at all!'))],
    ['a card chunk that is not JSON', 'png.chara', tinyPng(textChunk('chara', Buffer.from('hello').toString('base64')))],
  ])('When extracting from %s, Then it fails at %s', (_, path, file) => {
    let error: unknown;
    try {
      extractCardFromPng(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CardParseError);
    expect((error as CardParseError).path).toBe(path);
  });

  it('When a chunk CRC is wrong, Then neither extract nor embed accepts the file', () => {
    const png = Buffer.from(tinyPng(textChunk('chara', 'e30=')));
    png[png.length - 20] ^= 0xff; // a byte inside the IDAT data
    expect(() => extractCardFromPng(png)).toThrow(/CRC mismatch/);
    expect(() => embedCardInPng(png, toCharacterCardV2(persona))).toThrow(CardParseError);
  });
});
