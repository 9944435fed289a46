import { crc32 } from 'node:zlib';
import { CardParseError } from './card-parse-error';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Avatars are small; anything near this is not a character card worth reading. */
export const MAX_PNG_BYTES = 32 * 1024 * 1024;

export interface PngChunk {
  type: string;
  data: Buffer;
}

/** PNG's CRC covers the chunk type and data, not the length. */
export function chunkCrc(type: string, data: Buffer): number {
  return crc32(data, crc32(Buffer.from(type, 'latin1')));
}

/**
 * The chunks of a PNG, up to and including IEND, each length- and CRC-checked (bytes after
 * IEND are ignored). Throws CardParseError at `png` for anything that is not a sound PNG.
 */
export function readPngChunks(png: Buffer): PngChunk[] {
  if (png.length > MAX_PNG_BYTES) throw new CardParseError('png', `larger than ${MAX_PNG_BYTES} bytes`);
  if (png.length < PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new CardParseError('png', 'not a PNG file (bad signature)');
  }
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < png.length) {
    const at = `png.chunk[${chunks.length}]`;
    if (offset + 12 > png.length) throw new CardParseError(at, 'truncated chunk header');
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new CardParseError(at, 'invalid chunk type');
    const dataEnd = offset + 8 + length;
    if (dataEnd + 4 > png.length) throw new CardParseError(at, `${type} chunk runs past the end of the file`);
    const data = png.subarray(offset + 8, dataEnd);
    if (png.readUInt32BE(dataEnd) !== chunkCrc(type, data)) throw new CardParseError(at, `${type} chunk CRC mismatch`);
    if (chunks.length === 0 && type !== 'IHDR') throw new CardParseError(at, 'first chunk is not IHDR');
    chunks.push({ type, data });
    offset = dataEnd + 4;
    if (type === 'IEND') return chunks;
  }
  throw new CardParseError('png', 'missing IEND chunk');
}

export function writePngChunks(chunks: readonly PngChunk[]): Buffer {
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const { type, data } of chunks) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(data.length, 0);
    header.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(chunkCrc(type, data), 0);
    parts.push(header, data, crc);
  }
  return Buffer.concat(parts);
}

/** tEXt: a Latin-1 keyword, a NUL, then Latin-1 text. */
export function textChunk(keyword: string, text: string): PngChunk {
  return { type: 'tEXt', data: Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]) };
}

export function readTextChunk(chunk: PngChunk): { keyword: string; text: string } | null {
  if (chunk.type !== 'tEXt') return null;
  const nul = chunk.data.indexOf(0);
  if (nul < 1) return null;
  return { keyword: chunk.data.toString('latin1', 0, nul), text: chunk.data.toString('latin1', nul + 1) };
}
