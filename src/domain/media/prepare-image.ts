import sharp from 'sharp';
import { DomainError } from '../errors';
import type { SniffedType } from './sniff-media-type';

/** Decompression-bomb guard: a 10 MB file may not unpack into more pixels than this. */
const MAX_INPUT_PIXELS = 40_000_000;

export interface PreparedImage {
  bytes: Buffer;
  contentType: SniffedType;
  width: number;
  height: number;
}

/**
 * Re-encodes an uploaded image so nothing but pixels is kept: sharp writes no metadata unless
 * asked, so EXIF (GPS location, camera, time), XMP and IPTC are gone; the EXIF orientation is
 * applied to the pixels first so the picture still stands upright. Photos are shrunk to fit
 * `maxSide`; screenshots keep their size (OCR reads small text) and PNG stays lossless.
 */
export async function prepareImage(input: Buffer, type: SniffedType, options: { maxSide?: number }): Promise<PreparedImage> {
  let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  if (options.maxSide) pipeline = pipeline.resize({ width: options.maxSide, height: options.maxSide, fit: 'inside', withoutEnlargement: true });
  pipeline =
    type === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : type === 'image/webp' ? pipeline.webp({ quality: 90 }) : pipeline.jpeg({ quality: 90, mozjpeg: true });
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: type, width: info.width, height: info.height };
  } catch (err) {
    // The magic bytes said image, but it does not decode: a truncated or forged file.
    throw new DomainError('MEDIA_TYPE_UNSUPPORTED', 'The file looks like an image but cannot be read', { reason: (err as Error).message.slice(0, 120) });
  }
}
