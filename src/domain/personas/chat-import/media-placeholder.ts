/** What a media message carried, as far as the export says. */
export type MediaKind =
  | 'image'
  | 'video'
  | 'audio'
  | 'voice'
  | 'sticker'
  | 'gif'
  | 'document'
  | 'contact'
  | 'location'
  | 'poll'
  | 'unknown';

/**
 * Every format writes its own stand-in for a photo or sticker ("<Media omitted>", "[貼圖]",
 * a Telegram `photo` field). One spelling downstream keeps style features and the analysis
 * prompts from treating those stand-ins as words the person wrote.
 */
export function mediaPlaceholder(kind: MediaKind): string {
  return `[media: ${kind}]`;
}

/** Media that came with a caption: the stand-in on the first line, the caption (the person's words) below. */
export function mediaWithCaption(kind: MediaKind, caption: string): string {
  const trimmed = caption.trim();
  return trimmed === '' ? mediaPlaceholder(kind) : `${mediaPlaceholder(kind)}\n${trimmed}`;
}

/**
 * The kind of an attached file from its name, for exports that list attachments by file
 * name: WhatsApp iOS "00000012-PHOTO-2023-12-31-21-41-05.jpg", WhatsApp Android
 * "IMG-20231231-WA0007.jpg" / "PTT-…opus" (voice note), or just the extension.
 */
export function mediaKindOfFileName(fileName: string): MediaKind {
  const name = fileName.trim();
  const ios = /^\d+-(PHOTO|VIDEO|AUDIO|STICKER|GIF|CONTACT)-/i.exec(name)?.[1]?.toUpperCase();
  if (ios === 'PHOTO') return 'image';
  if (ios === 'VIDEO') return 'video';
  if (ios === 'AUDIO') return /\.opus$/i.test(name) ? 'voice' : 'audio';
  if (ios === 'STICKER') return 'sticker';
  if (ios === 'GIF') return 'gif';
  if (ios === 'CONTACT') return 'contact';
  const android = /^(IMG|VID|PTT|AUD|STK|DOC)-/i.exec(name)?.[1]?.toUpperCase();
  if (android === 'IMG') return 'image';
  if (android === 'VID') return 'video';
  if (android === 'PTT') return 'voice';
  if (android === 'AUD') return 'audio';
  if (android === 'STK') return 'sticker';
  if (android === 'DOC') return 'document';
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (['jpg', 'jpeg', 'png', 'heic', 'heif', 'bmp'].includes(extension)) return 'image';
  if (['mp4', 'mov', 'm4v', '3gp', 'webm', 'mkv'].includes(extension)) return 'video';
  if (extension === 'opus') return 'voice';
  if (['mp3', 'm4a', 'aac', 'ogg', 'wav', 'amr'].includes(extension)) return 'audio';
  if (extension === 'webp' || extension === 'tgs') return 'sticker';
  if (extension === 'gif') return 'gif';
  if (extension === 'vcf') return 'contact';
  return 'document';
}
