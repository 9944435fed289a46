import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { writePngChunks } from './character-card/png-chunks';

const SIZE = 128;

/**
 * A plain avatar for exported card PNGs (card tools expect an image): a soft two-colour
 * gradient derived from the persona's name, so each persona's card looks different.
 */
export function placeholderAvatar(name: string): Buffer {
  const hash = createHash('sha256').update(name).digest();
  const top = [hash[0]! | 0x60, hash[1]! | 0x60, hash[2]! | 0x60];
  const bottom = [hash[3]! & 0x9f, hash[4]! & 0x9f, hash[5]! & 0x9f];
  const row = 1 + SIZE * 3;
  const raw = Buffer.alloc(row * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * row] = 0; // filter: none
    const t = y / (SIZE - 1);
    for (let x = 0; x < SIZE; x++) {
      for (let c = 0; c < 3; c++) raw[y * row + 1 + x * 3 + c] = Math.round(top[c]! * (1 - t) + bottom[c]! * t);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return writePngChunks([
    { type: 'IHDR', data: header },
    { type: 'IDAT', data: deflateSync(raw) },
    { type: 'IEND', data: Buffer.alloc(0) },
  ]);
}
