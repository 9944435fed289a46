import { type MediaKind, mediaKindOfFileName, mediaWithCaption } from './media-placeholder';
import { startsWithLeftToRightMark, withoutInvisibleMarks } from './source-lines';
import type { WhatsAppVariant } from './whatsapp-header';

export type WhatsAppBody = { kind: 'text' | 'media'; text: string };

/** Stand-ins WhatsApp writes instead of media when exporting without it (Android, iOS; English, Chinese). */
const OMITTED_MEDIA: ReadonlyArray<readonly [RegExp, MediaKind]> = [
  [/^<media omitted>$/i, 'unknown'],
  [/^<(?:媒体文件已省略|媒体已省略|媒體已略去|已略去媒體|省略影音內容|影音內容已略去)>$/, 'unknown'],
  [/^(?:image|photo) omitted$/i, 'image'],
  [/^video omitted$/i, 'video'],
  [/^audio omitted$/i, 'audio'],
  [/^sticker omitted$/i, 'sticker'],
  [/^gif omitted$/i, 'gif'],
  // iOS prefixes the file name and page count: "‎Menu.pdf • ‎2 pages ‎document omitted".
  [/document omitted$/i, 'document'],
  [/^contact card omitted$/i, 'contact'],
  [/^(?:图片|圖片|照片)(?:已省略|已忽略|已略去)$/, 'image'],
  [/^(?:视频|影片)(?:已省略|已忽略|已略去)$/, 'video'],
  [/^(?:音频|音訊)(?:已省略|已忽略|已略去)$/, 'audio'],
  [/^(?:贴纸|贴图|貼圖)(?:已省略|已忽略|已略去)$/, 'sticker'],
  // Android writes "null" where a view-once photo or video was.
  [/^null$/, 'unknown'],
  [/^location: https?:\/\/maps\.google\.com\//i, 'location'],
];

/** Exports that include media name the file: iOS `<attached: 00000012-PHOTO-….jpg>`, Android `IMG-….jpg (file attached)`. */
const ATTACHED_FILE = [/^<(?:attached|附件)[:：]\s*(.+)>$/i, /^(.+?\.[a-z0-9]{2,5}) \((?:file attached|文件附件|已附加檔案)\)$/i];

/** Entries that carry nothing the person wrote: deleted or undecryptable messages and call logs. */
const NOTHING_WRITTEN = [
  /^(?:this message was deleted|you deleted this message)\.?$/i,
  /^waiting for this message\b/i,
  /^(?:此消息已删除|你删除了此消息|此訊息已刪除|你已刪除此訊息)$/,
  /^missed (?:group )?(?:voice|video) call\b/i,
];

/** WhatsApp appends this to edited messages; the person did not type it. */
const EDITED_MARK = /\s*\u200e?<This message was edited>$/i;

function mediaKindOf(firstLine: string): MediaKind | null {
  for (const [pattern, kind] of OMITTED_MEDIA) if (pattern.test(firstLine)) return kind;
  for (const pattern of ATTACHED_FILE) {
    const file = pattern.exec(firstLine)?.[1];
    if (file !== undefined) return mediaKindOfFileName(file);
  }
  return null;
}

/**
 * What a WhatsApp message says: its text lines joined, media stand-ins normalised (a caption
 * on the following lines is kept under the stand-in), or null when the entry is a notice
 * rather than something the person wrote.
 */
export function readWhatsAppBody(lines: readonly string[], variant: WhatsAppVariant): WhatsAppBody | null {
  const [first = '', ...rest] = lines;
  const head = withoutInvisibleMarks(first).trim();
  const media = mediaKindOf(head);
  if (media !== null) return { kind: 'media', text: mediaWithCaption(media, rest.join('\n')) };
  // iOS marks notices with a left-to-right mark even when it attributes them to a name.
  if (variant === 'ios' && startsWithLeftToRightMark(first)) return null;
  if (NOTHING_WRITTEN.some((pattern) => pattern.test(head))) return null;
  const text = [first, ...rest].join('\n').trim().replace(EDITED_MARK, '').trim();
  return text === '' ? null : { kind: 'text', text };
}
