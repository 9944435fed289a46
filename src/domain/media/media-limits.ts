import { MediaPurpose } from './media-file.entity';
import { AUDIO_TYPES, IMAGE_TYPES, type SniffedType } from './sniff-media-type';

/** Per purpose: which types (by content) and how many bytes an upload may have. */
export const MEDIA_LIMITS: Record<MediaPurpose, { types: readonly SniffedType[]; maxBytes: number; label: string }> = {
  [MediaPurpose.SCREENSHOT]: { types: IMAGE_TYPES, maxBytes: 10 * 1024 * 1024, label: 'a PNG, JPEG or WebP image' },
  [MediaPurpose.AVATAR]: { types: IMAGE_TYPES, maxBytes: 10 * 1024 * 1024, label: 'a PNG, JPEG or WebP image' },
  [MediaPurpose.LIFESTYLE]: { types: IMAGE_TYPES, maxBytes: 10 * 1024 * 1024, label: 'a PNG, JPEG or WebP image' },
  [MediaPurpose.AUDIO]: { types: AUDIO_TYPES, maxBytes: 25 * 1024 * 1024, label: 'WAV, MP3, Ogg or M4A audio' },
};

/** Photos of a persona are resized to fit this box (screenshots keep their size for OCR). */
export const PHOTO_MAX_SIDE = 1600;
/** Photos one persona may have. */
export const MAX_PHOTOS_PER_PERSONA = 50;
/** Screenshots one import may read at once. */
export const MAX_SCREENSHOTS_PER_IMPORT = 20;
