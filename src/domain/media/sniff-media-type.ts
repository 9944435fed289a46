/** A content type SoulLink accepts, as told by the file's first bytes. */
export type SniffedType = 'image/png' | 'image/jpeg' | 'image/webp' | 'audio/wav' | 'audio/mpeg' | 'audio/ogg' | 'audio/mp4';

/** Bytes needed to tell every accepted type apart. */
export const SNIFF_BYTES = 16;

const startsWith = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');

/**
 * The type of a file by its magic bytes, never by its name or the client's content type:
 * PNG, JPEG, WebP; WAV (RIFF/WAVE), MP3 (ID3 tag or an MPEG audio frame sync), Ogg, M4A
 * (ISO base media `ftyp` with an audio brand). Null for anything else.
 */
export function sniffMediaType(head: Buffer): SniffedType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  // MPEG-1/2 layer III frame sync: 11 set bits, then a valid version and layer.
  if (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) === 0x02) return 'audio/mpeg';
  if (ascii(head, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(head, 4, 8) === 'ftyp' && ['M4A ', 'M4B ', 'mp42', 'isom', 'dash'].includes(ascii(head, 8, 12))) return 'audio/mp4';
  return null;
}

export const IMAGE_TYPES: readonly SniffedType[] = ['image/png', 'image/jpeg', 'image/webp'];
export const AUDIO_TYPES: readonly SniffedType[] = ['audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/mp4'];
