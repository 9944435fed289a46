import { CardParseError } from './card-parse-error';
import type { CharacterCardV2 } from './character-card-v2';
import { readPngChunks, readTextChunk, textChunk, writePngChunks, type PngChunk } from './png-chunks';

const CARD_KEYWORD = 'chara';
/**
 * V3-aware tools (SillyTavern among them) read a `ccv3` chunk before `chara`; a stale one
 * left in the image would shadow the card written here, so it goes too.
 */
const SHADOWING_KEYWORDS = new Set(['chara', 'ccv3']);
export const MAX_CARD_TEXT_BYTES = 8 * 1024 * 1024;

function cardKeyword(chunk: PngChunk): string | null {
  return readTextChunk(chunk)?.keyword.toLowerCase() ?? null;
}

/**
 * The PNG with the card in a `tEXt` chunk keyed "chara" holding base64 of the card's UTF-8
 * JSON, as SillyTavern writes it (tEXt, not zTXt or iTXt, is what card tools read). An
 * existing card chunk is replaced; the new one goes just before IEND.
 */
export function embedCardInPng(png: Buffer, card: CharacterCardV2): Buffer {
  const chunks = readPngChunks(png).filter((chunk) => !SHADOWING_KEYWORDS.has(cardKeyword(chunk) ?? ''));
  const encoded = Buffer.from(JSON.stringify(card), 'utf8').toString('base64');
  chunks.splice(chunks.length - 1, 0, textChunk(CARD_KEYWORD, encoded));
  return writePngChunks(chunks);
}

/**
 * The card JSON embedded in a PNG, parsed but not validated (pass it to fromCharacterCard).
 * Throws CardParseError when the file is not a PNG or carries no readable card.
 */
export function extractCardFromPng(png: Buffer): unknown {
  const chunk = readPngChunks(png).find((c) => cardKeyword(c) === CARD_KEYWORD);
  if (!chunk) throw new CardParseError('png', 'no "chara" tEXt chunk: the image carries no character card');
  const { text } = readTextChunk(chunk)!;
  if (text.length > MAX_CARD_TEXT_BYTES) throw new CardParseError('png.chara', `larger than ${MAX_CARD_TEXT_BYTES} bytes`);
  // A few old tools stored the JSON itself instead of base64.
  const json = text.trimStart().startsWith('{') ? Buffer.from(text, 'latin1').toString('utf8') : decodeBase64(text);
  try {
    return JSON.parse(json);
  } catch {
    throw new CardParseError('png.chara', 'not valid JSON');
  }
}

function decodeBase64(text: string): string {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new CardParseError('png.chara', 'not valid base64');
  return Buffer.from(compact, 'base64').toString('utf8');
}
