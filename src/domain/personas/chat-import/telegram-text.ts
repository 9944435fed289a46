import type { TelegramMessage, TelegramRichText } from './telegram-export.schema';
import type { MediaKind } from './media-placeholder';

/** Telegram splits formatted text into entities; the person wrote the concatenation of their texts. */
export function flattenTelegramText(message: Pick<TelegramMessage, 'text' | 'text_entities'>): string {
  const text: TelegramRichText | undefined = message.text ?? message.text_entities;
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  sticker: 'sticker',
  voice_message: 'voice',
  video_message: 'video',
  video_file: 'video',
  animation: 'gif',
  audio_file: 'audio',
};

/** What a Telegram message carried besides text, from the fields the export sets for it. */
export function telegramMediaKind(message: TelegramMessage): MediaKind | null {
  if (message.photo !== undefined) return 'image';
  if (message.media_type !== undefined) return MEDIA_TYPES[message.media_type] ?? 'unknown';
  if (message.file !== undefined) return message.mime_type?.startsWith('image/') ? 'image' : 'document';
  if (message.location_information !== undefined) return 'location';
  if (message.contact_information !== undefined) return 'contact';
  if (message.poll !== undefined) return 'poll';
  return null;
}
