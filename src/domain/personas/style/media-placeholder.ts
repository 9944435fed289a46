/**
 * Chat exports write a stand-in line where a photo, sticker, voice note or deleted message
 * was. Those lines say nothing about how the person writes, so text features skip them.
 * Covers WhatsApp (Android and iOS, English and Chinese), LINE and Telegram wording.
 */
const PLACEHOLDERS: RegExp[] = [
  /^<media omitted>$/i,
  /^<附件[:：].*>$/,
  /^<(?:媒体|媒體)(?:文件)?(?:已)?(?:省略|忽略)>$/,
  /^(?:image|video|audio|sticker|gif|document|contact card|photo) omitted$/i,
  /^(?:图片|圖片|视频|影片|音频|音訊|贴图|貼圖|文件|文檔)(?:已)?(?:省略|忽略)$/,
  /^(?:this message was deleted|you deleted this message|message deleted)\.?$/i,
  /^(?:此消息已删除|你删除了此消息|此訊息已刪除|你已刪除此訊息|メッセージの送信を取り消しました)$/,
  /^\[(?:photo|photos|sticker|video|file|voice message|audio|gif|contact|location|album|image|emoji)\]$/i,
  /^\[(?:图片|圖片|照片|贴图|貼圖|表情|动画表情|语音|語音|语音消息|語音訊息|视频|影片|文件|位置|链接|写真|スタンプ|動画|ファイル|ボイスメッセージ|位置情報|アルバム)\]$/,
  /^(?:null|missed (?:voice|video) call)$/i,
  // SoulLink's own normalised form, written by the chat-import parsers.
  /^\[media: [a-z-]+\]$/,
];

/** Exports often prefix placeholders with an invisible left-to-right mark. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\ufeff]/g;

export function isMediaPlaceholder(text: string): boolean {
  const cleaned = text.replace(INVISIBLE, '').trim();
  return PLACEHOLDERS.some((pattern) => pattern.test(cleaned));
}
