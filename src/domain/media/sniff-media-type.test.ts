import { sniffMediaType } from './sniff-media-type';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], '....'), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], '..JFIF'), 'image/jpeg'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['WAV', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'audio/wav'],
    ['MP3 with ID3', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x00]), 'audio/mpeg'],
    ['Ogg', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['M4A', bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]), 'audio/mp4'],
  ])('When the bytes are %s, Then the type is told by them', (_name, head, type) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it('When a text file is named like an image, Then it is not one', () => {
    expect(sniffMediaType(Buffer.from('hello, this is not a png'))).toBeNull();
    expect(sniffMediaType(bytes('GIF89a', [0, 0]))).toBeNull();
  });
});
