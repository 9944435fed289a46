import type { MediaKind } from './media-placeholder';

/** LINE's bracketed stand-ins for media, in the export languages (English, Chinese, Japanese). */
const MEDIA: ReadonlyMap<string, MediaKind> = new Map<string, MediaKind>([
  ...['[sticker]', '[stickers]', '[貼圖]', '[贴图]', '[スタンプ]'].map((t) => [t, 'sticker'] as const),
  ...['[photo]', '[photos]', '[照片]', '[圖片]', '[图片]', '[写真]', '[album]', '[相簿]', '[相册]', '[アルバム]'].map((t) => [t, 'image'] as const),
  ...['[video]', '[影片]', '[视频]', '[動画]'].map((t) => [t, 'video'] as const),
  ...['[voice message]', '[語音訊息]', '[语音信息]', '[语音消息]', '[ボイスメッセージ]'].map((t) => [t, 'voice'] as const),
  ...['[audio]', '[音訊]', '[音频]'].map((t) => [t, 'audio'] as const),
  ...['[file]', '[檔案]', '[文件]', '[ファイル]'].map((t) => [t, 'document'] as const),
  ...['[location]', '[位置資訊]', '[位置信息]', '[位置]', '[位置情報]'].map((t) => [t, 'location'] as const),
  ...['[contact]', '[聯絡資訊]', '[联系人]', '[連絡先]'].map((t) => [t, 'contact'] as const),
  ...['[gif]'].map((t) => [t, 'gif'] as const),
]);

export function lineMediaKind(text: string): MediaKind | null {
  return MEDIA.get(text.trim().toLowerCase()) ?? null;
}

/**
 * Entries LINE attributes to a sender that carry nothing they wrote: call logs ("☎ Missed
 * call", "☎ 通話時間 0:45") and unsent-message notices.
 */
const NOTHING_WRITTEN = [/^☎/, /unsent a message\.?$/i, /^message unsent\.?$/i, /(?:已收回訊息|撤回了一条消息|收回了一則訊息|送信を取り消しました)$/];

export function isLineNotice(text: string): boolean {
  const trimmed = text.trim();
  return NOTHING_WRITTEN.some((pattern) => pattern.test(trimmed));
}
